// Reading single files and single day folders: all `list --date` and the
// edits of one event need, without the whole-archive machinery (workers,
// caches) that read-archive.ts and read-index.ts bring in.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describeFault, faultOnPath, relPathProblem } from "../inside.js";
import { buildArchive } from "../model.js";
import { note } from "../format/parse-event.js";
import { dayDirs, parseArchivePath, type DayRef } from "../format/paths.js";
import { parseFile } from "../format/read-file.js";
import type { Archive, ArchiveFile } from "../types.js";

/**
 * One file by its archive path. A path through a symbolic link, or to
 * something that is not a regular file, is never opened: it reads as a
 * not-a-file finding, as the walk of the whole archive reports it.
 */
export function readArchiveFile(root: string, path: string): ArchiveFile {
  const bad = relPathProblem(path);
  if (bad) return { kind: "unreadable", path, info: null, notes: [note(1, 1, "bad-path", "error", `not an archive path: ${bad}`)] };
  const fault = faultOnPath(root, path, "file");
  if (fault && fault.kind !== "unreadable") {
    return { kind: "unreadable", path, info: parseArchivePath(path), notes: [note(1, 1, "not-a-file", "error", describeFault(fault))] };
  }
  return readListedFile(root, path);
}

/** A file a listing of the archive found as a regular file (no link on its way): read without looking again. */
export function readListedFile(root: string, path: string): ArchiveFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(root, path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    return {
      kind: "unreadable",
      path,
      info: parseArchivePath(path),
      notes: [note(1, 1, "parse-error", "error", `cannot read the file (${code})`)],
    };
  }
  return parseFile(path, bytes);
}

/** The .md files directly in a folder (archive-relative names), sorted; none when it is missing. Never a link: Dirent does not follow them. */
export function markdownFilesIn(root: string, dir: string): string[] {
  try {
    return readdirSync(join(root, dir), { withFileTypes: true })
      .filter((d) => d.isFile() && d.name.endsWith(".md"))
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
}

/** Only the folders of the given days, padded or not: never the whole archive, nor a folder reached through a link. */
export function readDays(root: string, days: DayRef[]): Archive {
  const files: ArchiveFile[] = [];
  for (const day of days) {
    for (const dir of dayDirs(day)) {
      if (faultOnPath(root, dir, "folder")) continue;
      for (const name of markdownFilesIn(root, dir)) files.push(readListedFile(root, `${dir}/${name}`));
    }
  }
  return buildArchive(root, files);
}

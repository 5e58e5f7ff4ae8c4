// Reading single files and single day folders: all `list --date` and the
// edits of one event need, without the whole-archive machinery (workers,
// caches) that read.ts and read-index.ts bring in.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildArchive } from "../model.js";
import { note } from "../parse-event.js";
import { dayDirs, parseArchivePath, type DayRef } from "../paths.js";
import { parseFile } from "../read-file.js";
import type { Archive, ArchiveFile } from "../types.js";

export function readArchiveFile(root: string, path: string): ArchiveFile {
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

/** The .md files directly in a folder (archive-relative names), sorted; none when it is missing. */
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

/** Only the folders of the given days, padded or not: never the whole archive. */
export function readDays(root: string, days: DayRef[]): Archive {
  const files: ArchiveFile[] = [];
  for (const day of days) {
    for (const dir of dayDirs(day)) {
      for (const name of markdownFilesIn(root, dir)) files.push(readArchiveFile(root, `${dir}/${name}`));
    }
  }
  return buildArchive(root, files);
}

// From disk to parsed files. Reading is synchronous on purpose: on many
// small files readFileSync is several times faster than fs.promises.

import { readdirSync, readFileSync } from "node:fs";
import { isUtf8 } from "node:buffer";
import { join } from "node:path";
import fg from "fast-glob";
import { buildArchive } from "./model.js";
import { parseDayPage } from "./parse-day.js";
import { note, parseEvent } from "./parse-event.js";
import { dayDirs, parseArchivePath, type DayRef } from "./paths.js";
import type { Archive, ArchiveFile } from "./types.js";

/** Every .md path under news/, archive-relative, forward slashes, sorted. */
export function listArchivePaths(root: string): string[] {
  const paths = fg.sync("news/**/*.md", {
    cwd: root,
    onlyFiles: true,
    followSymbolicLinks: false,
    suppressErrors: true,
    dot: false,
  });
  return paths.sort();
}

/** Parse one file's bytes. Never throws. */
export function parseFile(path: string, bytes: Buffer): ArchiveFile {
  const info = parseArchivePath(path);
  if (!info) {
    return { kind: "unreadable", path, info, notes: [note(1, 1, "bad-path", "error", "not at news/YYYY/MM/D/<slug>.md")] };
  }
  if (bytes.includes(0)) {
    return { kind: "unreadable", path, info, notes: [note(1, 1, "parse-error", "error", "binary file (holds NUL bytes): not an event")] };
  }
  if (!isUtf8(bytes)) {
    return { kind: "unreadable", path, info, notes: [note(1, 1, "parse-error", "error", "not valid UTF-8 text")] };
  }
  const text = bytes.toString("utf8");
  return info.isDayPage ? parseDayPage(path, info, text) : parseEvent(path, info, text);
}

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

export function readArchive(root: string): Archive {
  return buildArchive(root, listArchivePaths(root).map((path) => readArchiveFile(root, path)));
}

/** Only the folders of the given days, padded or not: never the whole archive. */
export function readDays(root: string, days: DayRef[]): Archive {
  const files: ArchiveFile[] = [];
  for (const day of days) {
    for (const dir of dayDirs(day)) {
      let names: string[];
      try {
        names = readdirSync(join(root, dir), { withFileTypes: true })
          .filter((d) => d.isFile() && d.name.endsWith(".md"))
          .map((d) => d.name)
          .sort();
      } catch {
        continue;
      }
      for (const name of names) files.push(readArchiveFile(root, `${dir}/${name}`));
    }
  }
  return buildArchive(root, files);
}

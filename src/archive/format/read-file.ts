// One file's bytes to a parsed file. Kept apart from read/read-archive.ts so that worker
// threads load the parser and nothing else.

import { isUtf8 } from "node:buffer";
import { parseDayPage } from "./parse-day.js";
import { note, parseEvent } from "./parse-event.js";
import { parseArchivePath } from "./paths.js";
import type { ArchiveFile } from "../types.js";

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

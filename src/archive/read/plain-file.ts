// Reading one file the archive holds without trusting it: never through a
// symbolic link (on the way down from the root or at the end), only a
// regular file (a FIFO would block the read), and never past a size limit.

import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import { faultOnPath } from "../inside.js";

export type PlainRead =
  | { ok: true; bytes: Buffer }
  | { ok: false; why: "missing" | "symlink" | "not-a-file" | "too-large" | "unreadable"; code?: string };

export interface PlainReadOptions {
  maxBytes: number;
  /** A file the user named on the command line: a symbolic link is theirs to give (still only to a regular file). */
  followLinks?: boolean;
}

/** `rel` under `root` (archive-relative), or an absolute path when `root` is null. */
export function readPlainFile(root: string | null, rel: string, options: PlainReadOptions): PlainRead {
  if (root !== null && !options.followLinks) {
    const fault = faultOnPath(root, rel, "file");
    if (fault) return { ok: false, why: fault.kind === "symlink" ? "symlink" : fault.kind === "not-a-file" ? "not-a-file" : "unreadable" };
  }
  const path = root === null ? rel : join(root, rel);
  // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
  const flags = constants.O_RDONLY | constants.O_NONBLOCK | (options.followLinks ? 0 : constants.O_NOFOLLOW);
  let fd: number;
  try {
    fd = openSync(path, flags);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { ok: false, why: "missing" };
    if (code === "ELOOP") return { ok: false, why: "symlink" };
    return { ok: false, why: "unreadable", code };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, why: "not-a-file" };
    return readCapped(fd, options.maxBytes);
  } finally {
    closeSync(fd);
  }
}

/** Reads until the end (the file may grow while read), refusing at the first byte past the limit. */
function readCapped(fd: number, maxBytes: number): PlainRead {
  const buffer = Buffer.alloc(Math.min(maxBytes + 1, 1 << 16));
  const chunks: Buffer[] = [];
  let length = 0;
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      return { ok: false, why: "unreadable", code: (error as NodeJS.ErrnoException).code };
    }
    if (n === 0) break;
    length += n;
    if (length > maxBytes) return { ok: false, why: "too-large" };
    chunks.push(Buffer.from(buffer.subarray(0, n)));
  }
  return { ok: true, bytes: Buffer.concat(chunks, length) };
}

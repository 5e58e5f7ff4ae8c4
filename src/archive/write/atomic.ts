// Writing a file so that no reader ever sees it half-written, and so that
// nothing planted in the archive can redirect the write: every temp file is
// created with O_CREAT|O_EXCL, which fails on any existing entry, a symbolic
// link included, instead of following it.

import { closeSync, fchmodSync, fchownSync, fsyncSync, lstatSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";

export interface NewFileOptions {
  /** fsync the bytes before returning (journals and archive files; caches need not). */
  durable?: boolean;
  /** Permission bits to give the file (a rewritten file keeps its old mode). */
  mode?: number;
  /** Owner to give the file (when running as root, a rewritten file keeps its owner). */
  owner?: { uid: number; gid: number };
  /** Called once the file exists and before its bytes are written: a test hook for a failing write. */
  beforeWrite?: () => void;
}

/** Create `abs`, which must not exist, with `content`. On failure it is removed again. */
export function writeNewFile(abs: string, content: string | Buffer, options: NewFileOptions = {}): void {
  const fd = openSync(abs, "wx");
  try {
    if (options.mode !== undefined) fchmodSync(fd, options.mode);
    if (options.owner) fchownSync(fd, options.owner.uid, options.owner.gid);
    options.beforeWrite?.();
    const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off);
    if (options.durable) fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(abs, { force: true });
    throw error;
  }
  closeSync(fd);
}

/** fsync a folder, so that a rename in it survives a power cut. */
export function syncDir(path: string): void {
  try {
    const fd = openSync(path, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* not supported everywhere; the rename is still atomic */
  }
}

/**
 * Replace (or create) `name` in `dir` in one rename: readers see the old
 * bytes or the new, never a mix. `temp` names the temp file (default: a
 * random dot name beside it); it is removed whenever the write fails.
 */
export function writeAtomically(dir: string, name: string, content: string | Buffer, options: NewFileOptions & { temp?: string } = {}): void {
  const temp = join(dir, options.temp ?? `.${name}.${randomBytes(6).toString("hex")}.tmp`);
  writeNewFile(temp, content, options);
  try {
    renameSync(temp, join(dir, name));
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  if (options.durable) syncDir(dirname(temp));
}

/**
 * One file outside any archive lock (a merge driver's result, a repository's
 * .gitattributes) replaced in one rename, keeping its mode. A symbolic link
 * at `abs` is replaced, never followed.
 */
export function replaceFile(abs: string, content: string | Buffer): void {
  let mode: number | undefined;
  try {
    const st = lstatSync(abs);
    if (st.isFile()) mode = st.mode & 0o7777;
  } catch {
    /* a new file: the default mode is fine */
  }
  writeAtomically(dirname(abs), basename(abs), content, { durable: true, mode });
}

// The one way newsctl writes and reads its cache files under
// .newsctl/cache/. The state folder arrives with the repository, so it may
// hold anything a pull request puts there: a folder on the way that is a
// symbolic link makes the cache unused (cacheFolder), a cache file is opened
// without following a link and used only when it is a regular file (never a
// FIFO or a device that would hang or flood the read), and a file is written
// as a fresh temp file (O_EXCL) renamed into place. A read-only archive
// simply goes without a cache.

import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { writeAtomically } from "../write/atomic.js";
import { cacheFolder } from "../write/state-dir.js";

const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/**
 * `name`'s folder (`cache`, or `cache/<sub>` for a name with one sub-folder)
 * and file name; null when it cannot be used. Looked at afresh on every call
 * (a few lstat calls): a long-lived process (the API) must not trust what
 * the folder was an hour ago.
 */
function locate(root: string, name: string, create: boolean): { dir: string; base: string } | null {
  const slash = name.lastIndexOf("/");
  const sub = slash < 0 ? "cache" : `cache/${name.slice(0, slash)}`;
  if (create && sub !== "cache" && !cacheFolder(root, "cache", true)) return null;
  const dir = cacheFolder(root, sub, create);
  return dir ? { dir, base: name.slice(slash + 1) } : null;
}

/** An open descriptor on the cache file `name`, or null (missing, unusable, through a link, not a regular file). Close it. */
export function openCacheFile(root: string, name: string): number | null {
  const at = locate(root, name, false);
  if (!at) return null;
  let fd: number;
  try {
    fd = openSync(join(at.dir, at.base), OPEN_FLAGS);
  } catch {
    return null;
  }
  try {
    if (fstatSync(fd).isFile()) return fd;
  } catch {
    /* fall through */
  }
  closeSync(fd);
  return null;
}

/** The file's bytes, or null when it is missing or cannot be used. */
export function readCacheFile(root: string, name: string): Buffer | null {
  const fd = openCacheFile(root, name);
  if (fd === null) return null;
  try {
    return readFileSync(fd);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** Write `chunks` as the file `name` (may hold one sub-folder); failures are silent. */
export function writeCacheFile(root: string, name: string, chunks: Uint8Array[]): void {
  const at = locate(root, name, true);
  if (!at) return;
  try {
    writeAtomically(at.dir, at.base, Buffer.concat(chunks));
  } catch {
    // A read-only archive simply goes without a cache.
  }
}

/** The value saved under `name` for `key`, or null (missing, stale or corrupt). */
export function readCacheJson<T>(root: string, name: string, key: string): T | null {
  return loadCacheJson<T>(root, name)?.(key) ?? null;
}

/** The file `name` read and parsed now, to be asked later for the value saved under a key; null when missing or corrupt. */
export function loadCacheJson<T>(root: string, name: string): ((key: string) => T | null) | null {
  const bytes = readCacheFile(root, name);
  if (!bytes) return null;
  try {
    const saved = JSON.parse(bytes.toString("utf8")) as { key?: unknown; value?: T };
    return (key) => (saved.key === key && saved.value !== undefined ? saved.value : null);
  } catch {
    return null; // corrupt: work it out afresh, and save again
  }
}

export function writeCacheJson(root: string, name: string, key: string, value: unknown): void {
  writeCacheFile(root, name, [Buffer.from(JSON.stringify({ key, value }), "utf8")]);
}

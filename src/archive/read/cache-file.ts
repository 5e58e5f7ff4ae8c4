// The one way newsctl writes and reads its cache files under
// .newsctl/cache/: written to a fresh temp file (opened with O_EXCL, so an
// existing file, or a link planted in its place, is never written through)
// and renamed into place. A read-only archive simply goes without a cache.

import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { stateDir, STATE_DIR } from "../lock.js";

export function cachePath(root: string, name: string): string {
  return join(root, STATE_DIR, "cache", name);
}

/** The file's bytes, or null when it is missing or unreadable. */
export function readCacheFile(root: string, name: string): Buffer | null {
  try {
    return readFileSync(cachePath(root, name));
  } catch {
    return null;
  }
}

/** Write `chunks` as the file `name` (may hold one sub-folder); failures are silent. */
export function writeCacheFile(root: string, name: string, chunks: Uint8Array[]): void {
  const path = cachePath(root, name);
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    stateDir(root);
    mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(temp, "wx");
    try {
      for (const chunk of chunks) {
        for (let at = 0; at < chunk.length; ) at += writeSync(fd, chunk, at);
      }
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch {
    rmSync(temp, { force: true });
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

// Answers about a whole unchanged large archive (validate's findings, list's
// index of current events), reused when nothing under news/ changed since. The key
// is every file's path, size and mtime (plus every special entry) and the
// build of newsctl itself, so an edited, added or removed file, or a new
// newsctl, always means a fresh check. Runs that saw a file modified within
// the last second are never saved: a later edit in the same mtime tick could
// otherwise hide.

import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { writeAtomically } from "../write/atomic.js";
import { cacheDir } from "./parse-cache.js";
import { LARGE_ARCHIVE_MONTHS } from "./read-archive.js";
import { buildStamp } from "./build-stamp.js";
import { walkMarkdown, type Special } from "./scan.js";

export interface Fingerprint {
  key: string;
  /** Large enough for caching to pay (and for .newsctl/ to be expected). */
  large: boolean;
  /** Some file changed within the last second: do not save. */
  recent: boolean;
}

/** Uses the real clock, not the context's: recency is about the file system's own mtimes. */
export function fingerprintArchive(root: string): Fingerprint {
  const nowMs = Date.now();
  const specials: Special[] = [];
  const paths = walkMarkdown(root, "news", [], specials).sort();
  const months = new Set(paths.map((p) => p.split("/").slice(0, 3).join("/")));
  const hash = createHash("sha1").update(buildStamp());
  let recent = false;
  for (const path of paths) {
    const st = statSync(join(root, path), { throwIfNoEntry: false });
    if (!st) {
      recent = true;
      continue;
    }
    if (st.mtimeMs >= nowMs - 1000) recent = true;
    hash.update(`${path}\0${st.size}\0${st.mtimeMs}\n`);
  }
  for (const s of specials.sort((a, b) => (a.path < b.path ? -1 : 1))) hash.update(`special\0${s.path}\0${s.reason}\n`);
  return { key: hash.digest("hex"), large: months.size >= LARGE_ARCHIVE_MONTHS, recent };
}

/** The answer saved under `name` for this key, or null (missing, stale or corrupt). */
export function loadResult<T>(root: string, name: string, key: string): T | null {
  const dir = cacheDir(root);
  if (!dir) return null;
  try {
    const saved = JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8")) as { key?: unknown; value?: T };
    return saved.key === key && saved.value !== undefined ? saved.value : null;
  } catch {
    return null; // missing or corrupt: work it out afresh, and save again
  }
}

export function saveResult(root: string, name: string, key: string, value: unknown): void {
  const dir = cacheDir(root, true);
  if (!dir) return;
  try {
    writeAtomically(dir, `${name}.json`, JSON.stringify({ key, value }));
  } catch {
    // A read-only archive: no cache, same answer.
  }
}

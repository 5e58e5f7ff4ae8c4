// Successful checks remembered across runs in .newsctl/cache/online-urls.json,
// so a daily run asks only what it has not seen working lately. Failures are
// never saved: a flaky source is asked again next run. The archive is
// untrusted (a pull request can commit anything under .newsctl/), so a
// .newsctl or cache folder that is not a plain folder turns the cache off,
// the file is opened without following links, every entry is checked, and
// the file is replaced by rename from a temp file made with O_EXCL.

import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { cacheDir } from "../../../archive/cache.js";
import { stateDir, STATE_DIR } from "../../../archive/lock.js";
import { checkSourceUrl } from "../../../archive/urls.js";
import type { Outcome } from "./outcome.js";

export type Success = Extract<Outcome, { kind: "ok" | "moved" }>;

export interface CacheEntry {
  /** When the check was made, ms since the epoch. */
  at: number;
  outcome: Success;
}

const FILE = "online-urls.json";
const FORMAT = 1;
const MAX_BYTES = 64 * 1024 * 1024;
/** Entries older than this are dropped on save, whatever --max-age a run used. */
export const KEEP_MS = 30 * 24 * 3600 * 1000;

type DirState = "ok" | "missing" | "refused";

function dirState(path: string): DirState {
  try {
    const st = lstatSync(path);
    return st.isDirectory() && !st.isSymbolicLink() ? "ok" : "refused";
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "missing" : "refused";
  }
}

/** Every entry of the cache file, or an empty map when there is none to trust. */
export function loadUrlCache(root: string, nowMs: number): Map<string, CacheEntry> {
  const entries = new Map<string, CacheEntry>();
  if (dirState(join(root, STATE_DIR)) !== "ok" || dirState(cacheDir(root)) !== "ok") return entries;
  const text = readNoFollow(join(cacheDir(root), FILE));
  if (text === null) return entries;
  let saved: unknown;
  try {
    saved = JSON.parse(text);
  } catch {
    return entries;
  }
  const s = saved as { format?: unknown; entries?: unknown };
  if (s === null || typeof s !== "object" || s.format !== FORMAT || s.entries === null || typeof s.entries !== "object") return entries;
  for (const [url, raw] of Object.entries(s.entries as Record<string, unknown>)) {
    const entry = readEntry(url, raw, nowMs);
    if (entry) entries.set(url, entry);
  }
  return entries;
}

function readNoFollow(path: string): string | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > MAX_BYTES) return null;
    const buffer = Buffer.alloc(st.size);
    let read = 0;
    while (read < st.size) {
      const n = readSync(fd, buffer, read, st.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read).toString("utf8");
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** An entry as saved, or null when any part of it is not what this code writes. */
function readEntry(url: string, raw: unknown, nowMs: number): CacheEntry | null {
  if (checkSourceUrl(url) !== null || raw === null || typeof raw !== "object") return null;
  const { at, outcome } = raw as { at?: unknown; outcome?: { kind?: unknown; status?: unknown; to?: unknown } };
  // A check "from the future" was not made by this clock: do not let it pass for fresh.
  if (typeof at !== "number" || !Number.isFinite(at) || at > nowMs + 60_000) return null;
  if (!outcome || typeof outcome !== "object") return null;
  if (outcome.kind === "ok") return { at, outcome: { kind: "ok" } };
  if (outcome.kind === "moved" && (outcome.status === 301 || outcome.status === 308) && typeof outcome.to === "string" && checkSourceUrl(outcome.to) === null) {
    return { at, outcome: { kind: "moved", status: outcome.status, to: outcome.to } };
  }
  return null;
}

/**
 * Merge this run's successes into the file (another run may have saved
 * meanwhile) and drop what is too old to be of use. Best effort: a
 * read-only archive or a refused folder simply goes without.
 */
export function saveUrlCache(root: string, fresh: Map<string, CacheEntry>, nowMs: number): void {
  if (fresh.size === 0 || !prepareDirs(root)) return;
  const merged = loadUrlCache(root, nowMs);
  for (const [url, entry] of fresh) merged.set(url, entry);
  const entries: Record<string, CacheEntry> = {};
  for (const [url, entry] of merged) if (nowMs - entry.at <= KEEP_MS) entries[url] = entry;
  const path = join(cacheDir(root), FILE);
  const temp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    // "wx" is O_CREAT|O_EXCL: it never opens a file or link someone planted under that name.
    const fd = openSync(temp, "wx", 0o644);
    try {
      writeSync(fd, JSON.stringify({ format: FORMAT, entries }));
    } finally {
      closeSync(fd);
    }
    if (dirState(cacheDir(root)) !== "ok") throw new Error("the cache folder changed");
    renameSync(temp, path);
  } catch {
    rmSync(temp, { force: true });
  }
}

function prepareDirs(root: string): boolean {
  try {
    const state = dirState(join(root, STATE_DIR));
    if (state === "refused") return false;
    if (state === "missing") stateDir(root);
    const cache = dirState(cacheDir(root));
    if (cache === "refused") return false;
    if (cache === "missing") mkdirSync(cacheDir(root));
    return dirState(join(root, STATE_DIR)) === "ok" && dirState(cacheDir(root)) === "ok";
  } catch {
    return false;
  }
}

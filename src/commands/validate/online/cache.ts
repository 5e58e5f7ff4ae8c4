// Successful checks remembered across runs in .newsctl/cache/online-urls.json,
// so a daily run asks only what it has not seen working lately. Failures are
// never saved: a flaky source is asked again next run. The archive is
// untrusted (a pull request can commit anything under .newsctl/), so a
// .newsctl or cache folder that is not a plain folder turns the cache off,
// the file is opened without following links, every entry is checked, and
// the file is replaced by rename from a temp file made with O_EXCL.

import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import { writeAtomically } from "../../../archive/write/atomic.js";
import { cacheDir } from "../../../archive/read/parse-cache.js";
import { checkSourceUrl } from "../../../archive/format/urls.js";
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

/** Every entry of the cache file, or an empty map when there is none to trust. */
export function loadUrlCache(root: string, nowMs: number): Map<string, CacheEntry> {
  const entries = new Map<string, CacheEntry>();
  const folder = cacheDir(root);
  if (!folder) return entries;
  const text = readNoFollow(join(folder, FILE));
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
  if (fresh.size === 0) return;
  const folder = cacheDir(root, true);
  if (!folder) return;
  const merged = loadUrlCache(root, nowMs);
  for (const [url, entry] of fresh) merged.set(url, entry);
  const entries: Record<string, CacheEntry> = {};
  for (const [url, entry] of merged) if (nowMs - entry.at <= KEEP_MS) entries[url] = entry;
  try {
    writeAtomically(folder, FILE, JSON.stringify({ format: FORMAT, entries }));
  } catch {
    // A read-only archive simply goes without.
  }
}

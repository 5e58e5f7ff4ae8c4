// Reading the archive in parts ("tasks", one per month folder, listed by
// read/walk.ts), so the parts can run on worker threads.

import { join } from "node:path";
import { loadShard, saveShard, shardRecords, statStamp, type Shard } from "./parse-cache.js";
import { packRecords, unpackRecords, type PackedRecords } from "./pack.js";
import { parseArchivePath } from "../format/paths.js";
import { note } from "../format/parse-event.js";
import { parseFile } from "../format/read-file.js";
import { readStamped, toRecord, type FileRecord } from "./record.js";
import type { ArchiveFile } from "../types.js";
import { walkMarkdown, type Special } from "./walk.js";

export { planTasks, walkMarkdown, type Special } from "./walk.js";

export interface ScanOptions {
  cache: boolean;
}

/** A finding for an entry that is never opened. */
export function specialFile(special: Special): ArchiveFile {
  return {
    kind: "unreadable",
    path: special.path,
    info: parseArchivePath(special.path),
    notes: [note(1, 1, "not-a-file", "error", special.reason)],
  };
}

function specialRecord(special: Special): FileRecord {
  return toRecord(specialFile(special), { size: -1, mtimeMs: -1 });
}

/**
 * Read and parse one task's files, packed for the main thread. When every
 * file still has its cached stamp, the cached pack goes out as it is.
 */
export function scanTask(root: string, dir: string, options: ScanOptions, index = 0): PackedRecords {
  const specials: Special[] = [];
  const packed = scanRegular(root, dir, options, index, walkMarkdown(root, dir, [], specials).sort());
  if (specials.length === 0) return packed;
  // Rare: special entries are found afresh on every run and never cached.
  return packRecords(index, [...unpackRecords(packed), ...specials.map(specialRecord)]);
}

function scanRegular(root: string, dir: string, options: ScanOptions, index: number, paths: string[]): PackedRecords {
  const startedMs = Date.now();
  const shard = options.cache ? loadShard(root, dir) : null;
  const stamps = shard ? paths.map((path) => statStamp(join(root, path))) : null;
  if (shard && stamps && unchanged(paths, stamps, shard)) return { index, ...shard.packed };
  const cached = shard ? shardRecords(shard) : null;
  const records = paths.map((path, i) => {
    const hit = cached?.get(path);
    const stamp = stamps?.[i];
    if (hit && stamp && stamp.size === hit[2] && stamp.mtimeMs === hit[3]) return hit;
    return readRecord(root, path);
  });
  const packed = packRecords(index, records);
  if (options.cache) saveShard(root, dir, records, startedMs, packed);
  return packed;
}

function unchanged(paths: string[], stamps: ({ size: number; mtimeMs: number } | null)[], shard: Shard): boolean {
  if (shard.keys.length !== paths.length) return false;
  return paths.every((path, i) => {
    const [p, size, mtimeMs] = shard.keys[i]!;
    const stamp = stamps[i];
    return p === path && stamp !== null && stamp !== undefined && stamp.size === size && stamp.mtimeMs === mtimeMs;
  });
}

export function scanFiles(root: string, paths: string[]): FileRecord[] {
  return paths.map((path) => readRecord(root, path));
}

/** Exactly what readArchiveFile gives, as a record stamped with what fstat saw. */
function readRecord(root: string, path: string): FileRecord {
  let read;
  try {
    read = readStamped(join(root, path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    const file = { kind: "unreadable" as const, path, info: parseArchivePath(path), notes: [note(1, 1, "parse-error", "error", `cannot read the file (${code})`)] };
    return toRecord(file, { size: -1, mtimeMs: -1 });
  }
  return toRecord(parseFile(path, read.bytes), read.stamp);
}

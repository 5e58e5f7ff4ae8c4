// The parse cache: .newsctl/cache/<shard>.bin, one shard per month folder,
// holding the lean records of its files keyed by path, size and mtime. It
// can only make reading faster, never different: a file whose size or mtime
// differs is read again, a file not on disk is never listed from the cache,
// and a shard that fails its checksum or does not decode is ignored (and
// rewritten). Shards are written to a temp file and renamed into place.

import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { crc32 } from "node:zlib";
import { writeAtomically } from "../write/atomic.js";
import { buildStamp } from "./build-stamp.js";
import { cacheFolder } from "../write/state-dir.js";
import { packRecords, unpackRecords, type PackedRecords } from "./pack.js";
import { recordKey, type FileRecord } from "./record.js";

/** Bump when the record layout changes; parser changes are caught by CODE_STAMP. */
const FORMAT = 2;

// A cache written by another build of newsctl is never trusted (read/build-stamp.ts).
const CODE_STAMP = buildStamp();

/**
 * .newsctl/cache, or null when a link or a file is in its way (then there is
 * no cache: nothing is ever read or written through a link). `create` makes
 * it when missing, for saving.
 */
export function cacheDir(root: string, create = false): string | null {
  return cacheFolder(root, "cache", create);
}

const shardName = (dir: string) => `${encodeURIComponent(dir)}.bin`;

export interface Shard {
  /** [path, size, mtimeMs] of every record, in order. */
  keys: [string, number, number][];
  /** The records as packed for the trip to the main thread, ready to send as they are. */
  packed: Omit<PackedRecords, "index">;
}

/** The shard, or null when there is none or it cannot be trusted. */
export function loadShard(root: string, dir: string): Shard | null {
  const folder = cacheDir(root);
  if (!folder) return null;
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(folder, shardName(dir)));
  } catch {
    return null;
  }
  try {
    if (bytes.length < 4 || bytes.readUInt32LE(0) !== crc32(bytes.subarray(4))) return null;
    const shard = deserialize(bytes.subarray(4)) as { format: number; code: string; dir: string; keys: unknown; json: unknown; data: unknown };
    if (shard.format !== FORMAT || shard.code !== CODE_STAMP || shard.dir !== dir) return null;
    if (!Array.isArray(shard.keys) || typeof shard.json !== "string" || !Array.isArray(shard.data)) return null;
    return { keys: shard.keys as Shard["keys"], packed: { json: shard.json, data: shard.data as PackedRecords["data"] } };
  } catch {
    return null;
  }
}

/** The records of a shard, by path (only when some file changed). */
export function shardRecords(shard: Shard): Map<string, FileRecord> {
  const map = new Map<string, FileRecord>();
  for (const rec of unpackRecords({ index: 0, ...shard.packed })) map.set(recordKey(rec).path, rec);
  return map;
}

/**
 * Files changed less than a second before they were read are left out: an
 * edit within the same mtime tick could otherwise hide behind the old stamp.
 */
export function saveShard(root: string, dir: string, records: FileRecord[], readStartedMs: number, packed?: PackedRecords): void {
  const safe = records.filter((rec) => {
    const { mtimeMs, size } = recordKey(rec);
    return size >= 0 && mtimeMs < readStartedMs - 1000;
  });
  const keys = safe.map((rec) => {
    const { path, size, mtimeMs } = recordKey(rec);
    return [path, size, mtimeMs];
  });
  const { json, data } = packed && safe.length === records.length ? packed : packRecords(0, safe);
  const payload = serialize({ format: FORMAT, code: CODE_STAMP, dir, keys, json, data });
  const head = Buffer.alloc(4);
  head.writeUInt32LE(crc32(payload) >>> 0, 0);
  const folder = cacheDir(root, true);
  if (!folder) return;
  try {
    writeAtomically(folder, shardName(dir), Buffer.concat([head, payload]));
  } catch {
    // A read-only archive simply goes without a cache.
  }
}

/** Size and mtime as stat sees them, or null when the file is gone. */
export function statStamp(abs: string): { size: number; mtimeMs: number } | null {
  try {
    const st = statSync(abs);
    return { size: st.size, mtimeMs: st.mtimeMs };
  } catch {
    return null;
  }
}

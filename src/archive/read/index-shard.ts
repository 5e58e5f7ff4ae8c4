// The index cache: .newsctl/cache/index/<month folder>.bin holds one part of
// the lean index, keyed by every entry's path, size and mtime (and by the
// build of newsctl that wrote it). It can only make reading faster, never
// different: a shard whose key differs from what is on disk now, that fails
// its checksum, or that does not decode is ignored (and rewritten).

import { crc32 } from "node:zlib";
import type { Part } from "../index/part.js";
import { readCacheFile, writeCacheFile } from "./cache-file.js";

const FORMAT = 1;

export interface Shard {
  /** Every entry's path and stamp, as scanTask writes them. */
  keys: string;
  digest: string;
  part: Part;
}

interface Header {
  format: number;
  stamp: string;
  dir: string;
  keys: string;
  digest: string;
  ints: number;
}

function shardName(dir: string): string {
  return `index/${encodeURIComponent(dir)}.bin`;
}

/** The shard of `dir`, or null when there is none or it cannot be trusted. */
export function loadShard(root: string, dir: string, stamp: string): Shard | null {
  const bytes = readCacheFile(root, shardName(dir));
  if (!bytes || bytes.length < 8) return null;
  try {
    if (bytes.readUInt32LE(0) !== crc32(bytes.subarray(4))) return null;
    const headerEnd = 8 + bytes.readUInt32LE(4);
    const head = JSON.parse(bytes.toString("utf8", 8, headerEnd)) as Header;
    if (head.format !== FORMAT || head.stamp !== stamp || head.dir !== dir || typeof head.keys !== "string") return null;
    const intsEnd = headerEnd + head.ints * 4;
    if (intsEnd > bytes.length) return null;
    const ints = new Int32Array(head.ints);
    new Uint8Array(ints.buffer).set(bytes.subarray(headerEnd, intsEnd));
    const strs = new Uint8Array(bytes.length - intsEnd);
    strs.set(bytes.subarray(intsEnd));
    return { keys: head.keys, digest: head.digest, part: { ints, strs } };
  } catch {
    return null;
  }
}

export function saveShard(root: string, dir: string, stamp: string, shard: Shard): void {
  const head: Header = { format: FORMAT, stamp, dir, keys: shard.keys, digest: shard.digest, ints: shard.part.ints.length };
  const headBytes = Buffer.from(JSON.stringify(head), "utf8");
  const ints = Buffer.from(shard.part.ints.buffer, shard.part.ints.byteOffset, shard.part.ints.byteLength);
  const strs = shard.part.strs;
  const prefix = Buffer.alloc(8);
  prefix.writeUInt32LE(headBytes.length, 4);
  let crc = crc32(prefix.subarray(4));
  for (const chunk of [headBytes, ints, strs]) crc = crc32(chunk, crc);
  prefix.writeUInt32LE(crc >>> 0, 0);
  writeCacheFile(root, shardName(dir), [prefix, headBytes, ints, strs]);
}

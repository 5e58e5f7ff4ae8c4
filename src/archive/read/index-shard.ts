// The index cache: .newsctl/cache/index/<month folder>.bin holds one part of
// the lean index, keyed by every entry's path, size and mtime (and by the
// build of newsctl that wrote it). It can only make reading faster, never
// different: a shard whose key differs from what is on disk now, that fails
// a checksum, or that does not decode is ignored (and rewritten).

import { closeSync, readSync } from "node:fs";
import { crc32 } from "node:zlib";
import type { Part } from "../index/part.js";
import { openCacheFile, readCacheFile, writeCacheFile } from "./cache-file.js";

const FORMAT = 2;

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

// A shard: [crc of the next 8 bytes and the header][header length][crc of
// the body][header JSON][ints][strings]. The header (the keys) is read and
// checked alone: an unchanged archive never reads a body it does not use.
const PREFIX = 12;

function shardName(dir: string): string {
  return `index/${encodeURIComponent(dir)}.bin`;
}

/** The header of `dir`'s shard, with the checksum of its body; null when there is none or it cannot be trusted. */
export function loadShardHead(root: string, dir: string, stamp: string): (Header & { bodyCrc: number; bodyStart: number }) | null {
  const fd = openCacheFile(root, shardName(dir));
  if (fd === null) return null;
  try {
    const prefix = Buffer.alloc(PREFIX);
    if (readSync(fd, prefix, 0, PREFIX, 0) !== PREFIX) return null;
    const length = prefix.readUInt32LE(4);
    const header = Buffer.alloc(length);
    if (readSync(fd, header, 0, length, PREFIX) !== length) return null;
    if (prefix.readUInt32LE(0) !== crc32(header, crc32(prefix.subarray(4)))) return null;
    const head = JSON.parse(header.toString("utf8")) as Header;
    if (head.format !== FORMAT || head.stamp !== stamp || head.dir !== dir || typeof head.keys !== "string" || typeof head.digest !== "string") return null;
    return { ...head, bodyCrc: prefix.readUInt32LE(8), bodyStart: PREFIX + length };
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** The whole shard of `dir`, or null when there is none or it cannot be trusted. */
export function loadShard(root: string, dir: string, stamp: string): Shard | null {
  const head = loadShardHead(root, dir, stamp);
  const bytes = head && readCacheFile(root, shardName(dir));
  if (!head || !bytes) return null;
  const intsEnd = head.bodyStart + head.ints * 4;
  if (intsEnd > bytes.length || crc32(bytes.subarray(head.bodyStart)) !== head.bodyCrc) return null;
  const ints = new Int32Array(head.ints);
  new Uint8Array(ints.buffer).set(bytes.subarray(head.bodyStart, intsEnd));
  const strs = new Uint8Array(bytes.length - intsEnd);
  strs.set(bytes.subarray(intsEnd));
  return { keys: head.keys, digest: head.digest, part: { ints, strs } };
}

export function saveShard(root: string, dir: string, stamp: string, shard: Shard): void {
  const head: Header = { format: FORMAT, stamp, dir, keys: shard.keys, digest: shard.digest, ints: shard.part.ints.length };
  const header = Buffer.from(JSON.stringify(head), "utf8");
  const ints = Buffer.from(shard.part.ints.buffer, shard.part.ints.byteOffset, shard.part.ints.byteLength);
  const strs = shard.part.strs;
  const prefix = Buffer.alloc(PREFIX);
  prefix.writeUInt32LE(header.length, 4);
  prefix.writeUInt32LE(crc32(strs, crc32(ints)) >>> 0, 8);
  prefix.writeUInt32LE(crc32(header, crc32(prefix.subarray(4))) >>> 0, 0);
  writeCacheFile(root, shardName(dir), [prefix, header, ints, strs]);
}

// Listing and reading the archive in parts ("tasks", one per month folder),
// so the parts can run on worker threads. The walk keeps fast-glob's
// `news/**/*.md` semantics (no dot names, no symbolic links) without loading
// it: this is the same list, found with plain readdir calls.

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { loadShard, saveShard, shardRecords, statStamp, type Shard } from "./cache.js";
import { packRecords, unpackRecords, type PackedRecords } from "./pack.js";
import { parseArchivePath } from "./paths.js";
import { note } from "./parse-event.js";
import { parseFile } from "./read-file.js";
import { readStamped, toRecord, type FileRecord } from "./record.js";
import type { ArchiveFile } from "./types.js";

export interface ScanOptions {
  cache: boolean;
}

/** An entry that is never opened: a symbolic link, a folder named like a file, a FIFO or device. */
export interface Special {
  path: string;
  reason: string;
}

interface Entries {
  files: string[];
  dirs: string[];
  specials: Special[];
}

/** The .md files, the folders and the special entries directly in `dir` (archive-relative). */
function entriesOf(root: string, dir: string): Entries {
  const out: Entries = { files: [], dirs: [], specials: [] };
  let list;
  try {
    list = readdirSync(join(root, dir), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const d of list) {
    if (d.name.startsWith(".")) continue;
    const path = `${dir}/${d.name}`;
    // A link is never followed: it may loop, or point outside the archive.
    if (d.isSymbolicLink()) out.specials.push({ path, reason: "a symbolic link: not followed (newsctl never reads through links)" });
    else if (d.isDirectory()) {
      out.dirs.push(path);
      if (d.name.endsWith(".md")) out.specials.push({ path, reason: "a folder named like an event file" });
    } else if (d.name.endsWith(".md")) {
      if (d.isFile()) out.files.push(path);
      else out.specials.push({ path, reason: "not a regular file (a FIFO, socket or device): not read" });
    }
  }
  return out;
}

/** Every .md path at or below `dir`; the special entries met on the way go to `specials`. */
export function walkMarkdown(root: string, dir: string, out: string[] = [], specials: Special[] = []): string[] {
  const entries = entriesOf(root, dir);
  out.push(...entries.files);
  specials.push(...entries.specials);
  for (const sub of entries.dirs) walkMarkdown(root, sub, out, specials);
  return out;
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

/** The month folders (news/YYYY/MM) as tasks, and the few files and special entries above them. */
export function planTasks(root: string): { tasks: string[]; loose: string[]; specials: Special[] } {
  const top = entriesOf(root, "news");
  const loose = [...top.files];
  const specials = [...top.specials];
  const tasks: string[] = [];
  for (const dir of top.dirs) {
    const inner = entriesOf(root, dir);
    loose.push(...inner.files);
    specials.push(...inner.specials);
    tasks.push(...inner.dirs);
  }
  return { tasks: tasks.sort(), loose: loose.sort(), specials };
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

// Listing and reading the archive in parts ("tasks", one per month folder),
// so the parts can run on worker threads. The walk keeps fast-glob's
// `news/**/*.md` semantics (no dot names, no symbolic links) without loading
// it: this is the same list, found with plain readdir calls.

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { loadShard, saveShard, shardRecords, statStamp, type Shard } from "./cache.js";
import { packRecords, type PackedRecords } from "./pack.js";
import { parseArchivePath } from "./paths.js";
import { note } from "./parse-event.js";
import { parseFile } from "./read-file.js";
import { readStamped, toRecord, type FileRecord } from "./record.js";

export interface ScanOptions {
  cache: boolean;
}

interface Entries {
  files: string[];
  dirs: string[];
}

/** The .md files and the folders directly in `dir` (archive-relative). */
function entriesOf(root: string, dir: string): Entries {
  const out: Entries = { files: [], dirs: [] };
  let list;
  try {
    list = readdirSync(join(root, dir), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const d of list) {
    if (d.name.startsWith(".")) continue;
    if (d.isDirectory()) out.dirs.push(`${dir}/${d.name}`);
    else if (d.isFile() && d.name.endsWith(".md")) out.files.push(`${dir}/${d.name}`);
  }
  return out;
}

/** Every .md path at or below `dir`. */
export function walkMarkdown(root: string, dir: string, out: string[] = []): string[] {
  const { files, dirs } = entriesOf(root, dir);
  out.push(...files);
  for (const sub of dirs) walkMarkdown(root, sub, out);
  return out;
}

/** The month folders (news/YYYY/MM) as tasks, and the few files above them. */
export function planTasks(root: string): { tasks: string[]; loose: string[] } {
  const top = entriesOf(root, "news");
  const loose = [...top.files];
  const tasks: string[] = [];
  for (const dir of top.dirs) {
    const inner = entriesOf(root, dir);
    loose.push(...inner.files);
    tasks.push(...inner.dirs);
  }
  return { tasks: tasks.sort(), loose: loose.sort() };
}

/**
 * Read and parse one task's files, packed for the main thread. When every
 * file still has its cached stamp, the cached pack goes out as it is.
 */
export function scanTask(root: string, dir: string, options: ScanOptions, index = 0): PackedRecords {
  const paths = walkMarkdown(root, dir).sort();
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

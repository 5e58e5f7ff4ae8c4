// Listing and reading the archive in parts ("tasks", one per month folder),
// so the parts can run on worker threads. The walk keeps fast-glob's
// `news/**/*.md` semantics (no dot names, no symbolic links) without loading
// it: this is the same list, found with plain readdir calls.

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { loadShard, saveShard, statStamp } from "./cache.js";
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

/** Read and parse one task's files, using and refreshing its cache shard. */
export function scanTask(root: string, dir: string, options: ScanOptions): FileRecord[] {
  const paths = walkMarkdown(root, dir).sort();
  const startedMs = Date.now();
  const cached = options.cache ? loadShard(root, dir) : null;
  let fresh = cached === null;
  const records: FileRecord[] = [];
  for (const path of paths) {
    const hit = cached?.get(path);
    if (hit) {
      const stamp = statStamp(join(root, path));
      if (stamp && stamp.size === hit[2] && stamp.mtimeMs === hit[3]) {
        records.push(hit);
        continue;
      }
    }
    fresh = true;
    records.push(readRecord(root, path));
  }
  if (options.cache && (fresh || records.length !== cached?.size)) saveShard(root, dir, records, startedMs);
  return records;
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

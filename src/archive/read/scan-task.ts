// One task (a month folder, or the few files above them): walk it, read and
// scan every file, run each file's own rules, and pack the lean index part.
// Runs on a worker thread for a large archive, on the main thread otherwise.
// The entries' paths and stamps (what fstat saw while reading, or what stat
// sees when the cached part is still good) make the task's digest: the
// archive's cache key is built from these, with no walk of its own.

import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { scannedFromParsed, type ScannedFile } from "../index/scanned.js";
import type { FileFinding, Part } from "../index/part.js";
import { PartWriter } from "../index/part-writer.js";
import { note } from "../format/parse-event.js";
import { parseArchivePath } from "../format/paths.js";
import { specialFile } from "./scan.js";
import { checkFile } from "../../rules/file-rules.js";
import { loadShard, loadShardHead, saveShard } from "./index-shard.js";
import { scanBytes } from "./scan-file.js";
import { walkMarkdown, type Special } from "./walk.js";

export interface TaskOptions {
  cache: boolean;
  /** The build stamp the cache is keyed by. */
  stamp: string;
  /** When this run began (Date.now()): files changed within a second before it are never cached. */
  startedMs: number;
}

export interface TaskStats {
  files: number;
  /** Files read and scanned (not taken from the cache). */
  scanned: number;
  walkMs: number;
  readMs: number;
  /** Scanning and each file's own rules. */
  scanMs: number;
  packMs: number;
}

export interface TaskResult {
  index: number;
  digest: string;
  /** A file changed within the last second: nothing from this run may be cached. */
  recent: boolean;
  /** null: the cached part is good, and is sent only when asked for (see index-pool.ts). */
  part: Part | null;
  stats: TaskStats;
}

export function scanTask(root: string, dir: string, options: TaskOptions, index: number, deferCached: boolean): TaskResult {
  const stats: TaskStats = { files: 0, scanned: 0, walkMs: 0, readMs: 0, scanMs: 0, packMs: 0 };
  let t = performance.now();
  const specials: Special[] = [];
  const paths = walkMarkdown(root, dir, [], specials).sort();
  stats.walkMs = performance.now() - t;
  stats.files = paths.length + specials.length;
  const head = options.cache ? loadShardHead(root, dir, options.stamp) : null;
  if (head) {
    t = performance.now();
    const keys = statKeys(root, paths, specials);
    stats.readMs = performance.now() - t;
    if (keys === head.keys) {
      if (deferCached) return { index, digest: head.digest, recent: false, part: null, stats };
      const part = cachedPart(root, dir, options, head.digest);
      if (part) return { index, digest: head.digest, recent: false, part, stats };
    }
  }
  const result = scanFiles(root, paths, specials, `${dir}/`, options.startedMs, stats);
  if (options.cache && result.cacheable) saveShard(root, dir, options.stamp, { keys: result.keys, digest: result.digest, part: result.part });
  return { index, digest: result.digest, recent: result.recent, part: result.part, stats };
}

/** The cached part of a task whose digest was reported, or null if the cache changed since. */
export function cachedPart(root: string, dir: string, options: TaskOptions, digest: string): Part | null {
  const shard = loadShard(root, dir, options.stamp);
  return shard && shard.digest === digest ? shard.part : null;
}

export interface Scanned {
  part: Part;
  keys: string;
  digest: string;
  recent: boolean;
  /** No file was recent or unreadable (an unreadable file is read again next time). */
  cacheable: boolean;
}

/** Read and scan `paths` (sorted) and `specials`; `prefix` is their folder, for links that stay inside it. */
export function scanFiles(root: string, paths: string[], specials: Special[], prefix: string | null, startedMs: number, stats: TaskStats): Scanned {
  const entries: { path: string; special: Special | null }[] = paths.map((path) => ({ path, special: null }));
  for (const special of specials) entries.push({ path: special.path, special });
  if (specials.length > 0) entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const writer = new PartWriter(entries.map((e) => e.path), prefix);
  const keys: string[] = [];
  let recent = false;
  let cacheable = true;
  const reader = new Reader();
  for (const { path, special } of entries) {
    let t = performance.now();
    let scanned: ScannedFile;
    if (special) {
      scanned = scannedFromParsed(specialFile(special));
      keys.push(`${path}\0special\0${special.reason}\n`);
    } else {
      const read = reader.read(join(root, path));
      stats.readMs += performance.now() - t;
      t = performance.now();
      if ("code" in read) {
        scanned = unreadable(path, read.code);
        keys.push(`${path}\0-1\0-1\n`);
        cacheable = false; // read again next time
      } else {
        if (read.mtimeMs >= startedMs - 1000) recent = true;
        scanned = scanBytes(path, read.bytes);
        keys.push(`${path}\0${read.size}\0${read.mtimeMs}\n`);
      }
      stats.scanned++;
    }
    const findings = findingsOf(scanned);
    stats.scanMs += performance.now() - t;
    t = performance.now();
    writer.add(scanned, findings);
    stats.packMs += performance.now() - t;
  }
  const t = performance.now();
  const part = writer.finish();
  const joined = keys.join("");
  const digest = digestOf(joined);
  stats.packMs += performance.now() - t;
  return { part, keys: joined, digest, recent, cacheable: cacheable && !recent };
}

function findingsOf(file: ScannedFile): FileFinding[] {
  const out: FileFinding[] = [];
  checkFile(file, (at, rule, severity, message, currentOnly = false) => {
    out.push({ file: file.path, line: at.line, column: at.column, rule, severity, message, currentOnly });
  });
  return out;
}

function unreadable(path: string, code: string): ScannedFile {
  return scannedFromParsed({ kind: "unreadable", path, info: parseArchivePath(path), notes: [note(1, 1, "parse-error", "error", `cannot read the file (${code})`)] });
}

/** The keys scanFiles would write, from stat alone; null when a file is gone. */
function statKeys(root: string, paths: string[], specials: Special[]): string | null {
  const keys: { path: string; key: string }[] = [];
  for (const path of paths) {
    const st = statSync(join(root, path), { throwIfNoEntry: false });
    if (!st) return null;
    keys.push({ path, key: `${path}\0${st.size}\0${st.mtimeMs}\n` });
  }
  for (const s of specials) keys.push({ path: s.path, key: `${s.path}\0special\0${s.reason}\n` });
  keys.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return keys.map((k) => k.key).join("");
}

export function digestOf(keys: string): string {
  return createHash("sha1").update(keys).digest("hex");
}

/** readFileSync's own system calls into one reused buffer, keeping what fstat saw. */
class Reader {
  private buffer = Buffer.allocUnsafe(64 * 1024);

  read(abs: string): { bytes: Buffer; size: number; mtimeMs: number } | { code: string } {
    let fd: number;
    try {
      fd = openSync(abs, "r");
    } catch (error) {
      return { code: (error as NodeJS.ErrnoException).code ?? "error" };
    }
    try {
      const st = fstatSync(fd);
      if (st.size > this.buffer.length) this.buffer = Buffer.allocUnsafe(st.size);
      let got = 0;
      while (got < st.size) {
        const n = readSync(fd, this.buffer, got, st.size - got, got);
        if (n === 0) break;
        got += n;
      }
      return { bytes: this.buffer.subarray(0, got), size: st.size, mtimeMs: st.mtimeMs };
    } catch (error) {
      return { code: (error as NodeJS.ErrnoException).code ?? "error" };
    } finally {
      closeSync(fd);
    }
  }
}

// From disk to parsed files. Reading is synchronous on purpose: on many
// small files readFileSync is several times faster than fs.promises. A large
// archive is read on worker threads and through the parse cache (both behind
// the same synchronous call); the result is the same, field by field.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { stateDir } from "./lock.js";
import { defaultWorkers, LARGE_ARCHIVE_MONTHS } from "./read/policy.js";
import { buildArchive } from "./model.js";
import { note } from "./parse-event.js";
import { dayDirs, parseArchivePath, type DayRef } from "./paths.js";
import { scanInWorkers } from "./pool.js";
import { parseFile } from "./read-file.js";
import { unpackRecords } from "./pack.js";
import { createInterner, fromRecord, type FileRecord } from "./record.js";
import { planTasks, scanFiles, scanTask, specialFile, walkMarkdown, type Special } from "./scan.js";
import type { Archive, ArchiveFile } from "./types.js";

export { parseFile };

export interface ReadOptions {
  /** Use and refresh .newsctl/cache. Default: only for a large archive. */
  cache?: boolean;
  /** Worker threads to read with; 0 reads on this thread. Default: by archive size and cores. */
  workers?: number;
}

export { LARGE_ARCHIVE_MONTHS };

/** Every .md path under news/, archive-relative, forward slashes, sorted. */
export function listArchivePaths(root: string): string[] {
  return walkMarkdown(root, "news").sort();
}

export function readArchiveFile(root: string, path: string): ArchiveFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(root, path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    return {
      kind: "unreadable",
      path,
      info: parseArchivePath(path),
      notes: [note(1, 1, "parse-error", "error", `cannot read the file (${code})`)],
    };
  }
  return parseFile(path, bytes);
}

export function readArchive(root: string, options: ReadOptions = {}): Archive {
  const { tasks, loose, specials } = planTasks(root);
  const large = tasks.length >= LARGE_ARCHIVE_MONTHS;
  const workers = Math.min(options.workers ?? (large ? defaultWorkers() : 0), tasks.length);
  const cache = options.cache ?? large;
  if (workers === 0 && !cache) return readArchivePlain(root);
  if (cache) prepareCache(root);
  const parts: ArchiveFile[][] = new Array<ArchiveFile[]>(tasks.length);
  const intern = createInterner();
  const take = (index: number, records: FileRecord[]) => {
    parts[index] = records.map((rec) => fromRecord(root, rec, intern));
  };
  if (workers > 0) scanInWorkers(root, tasks, { cache }, workers, take);
  else tasks.forEach((dir, i) => take(i, unpackRecords(scanTask(root, dir, { cache }, i))));
  const files = scanFiles(root, loose).map((rec) => fromRecord(root, rec, intern));
  for (const s of specials) files.push(specialFile(s));
  for (const part of parts) for (const f of part) files.push(f);
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return buildArchive(root, files);
}

/** One thread, no cache, every text kept: the reference the fast path must equal. */
export function readArchivePlain(root: string): Archive {
  const specials: Special[] = [];
  const files = walkMarkdown(root, "news", [], specials)
    .sort()
    .map((path) => readArchiveFile(root, path));
  for (const s of specials) files.push(specialFile(s));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return buildArchive(root, files);
}

function prepareCache(root: string): void {
  try {
    stateDir(root);
  } catch {
    // Read-only: the shards will fail to save, quietly.
  }
}

/** The .md files directly in a folder (archive-relative names), sorted; none when it is missing. */
export function markdownFilesIn(root: string, dir: string): string[] {
  try {
    return readdirSync(join(root, dir), { withFileTypes: true })
      .filter((d) => d.isFile() && d.name.endsWith(".md"))
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
}

/** Only the folders of the given days, padded or not: never the whole archive. */
export function readDays(root: string, days: DayRef[]): Archive {
  const files: ArchiveFile[] = [];
  for (const day of days) {
    for (const dir of dayDirs(day)) {
      for (const name of markdownFilesIn(root, dir)) files.push(readArchiveFile(root, `${dir}/${name}`));
    }
  }
  return buildArchive(root, files);
}

// From disk to parsed files. Reading is synchronous on purpose: on many
// small files readFileSync is several times faster than fs.promises. A large
// archive is read on worker threads and through the parse cache (both behind
// the same synchronous call); the result is the same, field by field.

import { cacheDir } from "./parse-cache.js";
import { defaultWorkers, LARGE_ARCHIVE_MONTHS } from "./policy.js";
import { buildArchive } from "../model.js";
import { scanInWorkers } from "./pool.js";
import { parseFile } from "../format/read-file.js";
import { readListedFile } from "./read-files.js";
import { unpackRecords } from "./pack.js";
import { createInterner, fromRecord, type FileRecord } from "./record.js";
import { planTasks, scanFiles, scanTask, specialFile, walkMarkdown, type Special } from "./scan.js";
import type { Archive, ArchiveFile } from "../types.js";

export { parseFile };
export { markdownFilesIn, readArchiveFile, readDays, readListedFile } from "./read-files.js";

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
    .map((path) => readListedFile(root, path));
  for (const s of specials) files.push(specialFile(s));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return buildArchive(root, files);
}

/** Made once here, before any worker saves a shard; null (read-only, a link in the way): the shards are not saved. */
function prepareCache(root: string): void {
  cacheDir(root, true);
}

// From disk to the lean index of the whole archive, in one walk: month
// folders are scanned on worker threads for a large archive (on this thread
// otherwise), each with its own files' rules already run, and merged here
// as they arrive. The archive's key (every entry's path and stamp, and
// newsctl's build) comes from the same reads; a caller holding an answer
// for that key can take it, and the index is then never built.

import { IndexBuilder, type ArchiveIndex } from "../index/archive-index.js";
import type { Part } from "../index/part.js";
import { buildStamp } from "./build-stamp.js";
import { scanInWorkers } from "./index-pool.js";
import { LARGE_ARCHIVE_MONTHS, workersFor } from "./policy.js";
import { cachedPart, digestOf, scanFiles, scanTask, type TaskOptions, type TaskResult, type TaskStats } from "./scan-task.js";
import { planTasks } from "./walk.js";

export interface IndexOptions {
  /** Use and refresh the index cache. Default: only for a large archive. */
  cache?: boolean;
  /** Worker threads to read with; 0 reads on this thread. Default: by archive size and cores. */
  workers?: number;
  /** Asked once with the archive's key (never when a file changed within the last second): true to skip building the index. */
  reuse?: (key: string) => boolean;
  /** Work to do while the workers read (such as loading what `reuse` may answer with). */
  meanwhile?: () => void;
  /** Filled in with where the time went. */
  timings?: ReadTimings;
}

export interface IndexRead {
  key: string;
  /** A file changed within the last second: answers from this run must not be cached. */
  recent: boolean;
  /** Large enough for caching to pay. */
  large: boolean;
  /** null only when `reuse` took the key. */
  index: ArchiveIndex | null;
}

export interface ReadTimings extends TaskStats {
  workers: number;
  /** This thread: waiting for workers, merging parts, resolving the index. */
  waitMs: number;
  mergeMs: number;
  finishMs: number;
  /** Filled in by the caller: resolving events and days, and the whole-archive rules. */
  resolveMs: number;
  rulesMs: number;
}

export function newTimings(): ReadTimings {
  return { workers: 0, files: 0, scanned: 0, walkMs: 0, readMs: 0, scanMs: 0, packMs: 0, waitMs: 0, mergeMs: 0, finishMs: 0, resolveMs: 0, rulesMs: 0 };
}

export function readIndex(root: string, options: IndexOptions = {}): IndexRead {
  const startedMs = Date.now();
  const plan = planTasks(root);
  const tasks = plan.tasks;
  const large = tasks.length >= LARGE_ARCHIVE_MONTHS;
  const workers = Math.min(options.workers ?? workersFor(root, tasks), tasks.length);
  const cache = options.cache ?? large;
  const taskOptions: TaskOptions = { cache, stamp: buildStamp(), startedMs };
  const timings = options.timings ?? newTimings();
  timings.workers = workers;
  const builder = new IndexBuilder(tasks.length + 1);
  const merge = (part: Part) => {
    const t = performance.now();
    builder.add(part);
    timings.mergeMs += performance.now() - t;
  };
  const digests = new Array<string>(tasks.length).fill("");
  let recent = false;
  const top = scanFiles(root, plan.loose, plan.specials, null, startedMs, timings);
  recent = top.recent;
  merge(top.part);
  const take = (r: TaskResult) => {
    digests[r.index] = r.digest;
    if (r.recent) recent = true;
    addStats(timings, r.stats);
    if (r.part) merge(r.part);
  };
  const key = () => digestOf(`${taskOptions.stamp}\n${top.digest}\n${digests.join("\n")}`);
  let reused = false;
  const wantParts = () => {
    reused = !recent && options.reuse !== undefined && options.reuse(key());
    return !reused;
  };
  if (workers > 0) {
    let asked = false;
    scanInWorkers(root, tasks, taskOptions, workers, {
      onResult: take,
      wantCached: () => ((asked = true), wantParts()),
      onCachedPart: (m) => {
        if (m.recent) recent = true;
        merge(m.part!);
      },
      waited: (ms) => (timings.waitMs += ms),
      meanwhile: options.meanwhile,
    });
    if (!asked) wantParts();
  } else {
    options.meanwhile?.();
    const deferred: TaskResult[] = [];
    tasks.forEach((dir, i) => {
      const r = scanTask(root, dir, taskOptions, i, cache);
      take(r);
      if (!r.part) deferred.push(r);
    });
    if (wantParts()) {
      for (const r of deferred) {
        const dir = tasks[r.index]!;
        const part = cachedPart(root, dir, taskOptions, r.digest);
        if (!part) recent = true;
        merge(part ?? scanTask(root, dir, taskOptions, r.index, false).part!);
      }
    }
  }
  if (reused) return { key: key(), recent, large, index: null };
  const t = performance.now();
  const index = builder.finish();
  timings.finishMs += performance.now() - t;
  return { key: key(), recent, large, index };
}

function addStats(into: TaskStats, from: TaskStats): void {
  into.files += from.files;
  into.scanned += from.scanned;
  into.walkMs += from.walkMs;
  into.readMs += from.readMs;
  into.scanMs += from.scanMs;
  into.packMs += from.packMs;
}

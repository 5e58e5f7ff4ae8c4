// When reading pays for threads and a cache.

import { availableParallelism } from "node:os";
import { walkMarkdown } from "./walk.js";

/** Below this many month folders, starting threads costs more than it saves, and no cache is kept. */
export const LARGE_ARCHIVE_MONTHS = 24;

/**
 * One worker per core (at most 4). Measured at 100k events on 2 cores, in
 * one run: 2 workers read the archive in 18.9 s, 1 worker in 26.2 s, even
 * though the main thread competes with them for the CPU.
 */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(availableParallelism(), 4));
}

/**
 * Below this many files, starting worker threads (tens of milliseconds
 * each, more on a busy machine) costs more than reading on this thread.
 */
export const WORKER_FILES = 4000;

/**
 * Worker threads for reading `tasks` (month folders): none for a small
 * archive. The file count is estimated from a few months spread over the
 * archive (their walk is cheap, and months vary: an archive may start thin).
 */
export function workersFor(root: string, tasks: string[]): number {
  if (tasks.length < LARGE_ARCHIVE_MONTHS) return 0;
  const sample = [0, 0.25, 0.5, 0.75, 1].map((f) => tasks[Math.min(tasks.length - 1, Math.floor(f * tasks.length))]!);
  const files = sample.reduce((n, dir) => n + walkMarkdown(root, dir).length, 0);
  return (files / sample.length) * tasks.length < WORKER_FILES ? 0 : Math.min(defaultWorkers(), tasks.length);
}

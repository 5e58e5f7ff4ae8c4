// When reading pays for threads and a cache.

import { availableParallelism } from "node:os";

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

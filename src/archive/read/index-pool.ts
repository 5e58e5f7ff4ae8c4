// Reading on worker threads behind a synchronous call: the main thread
// blocks on Atomics.wait and pulls finished parts with receiveMessageOnPort,
// merging each into the index while the workers go on reading. Tasks are
// dealt out in turn, so each worker gets a similar share of the years.
//
// Two rounds: first every task's digest (and its part, unless the cache
// still holds it); then, only if the caller wants them, the cached parts.

import { receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import { startWorkers } from "./threads.js";
import type { Part } from "../index/part.js";
import type { TaskOptions, TaskResult } from "./scan-task.js";

export const FLAG_POSTED = 0;
export const FLAG_TAKEN = 1;
export const FLAG_GO = 2;
export const GO_SEND = 1;
export const GO_STOP = 2;
export const MAX_WAITING = 8;

export type TaskMessage = TaskResult | CachedPart;

/** A cached part sent when asked for; `recent` when the cache had changed and the folder was read afresh. */
export interface CachedPart {
  index: number;
  part: Part | null;
  recent?: boolean;
}

/** A worker that stays silent this long is taken to be dead. */
const STALL_MS = 120_000;


export interface PoolCalls {
  /** A task's first report: its digest, and its part unless it stayed in the cache. */
  onResult(result: TaskResult): void;
  /** Once every task has reported: whether the cached parts are wanted. */
  wantCached(): boolean;
  /** A cached part, when wanted. */
  onCachedPart(message: CachedPart): void;
  /** Milliseconds this thread spent waiting for workers. */
  waited?: (ms: number) => void;
  /** Work for this thread while the workers start reading. */
  meanwhile?: () => void;
}

export function scanInWorkers(root: string, tasks: string[], options: TaskOptions, workerCount: number, calls: PoolCalls): void {
  const signal = new SharedArrayBuffer(12);
  const flag = new Int32Array(signal);
  const { ports, stop } = startWorkers("index-worker.js", root, tasks, options, signal, workerCount);
  try {
    calls.meanwhile?.();
    let deferred = 0;
    receive(flag, ports, tasks.length, calls, (m) => {
      const result = m as TaskResult;
      if (result.part === null) deferred++;
      calls.onResult(result);
    });
    if (deferred === 0) return;
    const want = calls.wantCached();
    Atomics.store(flag, FLAG_GO, want ? GO_SEND : GO_STOP);
    Atomics.notify(flag, FLAG_GO);
    if (want) receive(flag, ports, deferred, calls, (m) => calls.onCachedPart(m));
  } finally {
    stop();
  }
}

function receive(flag: Int32Array, ports: MessagePort[], count: number, calls: PoolCalls, take: (m: TaskMessage) => void): void {
  let left = count;
  while (left > 0) {
    const seen = Atomics.load(flag, FLAG_POSTED);
    let got = false;
    for (const port of ports) {
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const message = m.message as TaskMessage & { error?: string };
        if (message.error !== undefined) throw new Error(`reading the archive failed in a worker thread: ${message.error}`);
        Atomics.add(flag, FLAG_TAKEN, 1);
        Atomics.notify(flag, FLAG_TAKEN);
        take(message);
        left--;
        got = true;
      }
    }
    if (got) continue;
    const t = performance.now();
    const state = Atomics.wait(flag, FLAG_POSTED, seen, STALL_MS);
    calls.waited?.(performance.now() - t);
    if (state === "timed-out") throw new Error(`reading the archive stalled: no worker thread reported for ${STALL_MS / 1000} s`);
  }
}

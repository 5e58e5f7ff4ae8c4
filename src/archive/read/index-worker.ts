// A worker thread of the index pool: scans its share of the month folders
// and posts each one's part as soon as it is done, then wakes the main
// thread, which waits synchronously (see index-pool.ts). Parts still good
// in the cache are only announced (their digest); they follow if the main
// thread asks, which it does not when it can answer from a result cache.

import { workerData, type MessagePort } from "node:worker_threads";
import { cachedPart, scanTask, type TaskOptions } from "./scan-task.js";
import { FLAG_GO, FLAG_POSTED, FLAG_TAKEN, GO_SEND, MAX_WAITING, type TaskMessage } from "./index-pool.js";

interface Job {
  root: string;
  tasks: [number, string][];
  options: TaskOptions;
  signal: SharedArrayBuffer;
  port: MessagePort;
}

const { root, tasks, options, signal, port } = workerData as Job;
const flag = new Int32Array(signal);
const deferred: [number, string, string][] = [];

for (const [index, dir] of tasks) {
  send(() => {
    const result = scanTask(root, dir, options, index, true);
    if (result.part === null) deferred.push([index, dir, result.digest]);
    return result;
  }, index);
}
if (deferred.length > 0) {
  while (Atomics.load(flag, FLAG_GO) === 0) Atomics.wait(flag, FLAG_GO, 0);
  if (Atomics.load(flag, FLAG_GO) === GO_SEND) {
    for (const [index, dir, digest] of deferred) {
      // Gone or replaced since: read the folder afresh, and let nothing from this run be cached.
      send(() => {
        const part = cachedPart(root, dir, options, digest);
        return part ? { index, part } : { index, part: scanTask(root, dir, options, index, false).part, recent: true };
      }, index);
    }
  }
}
port.close();

function send(work: () => TaskMessage, index: number): void {
  waitForRoom();
  try {
    const message = work();
    port.postMessage(message, message.part ? [message.part.ints.buffer as ArrayBuffer, message.part.strs.buffer as ArrayBuffer] : []);
  } catch (error) {
    port.postMessage({ index, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  Atomics.add(flag, FLAG_POSTED, 1);
  Atomics.notify(flag, FLAG_POSTED);
}

/** Cached parts go out faster than the main thread takes them in: without a limit they pile up in memory. */
function waitForRoom(): void {
  for (;;) {
    const taken = Atomics.load(flag, FLAG_TAKEN);
    if (Atomics.load(flag, FLAG_POSTED) - taken < MAX_WAITING) return;
    Atomics.wait(flag, FLAG_TAKEN, taken, 1000);
  }
}

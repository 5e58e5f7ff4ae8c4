// A worker thread of the read pool: scans its share of the month folders and
// posts each one's lean records as soon as it is done, then wakes the main
// thread, which waits synchronously (see pool.ts).

import { workerData, type MessagePort } from "node:worker_threads";
import { scanTask, type ScanOptions } from "./scan.js";

interface Job {
  root: string;
  tasks: [number, string][];
  options: ScanOptions;
  signal: SharedArrayBuffer;
  port: MessagePort;
}

const { root, tasks, options, signal, port } = workerData as Job;
const MAX_WAITING = 8;
// [0]: parts posted by all workers; [1]: parts the main thread has taken in.
const flag = new Int32Array(signal);
for (const [index, dir] of tasks) {
  waitForRoom();
  try {
    port.postMessage(scanTask(root, dir, options, index));
  } catch (error) {
    port.postMessage({ index, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  Atomics.add(flag, 0, 1);
  Atomics.notify(flag, 0);
}
port.close();

/**
 * A cached month goes out much faster than the main thread can build its
 * files: without a limit the waiting messages alone took hundreds of MB.
 */
function waitForRoom(): void {
  for (;;) {
    const taken = Atomics.load(flag, 1);
    if (Atomics.load(flag, 0) - taken < MAX_WAITING) return;
    Atomics.wait(flag, 1, taken, 1000);
  }
}

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
const flag = new Int32Array(signal);
for (const [index, dir] of tasks) {
  try {
    port.postMessage(scanTask(root, dir, options, index));
  } catch (error) {
    port.postMessage({ index, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  Atomics.add(flag, 0, 1);
  Atomics.notify(flag, 0);
}
port.close();

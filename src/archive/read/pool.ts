// Reading on worker threads behind a synchronous call: readArchive() keeps its
// signature, so the main thread blocks on Atomics.wait and pulls finished
// parts with receiveMessageOnPort, turning each into files while the workers
// go on reading. Parts are dealt out in turn, so each worker gets a similar
// share of the years.

import { receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import { unpackRecords, type PackedRecords } from "./pack.js";
import { startWorkers } from "./threads.js";
import type { FileRecord } from "./record.js";
import type { ScanOptions } from "./scan.js";

/** A worker that stays silent this long is taken to be dead. */
const STALL_MS = 120_000;

export function scanInWorkers(
  root: string,
  tasks: string[],
  options: ScanOptions,
  workerCount: number,
  onPart: (index: number, records: FileRecord[]) => void,
): void {
  // [0] parts posted (workers add), [1] parts taken in (this thread adds).
  const signal = new SharedArrayBuffer(8);
  const flag = new Int32Array(signal);
  const { ports, stop } = startWorkers("read-worker.js", root, tasks, options, signal, workerCount);
  try {
    waitForParts(flag, ports, tasks.length, onPart);
  } finally {
    stop();
  }
}

function waitForParts(flag: Int32Array, ports: MessagePort[], count: number, onPart: (index: number, records: FileRecord[]) => void): void {
  let left = count;
  while (left > 0) {
    const seen = Atomics.load(flag, 0);
    let got = false;
    for (const port of ports) {
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const part = m.message as PackedRecords & { error?: string };
        if (part.error !== undefined) throw new Error(`reading the archive failed in a worker thread: ${part.error}`);
        onPart(part.index, unpackRecords(part));
        Atomics.add(flag, 1, 1);
        Atomics.notify(flag, 1);
        left--;
        got = true;
      }
    }
    if (!got && Atomics.wait(flag, 0, seen, STALL_MS) === "timed-out") {
      throw new Error(`reading the archive stalled: no worker thread reported for ${STALL_MS / 1000} s`);
    }
  }
}

// Starting the reading workers, for both pools (pool.ts: the full model's
// records; index-pool.ts: the lean index's parts): tasks dealt out in turn,
// so each worker gets a similar share of the years, each with its own port
// and the shared signal the main thread waits on.

import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MessageChannel, Worker, type MessagePort } from "node:worker_threads";

// Under the test runner this module is TypeScript source; a worker must be
// the compiled file, which vitest builds first (test/global-setup.ts).
function compiledWorker(name: string): URL {
  const beside = new URL(`./${name}`, import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  return new URL(`../../../dist/archive/read/${name}`, import.meta.url);
}

export interface Started {
  ports: MessagePort[];
  /** Close the ports and end the workers (they may still be reading). */
  stop(): void;
}

/** `workerCount` workers of the compiled module `name` (in this folder), each given its share of `tasks`. */
export function startWorkers(name: string, root: string, tasks: string[], options: unknown, signal: SharedArrayBuffer, workerCount: number): Started {
  const url = compiledWorker(name);
  const ports: MessagePort[] = [];
  const workers: Worker[] = [];
  for (let w = 0; w < workerCount; w++) {
    const share: [number, string][] = [];
    for (let i = w; i < tasks.length; i += workerCount) share.push([i, tasks[i]!]);
    const { port1, port2 } = new MessageChannel();
    ports.push(port1);
    workers.push(new Worker(url, { workerData: { root, tasks: share, options, signal, port: port2 }, transferList: [port2] }));
  }
  return {
    ports,
    stop() {
      for (const port of ports) port.close();
      for (const worker of workers) {
        worker.unref();
        void worker.terminate();
      }
    },
  };
}

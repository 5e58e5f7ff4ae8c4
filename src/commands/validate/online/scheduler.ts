// Politeness: at most `concurrency` requests at once overall, at most
// `perHost` at once to one host, and starts to one host spaced by at least
// `intervalMs`. A host may also be paused (Retry-After, backoff): every
// request to it then waits, not just the one that was told to.

import type { Clock } from "./clock.js";

export interface SchedulerOptions {
  concurrency: number;
  perHost: number;
  intervalMs: number;
  clock: Clock;
}

export interface Scheduler {
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
  /** No request to `host` starts before `ms` from now. */
  pause(host: string, ms: number): void;
}

interface HostState {
  active: number;
  notBefore: number;
  queue: (() => void)[];
  waking: boolean;
}

export function createScheduler(opts: SchedulerOptions): Scheduler {
  const hosts = new Map<string, HostState>();
  /** Hosts with queued tasks, in the order they first had some: a fair round. */
  const waiting = new Set<string>();
  let active = 0;

  const stateOf = (host: string): HostState => {
    let state = hosts.get(host);
    if (!state) hosts.set(host, (state = { active: 0, notBefore: 0, queue: [], waking: false }));
    return state;
  };

  const wakeAt = (state: HostState, at: number) => {
    if (state.waking) return;
    state.waking = true;
    void opts.clock.sleep(at - opts.clock.now()).then(() => {
      state.waking = false;
      pump();
    });
  };

  /** Start one task of `host` if its limits allow; false when it must wait. */
  function startOne(host: string): boolean {
    const state = stateOf(host);
    if (state.active >= opts.perHost) return false;
    const now = opts.clock.now();
    if (now < state.notBefore) {
      wakeAt(state, state.notBefore);
      return false;
    }
    const start = state.queue.shift()!;
    if (state.queue.length === 0) waiting.delete(host);
    active++;
    state.active++;
    state.notBefore = now + opts.intervalMs;
    start();
    return true;
  }

  function pump(): void {
    for (let started = true; started; ) {
      started = false;
      for (const host of waiting) {
        if (active >= opts.concurrency) return;
        if (startOne(host)) started = true;
      }
    }
  }

  return {
    run(host, task) {
      const state = stateOf(host);
      return new Promise((resolve, reject) => {
        state.queue.push(() => {
          task()
            .then(resolve, reject)
            .finally(() => {
              active--;
              state.active--;
              pump();
            });
        });
        waiting.add(host);
        pump();
      });
    },
    pause(host, ms) {
      const state = stateOf(host);
      state.notBefore = Math.max(state.notBefore, opts.clock.now() + ms);
    },
  };
}

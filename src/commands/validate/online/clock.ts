// Time as the online check sees it: a wall clock in milliseconds and a way
// to wait. Tests pass a virtual clock, so a 30 s Retry-After costs nothing.

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

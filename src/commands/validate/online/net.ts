// The network as the online check uses it: the HTTP client behind the
// polite scheduler, and a memory per host of failures that will not change
// within a run, so a dead host costs one request, not one per URL.

import type { LookupFunction } from "node:net";
import type { Clock } from "./clock.js";
import { createHttpClient, type Attempt } from "./http.js";
import { createScheduler } from "./scheduler.js";

export interface NetOptions {
  concurrency: number;
  perHost: number;
  intervalMs: number;
  timeoutMs: number;
  userAgent: string;
  clock: Clock;
  lookup?: LookupFunction;
  /** Called as each request starts, with its host: for the progress line. */
  onRequest?(host: string): void;
}

export interface Net {
  send(method: "HEAD" | "GET", url: string, bodyLimit?: number): Promise<Attempt>;
  pause(url: string, ms: number): void;
  close(): Promise<void>;
}

/** After this many refused connections or timeouts in a row, a host that never answered is not asked again this run. */
export const GIVE_UP_AFTER = 3;

export function createNet(opts: NetOptions): Net {
  const http = createHttpClient({ timeoutMs: opts.timeoutMs, userAgent: opts.userAgent, lookup: opts.lookup, connectionsPerHost: opts.perHost });
  const scheduler = createScheduler(opts);
  const breaker = createBreaker();
  return {
    async send(method, url, bodyLimit) {
      const { host, hostname, origin } = new URL(url);
      // Failures are remembered per origin (https://x and http://x differ); politeness is per host name.
      const known = breaker.before(origin);
      if (known) return known;
      const attempt = await scheduler.run(hostname, async () => {
        // Another request may have settled this origin's fate while this one waited.
        const settled = breaker.before(origin);
        if (settled) return settled;
        opts.onRequest?.(host);
        return http.send(method, url, bodyLimit);
      });
      breaker.after(origin, attempt);
      return attempt;
    },
    pause: (url, ms) => scheduler.pause(new URL(url).hostname, ms),
    close: () => http.close(),
  };
}

interface Breaker {
  before(origin: string): Attempt | null;
  after(origin: string, attempt: Attempt): void;
}

function createBreaker(): Breaker {
  const settled = new Map<string, Attempt>();
  const streaks = new Map<string, { failure: "refused" | "timeout"; count: number }>();
  // An origin that has answered once this run is only slow or busy at times: never given up on.
  const answered = new Set<string>();
  return {
    before: (origin) => settled.get(origin) ?? null,
    after(origin, attempt) {
      if (attempt.kind === "answer") {
        answered.add(origin);
        streaks.delete(origin);
        return;
      }
      const { failure } = attempt;
      // A name that does not resolve, or a certificate that does not verify, stays so for the run.
      if (failure === "dns" || failure === "tls") settled.set(origin, attempt);
      if ((failure !== "refused" && failure !== "timeout") || answered.has(origin)) return;
      const streak = streaks.get(origin);
      const count = streak?.failure === failure ? streak.count + 1 : 1;
      streaks.set(origin, { failure, count });
      if (count >= GIVE_UP_AFTER) settled.set(origin, { kind: "failure", failure: "gave-up", detail: failure });
    },
  };
}

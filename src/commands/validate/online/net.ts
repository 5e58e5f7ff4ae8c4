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
      const host = new URL(url).host;
      const known = breaker.before(host);
      if (known) return known;
      const attempt = await scheduler.run(host.toLowerCase(), async () => {
        // Another request to this host may have settled its fate while this one waited.
        const settled = breaker.before(host);
        if (settled) return settled;
        opts.onRequest?.(host);
        return http.send(method, url, bodyLimit);
      });
      breaker.after(host, attempt);
      return attempt;
    },
    pause: (url, ms) => scheduler.pause(new URL(url).host.toLowerCase(), ms),
    close: () => http.close(),
  };
}

interface Breaker {
  before(host: string): Attempt | null;
  after(host: string, attempt: Attempt): void;
}

function createBreaker(): Breaker {
  const settled = new Map<string, Attempt>();
  const streaks = new Map<string, { failure: "refused" | "timeout"; count: number }>();
  // A host that has answered once this run is only slow or busy at times: never given up on.
  const answered = new Set<string>();
  return {
    before: (host) => settled.get(host) ?? null,
    after(host, attempt) {
      if (attempt.kind === "answer") {
        answered.add(host);
        streaks.delete(host);
        return;
      }
      const { failure } = attempt;
      // A name that does not resolve, or a certificate that does not verify, stays so for the run.
      if (failure === "dns" || failure === "tls") settled.set(host, attempt);
      if ((failure !== "refused" && failure !== "timeout") || answered.has(host)) return;
      const streak = streaks.get(host);
      const count = streak?.failure === failure ? streak.count + 1 : 1;
      streaks.set(host, { failure, count });
      if (count >= GIVE_UP_AFTER) settled.set(host, { kind: "failure", failure: "gave-up", detail: failure });
    },
  };
}

// Many URLs, each asked once, all at once within the scheduler's limits.
// Returns a verdict per URL; counts progress as verdicts come in.

import type { Net } from "./net.js";
import type { Outcome } from "./outcome.js";
import { createProber } from "./probe.js";
import type { RetryPolicy } from "./retry.js";

export interface CheckProgress {
  done: number;
  total: number;
  failures: number;
}

export interface CheckerOptions {
  policy: RetryPolicy;
  timeoutMs: number;
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
  onVerdict?(progress: CheckProgress): void;
}

/** `urls` must be distinct; each gets exactly one probe. */
export async function checkUrls(urls: string[], net: Net, opts: CheckerOptions): Promise<Map<string, Outcome>> {
  const prober = createProber({
    send: (method, url) => net.send(method, url),
    pause: (url, ms) => net.pause(url, ms),
    now: opts.now,
    sleep: opts.sleep,
    random: opts.random,
    policy: opts.policy,
    timeoutMs: opts.timeoutMs,
  });
  const outcomes = new Map<string, Outcome>();
  const progress: CheckProgress = { done: 0, total: urls.length, failures: 0 };
  await Promise.all(
    urls.map(async (url) => {
      const outcome = await prober.probe(url);
      outcomes.set(url, outcome);
      progress.done++;
      if (outcome.kind === "dead" || outcome.kind === "unverifiable") progress.failures++;
      opts.onVerdict?.(progress);
    }),
  );
  return outcomes;
}

// When to ask again: which answers are worth a retry, how long to wait
// (exponential backoff with jitter), and what a Retry-After header asks for.

import type { Attempt, NetFailure } from "./http.js";

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** Timeouts are slow to find out: fewer retries for them. */
  timeoutRetries: number;
  baseMs: number;
  maxBackoffMs: number;
  /** A Retry-After longer than this is not waited for: the URL is reported unverifiable at once. */
  retryAfterCapMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 2, timeoutRetries: 1, baseMs: 1000, maxBackoffMs: 16_000, retryAfterCapMs: 60_000 };

const FINAL_FAILURES = new Set<NetFailure>(["dns", "tls", "bad-response", "gave-up"]);
const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/** Whether this attempt may go better a moment later. */
export function isRetriable(attempt: Attempt): boolean {
  if (attempt.kind === "failure") return !FINAL_FAILURES.has(attempt.failure);
  return RETRY_STATUSES.has(attempt.status) && !attempt.botWall;
}

export function retriesFor(attempt: Attempt, policy: RetryPolicy): number {
  return attempt.kind === "failure" && attempt.failure === "timeout" ? policy.timeoutRetries : policy.retries;
}

/** Exponential backoff with "equal jitter": half fixed, half random, so waits never collapse to zero. */
export function backoffMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxBackoffMs, policy.baseMs * 2 ** retry);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/**
 * Retry-After in milliseconds: delay-seconds, or an HTTP date measured
 * against the response's own Date header when it has one (so a skewed local
 * clock does not matter). null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, dateHeader: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its weekday or month; anything else Date.parse might take ("-5") is not one.
  if (!/[A-Za-z]{3}/.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  const serverNow = dateHeader !== null ? Date.parse(dateHeader) : Number.NaN;
  return Math.max(0, at - (Number.isNaN(serverNow) ? nowMs : serverNow));
}

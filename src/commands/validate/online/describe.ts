// Words for what a request came to, as the messages print them.

import { STATUS_CODES } from "node:http";
import type { Attempt } from "./http.js";
import { GIVE_UP_AFTER } from "./net.js";
import type { Outcome } from "./outcome.js";

export function describeStatus(status: number): string {
  if (status === 999) return "999 Request Denied";
  const phrase = STATUS_CODES[status];
  return phrase ? `${status} ${phrase}` : `HTTP ${status}`;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** A request that got no HTTP answer: dead when the host is gone or refuses, otherwise unverifiable. */
export function describeFailure(attempt: Extract<Attempt, { kind: "failure" }>, tries: number, timeoutMs: number, url: string): Extract<Outcome, { kind: "dead" | "unverifiable" }> {
  const host = new URL(url).host;
  const after = tries > 1 ? ` after ${tries} attempts` : "";
  switch (attempt.failure) {
    case "dns":
      return { kind: "dead", reason: `the host ${new URL(url).hostname} does not exist (DNS: ${attempt.detail})` };
    case "refused":
      return { kind: "dead", reason: `${host} refused the connection${after}` };
    case "dns-temporary":
      return { kind: "unverifiable", reason: `the name ${new URL(url).hostname} could not be looked up (${attempt.detail})${after}` };
    case "timeout":
      return { kind: "unverifiable", reason: `no answer within ${seconds(timeoutMs)}${after}` };
    case "reset":
      return { kind: "unverifiable", reason: `${host} closed the connection without an answer (${attempt.detail})${after}` };
    case "tls":
      return { kind: "unverifiable", reason: `TLS problem (${attempt.detail})` };
    case "unreachable":
      return { kind: "unverifiable", reason: `${host} cannot be reached (${attempt.detail})${after}` };
    case "gave-up":
      return attempt.detail === "refused"
        ? { kind: "dead", reason: `${host} refused the connection (${GIVE_UP_AFTER} times in a row this run; not asked again)` }
        : { kind: "unverifiable", reason: `not asked: ${host} timed out ${GIVE_UP_AFTER} times in a row this run` };
    case "bad-response":
      return { kind: "unverifiable", reason: `not a valid HTTP answer (${attempt.detail})` };
    default:
      return { kind: "unverifiable", reason: `the request failed (${attempt.detail})${after}` };
  }
}

/** A site's front page: where dead articles are often sent. */
export function isRootPage(url: string): boolean {
  const u = new URL(url);
  return (u.pathname === "/" || u.pathname === "") && u.search === "";
}

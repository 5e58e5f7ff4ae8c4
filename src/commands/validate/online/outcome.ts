// What asking a URL can come to. Each kind maps to one rule: ok to nothing,
// moved to moved-url, dead to dead-url, unverifiable to unverifiable-url.

export type Outcome =
  | { kind: "ok" }
  /** A permanent redirect (301, 308) whose chain ends in an answer that works; `to` is the address to cite instead. */
  | { kind: "moved"; status: number; to: string }
  /** The page or host is gone: 404, 410, a name that does not resolve, a refused connection. */
  | { kind: "dead"; reason: string }
  /** No answer to trust either way: 401, 403, 429, 5xx, timeouts, TLS problems, bot walls, loops. */
  | { kind: "unverifiable"; reason: string };

/** Outcomes worth remembering across runs: the server answered, and the answer was good. */
export function isSuccess(outcome: Outcome): outcome is Extract<Outcome, { kind: "ok" | "moved" }> {
  return outcome.kind === "ok" || outcome.kind === "moved";
}

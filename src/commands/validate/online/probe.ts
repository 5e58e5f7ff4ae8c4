// One URL, from the address in the archive to a verdict: HEAD first, GET
// when HEAD is refused or answers oddly, retries for answers that may go
// better later, redirects followed by hand (at most 10, loops caught) so a
// permanent move can be told from a temporary one.

import type { Attempt } from "./http.js";
import type { Outcome } from "./outcome.js";
import { backoffMs, isRetriable, parseRetryAfter, retriesFor, type RetryPolicy } from "./retry.js";
import { describeFailure, describeStatus, isRootPage } from "./describe.js";

export const MAX_REDIRECTS = 10;

export interface ProbeDeps {
  /** One request, already scheduled politely for its host. */
  send(method: "HEAD" | "GET", url: string): Promise<Attempt>;
  /** Hold back every request to this URL's host for `ms`. */
  pause(url: string, ms: number): void;
  sleep(ms: number): Promise<void>;
  now(): number;
  random(): number;
  policy: RetryPolicy;
  timeoutMs: number;
}

/** A hop's last attempt, after retries. */
interface Asked {
  attempt: Attempt;
  tries: number;
  /** A Retry-After longer than the cap, in ms: not waited for. */
  refusedWait?: number;
}

interface Hop {
  status: number;
  to: string;
}

export interface Prober {
  probe(url: string): Promise<Outcome>;
}

export function createProber(deps: ProbeDeps): Prober {
  // Several archive URLs often redirect to one address: ask it once.
  const hops = new Map<string, Promise<Asked>>();
  const askHop = (url: string): Promise<Asked> => {
    let asked = hops.get(url);
    if (!asked) hops.set(url, (asked = headThenGet(url, deps)));
    return asked;
  };
  return { probe: (url) => follow(url, askHop, deps) };
}

async function follow(start: string, askHop: (url: string) => Promise<Asked>, deps: ProbeDeps): Promise<Outcome> {
  const trail: Hop[] = [];
  const seen = new Set([start]);
  for (let url = start; ; ) {
    const asked = await askHop(url);
    const { attempt } = asked;
    if (attempt.kind === "failure") return placed(describeFailure(attempt, asked.tries, deps.timeoutMs, url), trail, url);
    if (!isRedirect(attempt.status)) return verdict(start, url, trail, asked, deps.policy.retryAfterCapMs);
    let next: URL;
    try {
      next = new URL(attempt.location!, url);
    } catch {
      return placed({ kind: "unverifiable", reason: `${describeStatus(attempt.status)} to an unreadable address ${JSON.stringify(attempt.location)}` }, trail, url);
    }
    if (next.protocol !== "http:" && next.protocol !== "https:") {
      return placed({ kind: "unverifiable", reason: `${describeStatus(attempt.status)} to ${next.protocol} address, which is not checked` }, trail, url);
    }
    next.hash = "";
    trail.push({ status: attempt.status, to: next.href });
    if (seen.has(next.href)) return { kind: "unverifiable", reason: `redirect loop: ${[start, ...trail.map((h) => h.to)].join(" -> ")}` };
    if (trail.length > MAX_REDIRECTS) return { kind: "unverifiable", reason: `more than ${MAX_REDIRECTS} redirects (${start} -> … -> ${next.href})` };
    seen.add(next.href);
    url = next.href;
  }
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** The answer at the end of the chain decides; the chain decides between ok and moved. */
function verdict(start: string, url: string, trail: Hop[], asked: Asked, capMs: number): Outcome {
  const attempt = asked.attempt as Extract<Attempt, { kind: "answer" }>;
  const { status } = attempt;
  if (status >= 200 && status < 300) {
    if (trail.length > 0 && isRootPage(url) && !isRootPage(start)) {
      return { kind: "unverifiable", reason: `redirects to the site's home page ${url}: the page itself may be gone` };
    }
    return movedTo(trail) ?? { kind: "ok" };
  }
  if (status === 404 || status === 410) return placed({ kind: "dead", reason: describeStatus(status) }, trail, url);
  let reason = describeStatus(status);
  if (attempt.botWall) reason += " (a bot wall: the site refuses automated checks)";
  else if (status === 401 || status === 403) reason += " (the site may refuse automated checks)";
  else if (status >= 300 && status < 400) reason += " without a usable Location";
  if (asked.refusedWait !== undefined) reason += `, asking to wait ${Math.ceil(asked.refusedWait / 1000)} s (more than the ${Math.round(capMs / 1000)} s newsctl waits)`;
  else if (asked.tries > 1) reason += ` after ${asked.tries} attempts`;
  return placed({ kind: "unverifiable", reason }, trail, url);
}

/** Permanent hops from the start, up to the first temporary one: the address to cite instead. */
function movedTo(trail: Hop[]): Outcome | null {
  let to: string | null = null;
  for (const hop of trail) {
    if (hop.status !== 301 && hop.status !== 308) break;
    to = hop.to;
  }
  return to === null ? null : { kind: "moved", status: trail[0]!.status, to };
}

/** Where in a redirect chain a failure happened, when not at the start. */
function placed(outcome: Extract<Outcome, { kind: "dead" | "unverifiable" }>, trail: Hop[], url: string): Outcome {
  if (trail.length === 0) return outcome;
  return { ...outcome, reason: `${outcome.reason} at ${url} (after ${trail.length} redirect${trail.length === 1 ? "" : "s"})` };
}

/** HEAD is cheap, but many servers refuse it or get it wrong: a doubtful HEAD answer is asked again with GET. */
async function headThenGet(url: string, deps: ProbeDeps): Promise<Asked> {
  const head = await withRetries("HEAD", url, deps);
  if (head.attempt.kind === "answer" && isDoubtfulHead(head.attempt.status, head.attempt.botWall)) return withRetries("GET", url, deps);
  return head;
}

function isDoubtfulHead(status: number, botWall: boolean): boolean {
  return botWall || (status >= 400 && status < 500 && status !== 429) || status === 500 || status === 501;
}

async function withRetries(method: "HEAD" | "GET", url: string, deps: ProbeDeps): Promise<Asked> {
  for (let retry = 0; ; retry++) {
    const attempt = await deps.send(method, url);
    if (!isRetriable(attempt) || retry >= retriesFor(attempt, deps.policy)) return { attempt, tries: retry + 1 };
    const asked = attempt.kind === "answer" ? parseRetryAfter(attempt.retryAfter, attempt.date, deps.now()) : null;
    if (asked !== null && asked > deps.policy.retryAfterCapMs) return { attempt, tries: retry + 1, refusedWait: asked };
    const wait = asked ?? backoffMs(retry, deps.policy, deps.random);
    // A 429 or 5xx is the host saying it is busy: every request to it waits. A reset or a
    // timeout may be this page alone: only its own retry waits.
    if (attempt.kind === "answer") deps.pause(url, wait);
    else await deps.sleep(wait);
  }
}

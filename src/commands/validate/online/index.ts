// validate --online: ask every distinct Source and Cover Image URL in scope
// whether it still answers, and report dead-url, moved-url and
// unverifiable-url on each line that cites it. Verdicts are kept for the
// run, so the check after --fix (or a second pass) asks nothing again.

import type { Archive } from "../../../archive/types.js";
import type { Context } from "../../../cli/context.js";
import { packageVersion } from "../../../version.js";
import type { Diagnostic } from "../diagnostics.js";
import type { Progress } from "../../../cli/progress.js";
import { loadUrlCache, saveUrlCache, type CacheEntry } from "./cache.js";
import { checkUrls } from "./checker.js";
import { realClock, type Clock } from "./clock.js";
import { collectCitations, distinctUrls } from "./collect.js";
import { diagnoseCitations, type Verdict } from "./diagnose.js";
import { ONLINE_DEFAULTS, type OnlineOptions } from "./flags.js";
import { createNet, type Net } from "./net.js";
import { isSuccess } from "./outcome.js";
import { urlProgress } from "./progress.js";
import { DEFAULT_RETRY } from "./retry.js";
import { DEFAULT_WAYBACK_ENDPOINT, findArchivedCopy } from "./wayback.js";

export interface OnlineCheck {
  check(archive: Archive, scope: Set<string> | null): Promise<Diagnostic[]>;
}

export function createOnlineCheck(ctx: Context, root: string, opts: OnlineOptions, progress: Progress): OnlineCheck {
  const verdicts = new Map<string, Verdict>();
  return {
    async check(archive, scope) {
      const citations = collectCitations(archive, scope, opts.exclude ?? [], opts.excludeNames);
      const wanted = [...distinctUrls(citations)].filter(([url]) => !verdicts.has(url));
      if (wanted.length > 0) await findVerdicts(ctx, root, opts, progress, new Map(wanted), verdicts);
      return diagnoseCitations(citations, verdicts);
    },
  };
}

/** Verdicts for `wanted` (URL -> earliest citing day): from the cache where fresh, else from the network. */
async function findVerdicts(ctx: Context, root: string, opts: OnlineOptions, progress: Progress, wanted: Map<string, string>, verdicts: Map<string, Verdict>): Promise<void> {
  const nowMs = ctx.now().getTime();
  const maxAge = opts.maxAge ?? ONLINE_DEFAULTS.maxAge;
  const cached = opts.cache === false ? new Map<string, CacheEntry>() : loadUrlCache(root, nowMs);
  const ask: string[] = [];
  for (const url of wanted.keys()) {
    const entry = cached.get(url);
    if (entry && nowMs - entry.at <= maxAge) record(verdicts, url, entry.outcome);
    else ask.push(url);
  }
  if (ask.length === 0) return;
  const clock = clockOf(ctx);
  const timeoutMs = opts.timeout ?? ONLINE_DEFAULTS.timeout;
  const shown = urlProgress(progress, ask.length, wanted.size - ask.length, ctx.stderr.columns);
  const net = createNet({
    concurrency: opts.concurrency ?? ONLINE_DEFAULTS.concurrency,
    perHost: opts.perHost ?? ONLINE_DEFAULTS.perHost,
    intervalMs: opts.hostInterval ?? ctx.net?.intervalMs ?? ONLINE_DEFAULTS.intervalMs,
    timeoutMs,
    userAgent: `newsctl/${packageVersion()} (link check of a news archive; validate --online)`,
    clock,
    lookup: ctx.net?.lookup,
    onRequest: (host) => shown.request(host),
  });
  const fresh = new Map<string, CacheEntry>();
  try {
    const random = ctx.net?.random ?? Math.random;
    const found = await checkUrls(ask, net, { policy: DEFAULT_RETRY, timeoutMs, now: clock.now, sleep: clock.sleep, random, onVerdict: (p) => shown.verdict(p) });
    for (const [url, outcome] of found) {
      record(verdicts, url, outcome);
      if (isSuccess(outcome)) fresh.set(url, { at: nowMs, outcome });
    }
    if (opts.suggestArchived) await suggestCopies(ctx, opts, net, wanted, verdicts);
  } finally {
    await net.close();
  }
  if (opts.cache !== false) saveUrlCache(root, fresh, nowMs);
}

/** A moved URL's new address is known to answer (the chain ended well): asking it again would tell nothing. */
function record(verdicts: Map<string, Verdict>, url: string, verdict: Verdict): void {
  verdicts.set(url, verdict);
  if (verdict.kind === "moved" && !verdicts.has(verdict.to)) verdicts.set(verdict.to, { kind: "ok" });
}

async function suggestCopies(ctx: Context, opts: OnlineOptions, net: Net, wanted: Map<string, string>, verdicts: Map<string, Verdict>): Promise<void> {
  const endpoint = opts.waybackUrl ?? (ctx.env["NEWSCTL_WAYBACK_URL"] || DEFAULT_WAYBACK_ENDPOINT);
  const dead = [...wanted].filter(([url]) => verdicts.get(url)?.kind === "dead");
  await Promise.all(
    dead.map(async ([url, day]) => {
      const copy = await findArchivedCopy(url, day, net, endpoint);
      if (copy === null) return;
      verdicts.set(url, { ...verdicts.get(url)!, suggestion: copy });
      if (!verdicts.has(copy)) verdicts.set(copy, { kind: "ok" });
    }),
  );
}

function clockOf(ctx: Context): Clock {
  const hooks = ctx.net;
  if (!hooks?.now && !hooks?.sleep) return realClock;
  return { now: hooks.now ?? realClock.now, sleep: hooks.sleep ?? realClock.sleep };
}

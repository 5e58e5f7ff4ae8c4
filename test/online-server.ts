// A real HTTP server on 127.0.0.1 for validate --online: every answer a
// news source gives (and a few it should not), with a record of each
// request so tests can count them and see how many ran at once per host.

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, LookupFunction } from "node:net";
import { onTestFinished } from "vitest";

export interface SeenRequest {
  method: string;
  host: string;
  path: string;
  userAgent: string;
}

export interface TestServer {
  port: number;
  /** http://<host>:<port><path>; host defaults to 127.0.0.1. */
  url(path: string, host?: string): string;
  requests: SeenRequest[];
  /** Requests for this path (any host), optionally of one method. */
  count(path: string, method?: string): number;
  /** The most requests ever in flight at once, per Host name and overall. */
  maxInFlight: { perHost: Map<string, number>; overall: number };
  /** Extra routes: return true when handled. */
  route(handler: (req: IncomingMessage, res: ServerResponse, path: string) => boolean): void;
}

/** Far past any --timeout a test gives: the answer comes only if the client waits. */
export const SLOW_MS = 30_000;

export async function startServer(): Promise<TestServer> {
  const requests: SeenRequest[] = [];
  const hits = new Map<string, number>();
  const inFlight = new Map<string, number>();
  let overall = 0;
  const maxInFlight = { perHost: new Map<string, number>(), overall: 0 };
  const extra: ((req: IncomingMessage, res: ServerResponse, path: string) => boolean)[] = [];

  const server = createServer((req, res) => {
    const host = (req.headers.host ?? "").replace(/:\d+$/, "");
    const path = req.url ?? "/";
    requests.push({ method: req.method ?? "", host, path, userAgent: String(req.headers["user-agent"] ?? "") });
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
    overall++;
    maxInFlight.perHost.set(host, Math.max(maxInFlight.perHost.get(host) ?? 0, inFlight.get(host)!));
    maxInFlight.overall = Math.max(maxInFlight.overall, overall);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      inFlight.set(host, inFlight.get(host)! - 1);
      overall--;
    };
    res.on("close", finish);
    req.socket.on("close", finish);
    if (extra.some((h) => h(req, res, path))) return;
    answer(req, res, path, n);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(() => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  }));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (path, host = "127.0.0.1") => `http://${host}:${port}${path}`,
    requests,
    count: (path, method) => requests.filter((r) => r.path === path && (!method || r.method === method)).length,
    maxInFlight,
    route: (h) => extra.push(h),
  };
}

function send(res: ServerResponse, status: number, headers: Record<string, string> = {}, body = ""): void {
  res.writeHead(status, { "content-type": "text/html", ...headers });
  res.end(body);
}

/** `n` counts this path's requests so far, 1 for the first. */
function answer(req: IncomingMessage, res: ServerResponse, path: string, n: number): void {
  const bare = path.replace(/\?.*$/, "");
  if (bare.startsWith("/ok") || bare === "/" || bare.startsWith("/new/")) return send(res, 200, {}, "<html>fine</html>");
  if (bare.startsWith("/chain/")) {
    const step = Number(bare.slice("/chain/".length));
    return step < 3 ? send(res, 301, { location: `/chain/${step + 1}` }) : send(res, 200);
  }
  if (bare.startsWith("/moved/")) return send(res, 301, { location: `/new/${bare.slice("/moved/".length)}` });
  if (bare === "/perm308") return send(res, 308, { location: "/ok-after-308" });
  if (bare === "/temporary") return send(res, 302, { location: "/ok-after-302" });
  if (bare === "/loop/a") return send(res, 302, { location: "/loop/b" });
  if (bare === "/loop/b") return send(res, 302, { location: "/loop/a" });
  if (bare.startsWith("/gone404")) return send(res, 404);
  if (bare === "/gone410") return send(res, 410);
  if (bare === "/head405") return req.method === "HEAD" ? send(res, 405, { allow: "GET" }) : send(res, 200);
  if (bare === "/limited") return n === 1 ? send(res, 429, { "retry-after": "3" }) : send(res, 200);
  if (bare === "/limited-date") {
    const at = new Date(Date.now() + 5000).toUTCString();
    return n === 1 ? send(res, 429, { "retry-after": at, date: new Date(Date.now()).toUTCString() }) : send(res, 200);
  }
  if (bare === "/flaky503") return n === 1 ? send(res, 503) : send(res, 200);
  if (bare === "/always503") return send(res, 503);
  if (bare === "/always429") return send(res, 429);
  if (bare === "/wait-an-hour") return send(res, 429, { "retry-after": "3600" });
  if (bare === "/slow") {
    const timer = setTimeout(() => send(res, 200), SLOW_MS);
    res.on("close", () => clearTimeout(timer));
    return;
  }
  if (bare === "/reset") {
    req.socket.destroy();
    return;
  }
  if (bare === "/forbidden") return send(res, 403);
  if (bare === "/wall") return send(res, 999);
  if (bare === "/old-article") return send(res, 301, { location: "/" });
  if (bare.startsWith("/steps/")) {
    // /steps/N redirects N times before answering: the limit is 10.
    const left = Number(bare.slice("/steps/".length));
    return left > 0 ? send(res, 301, { location: `/steps/${left - 1}` }) : send(res, 200);
  }
  send(res, 404);
}

/** Every *.test name resolves to 127.0.0.1; anything else does not exist. */
export const testLookup: LookupFunction = (hostname, options, callback) => {
  const cb = callback as (error: NodeJS.ErrnoException | null, address?: unknown, family?: number) => void;
  if (!hostname.endsWith(".test")) {
    const error: NodeJS.ErrnoException = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return cb(error);
  }
  if ((options as { all?: boolean }).all) cb(null, [{ address: "127.0.0.1", family: 4 }]);
  else cb(null, "127.0.0.1", 4);
};

/**
 * Time that moves only when something sleeps: backoffs and Retry-After cost
 * nothing, and are recorded. Timers fire earliest first, one per turn of the
 * event loop, so whatever can run sooner runs first.
 */
export function virtualClock(start = Date.parse("2026-03-01T12:00:00Z")) {
  let now = start;
  const sleeps: number[] = [];
  const timers: { at: number; resolve: () => void }[] = [];
  let ticking = false;
  const tick = () => {
    if (ticking || timers.length === 0) return;
    ticking = true;
    setImmediate(() => {
      ticking = false;
      timers.sort((a, b) => a.at - b.at);
      const next = timers.shift()!;
      now = Math.max(now, next.at);
      next.resolve();
      tick();
    });
  };
  return {
    sleeps,
    now: () => now,
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        sleeps.push(ms);
        timers.push({ at: now + Math.max(0, ms), resolve });
        tick();
      }),
  };
}

/** An archive of one day whose events cite these URLs (one event per list), valid offline. */
export function eventText(title: string, slug: string, urls: string[], eol = "\n"): string {
  const sources = urls.map((u, i) => `${i + 1}. [${i === urls.length - 1 && urls.length > 1 ? "Cover Image" : `Source ${i + 1}`}](${u})`);
  return [
    "### [2013-01-21](/news/2013/01/21/index.md)",
    "",
    `# ${title}`,
    "",
    "A summary.",
    "",
    "### Source:",
    "",
    ...sources,
    "",
    "### Changes:",
    "",
    `1. [${title}](/news/2013/01/21/${slug}.md) _(Current version)_`,
    "",
  ].join(eol);
}

export function dayPage(events: { title: string; slug: string }[]): string {
  return ["# 2013-01-21", "", ...events.map((e, i) => `${i + 1}. [${e.title}](/news/2013/01/21/${e.slug}.md)`), ""].join("\n");
}

/** Files for tempArchive: one event per URL list, and the day page listing them all. */
export function citingArchive(lists: string[][], eol = "\n"): Record<string, string> {
  const events = lists.map((_, i) => ({ title: `Event ${i + 1}`, slug: `event-${i + 1}` }));
  const files: Record<string, string> = { "news/2013/01/21/index.md": dayPage(events) };
  lists.forEach((urls, i) => (files[`news/2013/01/21/${events[i]!.slug}.md`] = eventText(events[i]!.title, events[i]!.slug, urls, eol)));
  return files;
}

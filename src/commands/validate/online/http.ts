// One HTTP request, no redirects followed, turned into data: the status and
// the few headers the check needs, or what went wrong on the way. undici
// does the HTTP; its Agent keeps at most a few connections per origin and
// takes a lookup function, so tests can point any host name at 127.0.0.1.

import type { LookupFunction } from "node:net";
import { Agent, request } from "undici";

export type NetFailure =
  | "dns"
  | "dns-temporary"
  | "refused"
  | "reset"
  | "timeout"
  | "tls"
  | "unreachable"
  | "bad-response"
  /** Not asked: the host failed the same way too often this run (detail: "refused" or "timeout"). */
  | "gave-up"
  | "other";

export type Attempt =
  | { kind: "answer"; status: number; location: string | null; retryAfter: string | null; date: string | null; botWall: boolean; body?: string }
  | { kind: "failure"; failure: NetFailure; detail: string };

export type Answer = Extract<Attempt, { kind: "answer" }>;

export interface HttpOptions {
  timeoutMs: number;
  userAgent: string;
  connectionsPerHost: number;
  lookup?: LookupFunction;
}

export interface HttpClient {
  /** `bodyLimit` > 0 reads the body as text (a larger body is a bad response); otherwise it is drained and dropped. */
  send(method: "HEAD" | "GET", url: string, bodyLimit?: number): Promise<Attempt>;
  close(): Promise<void>;
}

/** Enough of a page to let the connection be reused; a larger body just closes it. */
const DRAIN_LIMIT = 64 * 1024;

export function createHttpClient(opts: HttpOptions): HttpClient {
  const agent = new Agent({
    connections: opts.connectionsPerHost,
    connect: { timeout: opts.timeoutMs, ...(opts.lookup ? { lookup: opts.lookup } : {}) },
    headersTimeout: opts.timeoutMs,
    bodyTimeout: opts.timeoutMs,
  });
  const headers = { "user-agent": opts.userAgent, accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };
  return {
    async send(method, url, bodyLimit = 0) {
      const signal = AbortSignal.timeout(opts.timeoutMs);
      try {
        const res = await request(url, { method, headers, dispatcher: agent, signal });
        const answer = answerOf(res.statusCode, res.headers);
        if (bodyLimit > 0) return await readBody(answer, res.body, bodyLimit);
        // The status is what counts; a body that stalls or is cut short changes nothing.
        await res.body.dump({ limit: DRAIN_LIMIT }).catch(() => undefined);
        return answer;
      } catch (error) {
        return failureOf(error, signal.aborted);
      }
    },
    close: () => agent.close(),
  };
}

type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string | null {
  const value = headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

function answerOf(status: number, headers: Headers): Answer {
  return {
    kind: "answer",
    status,
    location: header(headers, "location"),
    retryAfter: header(headers, "retry-after"),
    date: header(headers, "date"),
    botWall: isBotWall(status, headers),
  };
}

/** Answers that are a challenge for browsers, not a verdict on the page: never retried, never "dead". */
function isBotWall(status: number, headers: Headers): boolean {
  if (status === 999) return true;
  if (status < 400) return false;
  return header(headers, "cf-mitigated") !== null || header(headers, "x-amzn-waf-action") !== null;
}

async function readBody(answer: Answer, body: { text(): Promise<string>; dump(o?: { limit: number }): Promise<void> } & AsyncIterable<Buffer>, limit: number): Promise<Attempt> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > limit) {
      await body.dump({ limit: 0 }).catch(() => undefined);
      return { kind: "failure", failure: "bad-response", detail: `the answer is larger than ${limit} bytes` };
    }
    chunks.push(chunk);
  }
  return { ...answer, body: Buffer.concat(chunks).toString("utf8") };
}

const TIMEOUT_CODES = new Set(["ETIMEDOUT", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);
const RESET_CODES = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED", "ECONNABORTED"]);
const UNREACHABLE_CODES = new Set(["EHOSTUNREACH", "ENETUNREACH", "EHOSTDOWN", "ENETDOWN", "EADDRNOTAVAIL"]);

/** undici and node:net errors, sorted into the few kinds the outcome depends on. */
export function failureOf(error: unknown, timedOut: boolean): Attempt {
  const e = error as { code?: unknown; name?: unknown; message?: unknown; cause?: { code?: unknown } };
  const code = typeof e.code === "string" ? e.code : typeof e.cause?.code === "string" ? e.cause.code : "";
  const name = typeof e.name === "string" ? e.name : "";
  const detail = code || name || "error";
  const fail = (failure: NetFailure): Attempt => ({ kind: "failure", failure, detail });
  if (timedOut || name === "TimeoutError" || TIMEOUT_CODES.has(code)) return fail("timeout");
  if (code === "ENOTFOUND") return fail("dns");
  if (code === "EAI_AGAIN") return fail("dns-temporary");
  if (code === "ECONNREFUSED") return fail("refused");
  if (RESET_CODES.has(code)) return fail("reset");
  if (UNREACHABLE_CODES.has(code)) return fail("unreachable");
  if (/CERT|SSL|TLS|EPROTO/.test(code)) return fail("tls");
  if (code.startsWith("HPE_") || code === "UND_ERR_INFO" || code === "UND_ERR_RES_CONTENT_LENGTH_MISMATCH") return fail("bad-response");
  return fail("other");
}

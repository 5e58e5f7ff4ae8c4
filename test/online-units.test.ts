import { describe, expect, it } from "vitest";
import { createScheduler } from "../src/commands/validate/online/scheduler.js";
import { backoffMs, DEFAULT_RETRY, parseRetryAfter } from "../src/commands/validate/online/retry.js";
import { lineWithDest } from "../src/archive/format/write.js";
import { parseLinkAt } from "../src/archive/format/links.js";
import { virtualClock } from "./online-server.js";

describe("Retry-After and backoff", () => {
  const now = Date.parse("2026-03-01T12:00:00Z");
  it("reads seconds and HTTP dates, against the answer's own Date when it has one", () => {
    expect(parseRetryAfter("120", null, now)).toBe(120_000);
    expect(parseRetryAfter(" 0 ", null, now)).toBe(0);
    expect(parseRetryAfter("Sun, 01 Mar 2026 12:00:30 GMT", null, now)).toBe(30_000);
    expect(parseRetryAfter("Sun, 01 Mar 2026 12:00:30 GMT", "Sun, 01 Mar 2026 11:00:00 GMT", now)).toBe(3_630_000);
    expect(parseRetryAfter("Sun, 01 Mar 2026 11:00:00 GMT", null, now)).toBe(0);
    expect(parseRetryAfter("soon", null, now)).toBeNull();
    expect(parseRetryAfter("-5", null, now)).toBeNull();
    expect(parseRetryAfter(null, null, now)).toBeNull();
  });

  it("backs off exponentially, jittered between half and all of the step, capped", () => {
    expect([0, 1, 2].map((n) => backoffMs(n, DEFAULT_RETRY, () => 0))).toEqual([500, 1000, 2000]);
    expect([0, 1, 2].map((n) => backoffMs(n, DEFAULT_RETRY, () => 1))).toEqual([1000, 2000, 4000]);
    expect(backoffMs(30, DEFAULT_RETRY, () => 1)).toBe(DEFAULT_RETRY.maxBackoffMs);
  });
});

describe("the scheduler", () => {
  it("spaces the starts to one host, holds a paused host back, and lets other hosts go meanwhile", async () => {
    const clock = virtualClock(0);
    const scheduler = createScheduler({ concurrency: 16, perHost: 2, intervalMs: 250, clock });
    const starts: [string, number][] = [];
    const task = (host: string) => scheduler.run(host, async () => void starts.push([host, clock.now()]));
    scheduler.pause("b", 5000);
    await Promise.all([task("a"), task("a"), task("a"), task("b"), task("c")]);
    const at = (host: string) => starts.filter(([h]) => h === host).map(([, t]) => t);
    const a = at("a");
    expect(a[1]! - a[0]!).toBeGreaterThanOrEqual(250);
    expect(a[2]! - a[1]!).toBeGreaterThanOrEqual(250);
    expect(at("b")[0]).toBeGreaterThanOrEqual(5000);
    expect(at("c")[0]).toBe(0);
  });
});

describe("writing a URL into a link", () => {
  const line = "1. [Le Monde ](http://old.example/a?b=1) trailing";
  const link = parseLinkAt(line, 3)!;
  it("replaces only the destination", () => {
    expect(lineWithDest(line, link, "https://new.example/a(1)")).toBe("1. [Le Monde ](https://new.example/a(1)) trailing");
  });
  it("keeps a link title and angle brackets around the destination", () => {
    const titled = '2. [Cover Image](http://old.example/p.jpg "the picture")';
    expect(lineWithDest(titled, parseLinkAt(titled, 3)!, "https://new.example/p.jpg")).toBe('2. [Cover Image](https://new.example/p.jpg "the picture")');
    const angled = "3. [Source](<http://old.example/a>)";
    expect(lineWithDest(angled, parseLinkAt(angled, 3)!, "https://new.example/a(1")).toBe("3. [Source](<https://new.example/a(1>)");
  });
  it("escapes what markdown needs escaped, so the link reads back as the address", () => {
    for (const url of ["https://x/a(b", "https://x/a)b", "https://x/<a>", "https://x/a\\)", "https://x/a\\"]) {
      const out = lineWithDest(line, link, url)!;
      expect(parseLinkAt(out, 3)!.dest).toBe(url);
      expect(out.endsWith(") trailing")).toBe(true);
    }
  });
  it("refuses an address that would not read back as written", () => {
    for (const bad of ["https://x/a b", "https://x/\u0001", ""]) expect(lineWithDest(line, link, bad)).toBeNull();
  });
});

describe("duration flags", () => {
  it("take units, bare seconds, and for --timeout bare milliseconds from 100 on", async () => {
    const { parseDuration } = await import("../src/cli/options.js");
    const timeout = parseDuration("--timeout", { bareMsFrom: 100 });
    expect(["10", "10s", "500ms", "1.5m", "2000", "500", "99"].map(timeout)).toEqual([10_000, 10_000, 500, 90_000, 2000, 500, 99_000]);
    const maxAge = parseDuration("--max-age", { allowZero: true });
    expect(["0", "12h", "7d", "86400"].map(maxAge)).toEqual([0, 12 * 3_600_000, 7 * 86_400_000, 86_400_000]);
    expect(() => timeout("0")).toThrow(/must be more than 0/);
    expect(() => timeout("1w")).toThrow(/takes a duration/);
  });
});

import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { Capture, runMain, tempArchive } from "./helpers.js";
import { citingArchive, startServer, testLookup, virtualClock } from "./online-server.js";
import { byEvent, runOnline } from "./online-run.js";

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const port = (s.address() as { port: number }).port;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

describe("validate --online: outcomes", () => {
  it("tells every kind of answer apart, and asks no more than it must", async () => {
    const server = await startServer();
    const refused = await closedPort();
    const cases: [string, string | null, RegExp | null][] = [
      ["/ok", null, null],
      ["/chain/1", "moved-url", /has moved permanently \(301\) to http:\/\/a\.test:\d+\/chain\/3$/],
      ["/perm308", "moved-url", /has moved permanently \(308\) to http:\/\/a\.test:\d+\/ok-after-308$/],
      ["/temporary", null, null],
      ["/loop/a", "unverifiable-url", /redirect loop: \S+\/loop\/a -> \S+\/loop\/b -> \S+\/loop\/a$/],
      ["/gone404", "dead-url", /is dead: 404 Not Found$/],
      ["/gone410", "dead-url", /is dead: 410 Gone$/],
      ["/head405", null, null],
      ["/limited", null, null],
      ["/flaky503", null, null],
      ["/slow", "unverifiable-url", /no answer within 1 s after 2 attempts$/],
      ["/reset", "unverifiable-url", /closed the connection without an answer .* after 3 attempts$/],
      ["/forbidden", "unverifiable-url", /403 Forbidden \(the site may refuse automated checks\)$/],
      ["/wall", "unverifiable-url", /999 Request Denied \(a bot wall/],
      ["/always503", "unverifiable-url", /503 Service Unavailable after 3 attempts$/],
      ["/always429", "unverifiable-url", /429 Too Many Requests after 3 attempts$/],
      ["/wait-an-hour", "unverifiable-url", /429 Too Many Requests, asking to wait 3600 s/],
      ["/old-article", "unverifiable-url", /redirects to the site's home page/],
      ["/steps/10", "moved-url", /to http:\/\/a\.test:\d+\/steps\/0$/],
      ["/steps/11", "unverifiable-url", /more than 10 redirects/],
      ["/moved/to-404", "dead-url", /is dead: 404 Not Found at \S+\/new\/to-404 \(after 1 redirect\)$/],
    ];
    server.route((_req, res, path) => path === "/new/to-404" && (res.writeHead(404).end(), true));
    const urls = cases.map(([path]) => server.url(path, "a.test"));
    urls.push("http://nowhere.invalid/story", `http://a.test:${refused}/story`, `https://a.test:${server.port}/ok-tls`);
    const root = tempArchive({ from: null, files: citingArchive(urls.map((u) => [u])) });

    const { code, report, stderr } = await runOnline(root, ["--timeout", "1s"]);
    expect(stderr).toBe("");
    const found = byEvent(report!.problems);
    cases.forEach(([path, rule, message], i) => {
      const problems = found.get(i + 1) ?? [];
      expect({ path, rules: problems.map((p) => p.rule) }).toEqual({ path, rules: rule ? [rule] : [] });
      if (message) expect(problems[0]!.message).toMatch(message);
    });
    const tail = (n: number) => found.get(cases.length + n)!;
    expect(tail(1).map((p) => [p.rule, p.message])).toEqual([["dead-url", "source URL http://nowhere.invalid/story is dead: the host nowhere.invalid does not exist (DNS: ENOTFOUND)"]]);
    expect(tail(2).map((p) => p.rule)).toEqual(["dead-url"]);
    expect(tail(2)[0]!.message).toMatch(/refused the connection after 3 attempts$/);
    expect(tail(3).map((p) => p.rule)).toEqual(["unverifiable-url"]);
    expect(tail(3)[0]!.message).toMatch(/TLS problem/);

    // Every finding sits on the URL itself: line 9, after "1. [Source 1](".
    for (const p of report!.problems) expect([p.line, p.column]).toEqual([9, 15]);
    // unverifiable-url and moved-url are warnings, never errors; dead-url fails the run.
    for (const p of report!.problems) expect(p.severity).toBe(p.rule === "dead-url" ? "error" : "warning");
    expect(report!.summary).toMatchObject({ errors: 5, warnings: 14 });
    expect(code).toBe(1);

    // HEAD is enough when it answers well; GET only where HEAD was refused or doubtful.
    expect([server.count("/ok", "HEAD"), server.count("/ok", "GET")]).toEqual([1, 0]);
    expect([server.count("/head405", "HEAD"), server.count("/head405", "GET")]).toEqual([1, 1]);
    expect([server.count("/gone404", "HEAD"), server.count("/gone404", "GET")]).toEqual([1, 1]);
    expect([server.count("/forbidden", "HEAD"), server.count("/forbidden", "GET")]).toEqual([1, 1]);
    // Retries: until the answer is good, at most 3 attempts, none when the wait asked for is too long.
    expect(server.count("/limited")).toBe(2);
    expect(server.count("/flaky503")).toBe(2);
    expect(server.count("/always503")).toBe(3);
    expect(server.count("/wait-an-hour")).toBe(1);
    expect(server.count("/slow")).toBe(2);
    expect(server.count("/reset")).toBe(3);
    // A loop is an outcome: each address asked once.
    expect([server.count("/loop/a"), server.count("/loop/b")]).toEqual([1, 1]);
    expect(server.count("/steps/0")).toBe(1);
    // The User-Agent names newsctl and its version.
    for (const r of server.requests) expect(r.userAgent).toMatch(/^newsctl\/0\.1\.0 \(/);
  });

  it("waits as long as Retry-After asks, in seconds or as an HTTP date", async () => {
    const server = await startServer();
    for (const [path, wait] of [["/limited", 3000], ["/limited-date", 5000]] as const) {
      const root = tempArchive({ from: null, files: citingArchive([[server.url(path, "a.test")]]) });
      const { report, clock } = await runOnline(root, []);
      expect(report!.problems).toEqual([]);
      expect(clock.sleeps).toContain(wait);
    }
    // Without Retry-After, a 503 backs off: 1 s, then 2 s, each halved and half jittered (random 0.5 here).
    const root = tempArchive({ from: null, files: citingArchive([[server.url("/always503", "b.test")]]) });
    const { clock } = await runOnline(root, []);
    expect(clock.sleeps).toEqual([750, 1500]);
  });

  it("asks a URL cited by many files once, and reports it on each line", async () => {
    const server = await startServer();
    const url = server.url("/gone404/shared?id=1", "a.test");
    const spelled = url.replace("http://a.test", "HTTP://A.TEST") + "#part";
    const lists = Array.from({ length: 50 }, (_, i) => (i === 49 ? [server.url("/ok", "a.test"), spelled] : [url]));
    const root = tempArchive({ from: null, files: citingArchive(lists) });
    const { report } = await runOnline(root, []);
    expect(report!.problems.filter((p) => p.rule === "dead-url")).toHaveLength(50);
    expect(server.count("/gone404/shared?id=1", "HEAD")).toBe(1);
    expect(server.count("/gone404/shared?id=1", "GET")).toBe(1);
    expect(byEvent(report!.problems).get(50)![0]!.message).toContain(spelled);
  });

  it("asks a host that does not exist, or that only refuses, a few times in all, not once per URL", async () => {
    const refused = await closedPort();
    const lookups = new Map<string, number>();
    const counting: typeof testLookup = (hostname, options, callback) => {
      lookups.set(hostname, (lookups.get(hostname) ?? 0) + 1);
      testLookup(hostname, options, callback);
    };
    const lists = Array.from({ length: 8 }, (_, i) => [`http://nowhere.invalid/${i}`, `http://a.test:${refused}/${i}`]);
    const root = tempArchive({ from: null, files: citingArchive(lists) });
    const clock = virtualClock();
    const { report } = await runOnline(root, [], { clock, overrides: { net: { lookup: counting, now: clock.now, sleep: clock.sleep, random: () => 0.5 } } });
    expect(report!.problems.map((p) => p.rule)).toEqual(Array(16).fill("dead-url"));
    expect(lookups.get("nowhere.invalid")).toBeLessThanOrEqual(2);
    expect(lookups.get("a.test")).toBeLessThanOrEqual(4);
    expect(report!.problems.some((p) => /refused the connection \(3 times in a row this run; not asked again\)$/.test(p.message))).toBe(true);
  });

  it("keeps to 2 requests at once per host and --concurrency overall", async () => {
    const server = await startServer();
    server.route((_req, res, path) => {
      if (!path.startsWith("/wait/")) return false;
      setTimeout(() => res.writeHead(200).end(), 60);
      return true;
    });
    const lists = ["a", "b", "c", "d"].flatMap((h) => Array.from({ length: 6 }, (_, i) => [server.url(`/wait/${h}${i}`, `${h}.test`)]));
    const root = tempArchive({ from: null, files: citingArchive(lists) });
    await runOnline(root, ["--concurrency", "5"], { overrides: { net: { lookup: testLookup, intervalMs: 0 } } });
    expect(server.requests).toHaveLength(24);
    expect([...server.maxInFlight.perHost.values()]).toEqual([2, 2, 2, 2]);
    expect(server.maxInFlight.overall).toBe(5);
  });

  it("--exclude leaves matching URLs unasked; paths limit the URLs asked to those files", async () => {
    const server = await startServer();
    const lists = [[server.url("/forbidden", "social.test")], [server.url("/gone404/a", "a.test")], [server.url("/gone404/b", "a.test")]];
    const root = tempArchive({ from: null, files: citingArchive(lists) });
    const { report } = await runOnline(root, ["--exclude", "^http://social\\.test", "--exclude", "/b$"]);
    expect(report!.problems.map((p) => p.file)).toEqual(["news/2013/01/21/event-2.md"]);
    expect(server.requests.map((r) => r.path)).toEqual(["/gone404/a", "/gone404/a"]);

    const scoped = await runOnline(root, ["news/2013/01/21/event-3.md"]);
    expect(scoped.report!.problems.map((p) => p.file)).toEqual(["news/2013/01/21/event-3.md"]);
    expect(server.count("/forbidden")).toBe(0);
  });

  it("rejects its flags without --online, and bad values, as usage errors", async () => {
    const root = tempArchive();
    const cases: [string[], RegExp][] = [
      [["--timeout", "5s"], /--timeout goes with --online/],
      [["--suggest-archived"], /--suggest-archived goes with --online/],
      [["--online", "--wayback-url", "http://127.0.0.1:9/x"], /--wayback-url goes with --suggest-archived/],
      [["--online", "--timeout", "soon"], /--timeout takes a duration/],
      [["--online", "--max-age", "-1d"], /--max-age takes a duration/],
      [["--online", "--concurrency", "0"], /--concurrency must be at least 1/],
      [["--online", "--exclude", "(unclosed"], /--exclude "\(unclosed" is not a regular expression/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await runMain(["validate", "--archive", root, ...args]);
      expect({ args, code }).toEqual({ args, code: 2 });
      expect(stderr).toMatch(message);
    }
  });

  it("shows progress on a terminal only, never in CI", async () => {
    const server = await startServer();
    const root = tempArchive({ from: null, files: citingArchive([[server.url("/ok", "a.test")], [server.url("/gone404", "b.test")]]) });
    const clock = virtualClock();
    const tty = new Capture(true);
    await runOnline(root, [], { clock, overrides: { stderr: tty } });
    expect(tty.text).toMatch(/checked 2\/2 URLs, 1 failing/);
    expect(tty.text).toMatch(/asking [ab]\.test:\d+/);
    expect(tty.text).toMatch(/\r\x1b\[2K$/);
    const ci = new Capture(true);
    await runOnline(root, ["--no-cache"], { clock, env: { CI: "true" }, overrides: { stderr: ci } });
    expect(ci.text).toBe("");
  });
});

// The configuration's `online` settings reach validate --online (a real
// server on 127.0.0.1, virtual time), each flag on the command line wins,
// and a hostile exclude pattern cannot hang the run.

import { describe, expect, it } from "vitest";
import { tempArchive, writeFile } from "./helpers.js";
import { citingArchive, startServer, testLookup, virtualClock } from "./online-server.js";
import { runOnline } from "./online-run.js";

async function slowServer() {
  const server = await startServer();
  server.route((_req, res, path) => {
    if (!path.startsWith("/wait/")) return false;
    setTimeout(() => res.writeHead(200).end(), 30);
    return true;
  });
  return server;
}

describe("online settings from newsctl.config.json", () => {
  it("exclude, perHost, concurrency and timeout reach the checker; validate stays offline without --online", async () => {
    const server = await slowServer();
    // Four URLs on one host: without perHost 1, two of them would be asked at once.
    const lists = [0, 1, 2, 3].map((i) => [server.url(`/wait/a${i}`, "a.test")]);
    lists.push([server.url("/wait/b0", "b.test")], [server.url("/skip/me", "a.test")], [server.url("/slow", "d.test")]);
    const root = tempArchive({ from: null, files: citingArchive(lists) });
    writeFile(root, "newsctl.config.json", JSON.stringify({ online: { exclude: ["/skip/"], perHost: 1, concurrency: 2, timeout: "1s" } }));

    const { code, report, stderr } = await runOnline(root, [], { overrides: { net: { lookup: testLookup, intervalMs: 0 } } });
    expect(stderr).toBe("");
    expect(server.count("/skip/me")).toBe(0);
    expect(server.count("/wait/a0")).toBe(1);
    expect(server.maxInFlight.perHost.get("a.test")).toBe(1);
    expect(server.maxInFlight.overall).toBe(2);
    expect(report!.problems.map((p) => [p.rule, p.message.replace(/^.*: /, "")])).toEqual([["unverifiable-url", "no answer within 1 s after 2 attempts"]]);
    expect(code).toBe(0);

    const before = server.requests.length;
    const { runMain } = await import("./helpers.js");
    const offline = await runMain(["validate", "--format", "json", "--archive", root]);
    expect(offline.code).toBe(0);
    expect(server.requests.length).toBe(before);
  });

  it("each flag given on the command line wins: --exclude replaces the list, --timeout and --concurrency their values", async () => {
    const server = await slowServer();
    const lists = ["a", "b", "c"].flatMap((h) => Array.from({ length: 3 }, (_, i) => [server.url(`/wait/${h}${i}`, `${h}.test`)]));
    lists.push([server.url("/skip/me", "a.test")], [server.url("/slow", "d.test")]);
    const root = tempArchive({ from: null, files: citingArchive(lists) });
    writeFile(root, "newsctl.config.json", JSON.stringify({ online: { exclude: ["/skip/"], concurrency: 1, timeout: "1s" } }));

    const { report } = await runOnline(root, ["--exclude", "/never/", "--timeout", "2s", "--concurrency", "3"], { overrides: { net: { lookup: testLookup, intervalMs: 0 } } });
    expect(server.count("/skip/me")).toBeGreaterThan(0);
    expect(server.maxInFlight.overall).toBe(3);
    expect(report!.problems.map((p) => p.message.replace(/^.*: /, ""))).toEqual(["404 Not Found", "no answer within 2 s after 2 attempts"]);
  });

  it("hostInterval spaces the starts of requests to one host", async () => {
    const server = await startServer();
    const lists = Array.from({ length: 3 }, (_, i) => [server.url(`/ok/${i}`, "a.test")]);
    const root = tempArchive({ from: null, files: citingArchive(lists) });
    const elapsed = async () => {
      const clock = virtualClock();
      const start = clock.now();
      await runOnline(root, ["--no-cache"], { clock, overrides: { net: { lookup: testLookup, now: clock.now, sleep: clock.sleep, random: () => 0.5 } } });
      return clock.now() - start;
    };
    expect(await elapsed()).toBeLessThan(2000);
    writeFile(root, "newsctl.config.json", JSON.stringify({ online: { hostInterval: "5s", perHost: 1 } }));
    expect(await elapsed()).toBeGreaterThanOrEqual(10_000);
  });

  it("a catastrophic exclude pattern is stopped and named, not left to hang the run", async () => {
    const server = await startServer();
    const root = tempArchive({ from: null, files: citingArchive([[server.url(`/${"a".repeat(40)}!`, "a.test")]]) });
    writeFile(root, "newsctl.config.json", JSON.stringify({ online: { exclude: ["^http://[^/]+/(a+)+$"] } }));
    const started = Date.now();
    const { code, stderr, stdout } = await runOnline(root, [], { overrides: { net: { lookup: testLookup, intervalMs: 0 } } });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(stdout).toBe("");
    expect(stderr).toBe("newsctl validate: newsctl.config.json: online.exclude[0]: the pattern takes too long to match the URLs; write a simpler one\n");
    expect(code).toBe(2);
    expect(server.requests).toEqual([]);
  });
});

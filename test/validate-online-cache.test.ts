import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempArchive, tempDir } from "./helpers.js";
import { citingArchive, startServer, virtualClock } from "./online-server.js";
import { runOnline } from "./online-run.js";

const CACHE = ".newsctl/cache/online-urls.json";
const HOUR = 3600 * 1000;

async function setUp() {
  const server = await startServer();
  const paths = ["/ok", "/chain/1", "/gone404", "/flaky503", "/forbidden"];
  const root = tempArchive({ from: null, files: citingArchive(paths.map((p) => [server.url(p, "a.test")])) });
  return { server, root };
}

describe("validate --online: the cache of successful checks", () => {
  it("remembers what worked, never what failed, for --max-age (default 1 day)", async () => {
    const { server, root } = await setUp();
    const clock = virtualClock();
    const first = await runOnline(root, [], { clock });
    const asked = server.requests.length;
    const saved = JSON.parse(readFileSync(join(root, CACHE), "utf8"));
    expect(Object.keys(saved.entries).map((u: string) => new URL(u).pathname).sort()).toEqual(["/chain/1", "/flaky503", "/ok"]);

    // Same answers from the cache; only the failures are asked again.
    const second = await runOnline(root, [], { clock });
    expect(second.report!.problems).toEqual(first.report!.problems);
    const again = server.requests.slice(asked).map((r) => r.path);
    expect([...new Set(again)].sort()).toEqual(["/forbidden", "/gone404"]);

    // Still fresh after 23 hours; not with a shorter --max-age, nor 25 hours after the last check.
    const before = server.requests.length;
    clock.sleeps.length = 0;
    await runOnline(root, [], { clock: virtualClock(clock.now() + 23 * HOUR) });
    expect(server.count("/ok")).toBe(1);
    await runOnline(root, ["--max-age", "12h"], { clock: virtualClock(clock.now() + 13 * HOUR) });
    expect(server.count("/ok")).toBe(2);
    await runOnline(root, [], { clock: virtualClock(clock.now() + 38 * HOUR) });
    expect(server.count("/ok")).toBe(3);
    expect(server.requests.length).toBeGreaterThan(before);
  });

  it("--no-cache asks everything and leaves the cache as it was", async () => {
    const { server, root } = await setUp();
    const clock = virtualClock();
    await runOnline(root, [], { clock });
    const saved = readFileSync(join(root, CACHE));
    await runOnline(root, ["--no-cache"], { clock: virtualClock(clock.now() + HOUR) });
    expect(server.count("/ok")).toBe(2);
    expect(server.count("/chain/1")).toBe(2);
    expect(readFileSync(join(root, CACHE))).toEqual(saved);
    // --max-age 0 also asks again, but refreshes the cache.
    await runOnline(root, ["--max-age", "0"], { clock: virtualClock(clock.now() + HOUR) });
    expect(server.count("/ok")).toBe(3);
  });

  it("is not used through links: .newsctl, its cache folder or the file itself", async () => {
    const { server, root } = await setUp();
    const outside = tempDir("newsctl-outside-");
    symlinkSync(outside, join(root, ".newsctl"));
    await runOnline(root, []);
    await runOnline(root, []);
    expect(readdirSync(outside)).toEqual([]);
    expect(server.count("/ok")).toBe(2);

    const { server: server2, root: root2 } = await setUp();
    mkdirSync(join(root2, ".newsctl"));
    symlinkSync(outside, join(root2, ".newsctl/cache"));
    await runOnline(root2, []);
    await runOnline(root2, []);
    expect(readdirSync(outside)).toEqual([]);
    expect(server2.count("/ok")).toBe(2);
  });

  it("does not follow a planted cache file, nor trust entries it did not write", async () => {
    const { server, root } = await setUp();
    const gone = server.url("/gone404", "a.test");
    const now = virtualClock().now();
    const forged = JSON.stringify({ format: 1, entries: { [gone]: { at: now, outcome: { kind: "ok" } } } });
    const outside = join(tempDir("newsctl-outside-"), "forged.json");
    writeFileSync(outside, forged);
    mkdirSync(join(root, ".newsctl/cache"), { recursive: true });
    symlinkSync(outside, join(root, CACHE));
    const { report } = await runOnline(root, []);
    expect(report!.problems.map((p) => p.rule)).toContain("dead-url");
    // The run replaced the link with its own file; the file it pointed at is untouched.
    expect(readFileSync(outside, "utf8")).toBe(forged);
    expect(existsSync(join(root, CACHE))).toBe(true);

    // Entries "from the future", of unknown kinds, or naming a bad address are dropped.
    const ok = server.url("/ok", "a.test");
    const chain = server.url("/chain/1", "a.test");
    const flaky = server.url("/flaky503", "a.test");
    writeFileSync(
      join(root, CACHE),
      JSON.stringify({
        format: 1,
        entries: {
          [ok]: { at: now + 48 * HOUR, outcome: { kind: "ok" } },
          [chain]: { at: now, outcome: { kind: "moved", status: 301, to: "javascript:alert(1)" } },
          [flaky]: { at: now, outcome: { kind: "dead", reason: "x" } },
        },
      }),
    );
    const okBefore = server.count("/ok");
    const second = await runOnline(root, []);
    expect(server.count("/ok")).toBe(okBefore + 1);
    expect(second.report!.problems.find((p) => p.rule === "moved-url")!.message).toMatch(/to http:\/\/a\.test:\d+\/chain\/3$/);
  });
});

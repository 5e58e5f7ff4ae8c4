// Several writers at once on one day, and locks left behind by processes
// that died: every change lands, nothing is overwritten, nothing waits forever.

import { existsSync, readdirSync, utimesSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { changedPaths, hashTree, readText, runCli, runMain, SEED_PATH, tempArchive, writeFile } from "./helpers.js";

const DAY = "news/2013/01/21";
const ENV = { NEWSCTL_NOW: "2026-03-04T05:06:07Z", NEWSCTL_LOCK_TIMEOUT_MS: "20000" };
const SEED_VERSIONS = [
  "news/2013/01/21/northern-mali-conflict-pfrench-and-malian-troops-retake-diabaly-and-douentza-as-islamist-forces-retreat.md",
  "news/2013/01/21/northern-mali-conflict-french-and-malian-troops-retake-diabaly-and-douentza-as-islamist-forces-retreat.md",
  SEED_PATH,
];
/** The current versions of other events whose Related lists link to the seed. */
const LINKING_TO_SEED = [
  "news/2013/01/14/islamists-rebels-capture-the-malian-town-of-diabaly-after-fierce-fighting-with-government-troops-as-french-airplanes-strike-targets-in-gao.md",
  "news/2013/04/29/a-sixth-french-soldier-is-killed-in-mali-when-his-vehicle-struck-a-roadside-bomb-seriously-injuring-two-more.md",
  "news/2016/12/30/mali-returns-two-people-france-deported-on-the-same-planes-they-arrived-on.md",
];

function addArgs(root: string, title: string, extra: string[] = []): string[] {
  return ["add", "--yes", "--archive", root, "--date", "2013-01-21", "--title", title, "--summary", `${title}, as reported.`, "--source", "BBC=https://www.bbc.co.uk/news/1", "--tag", "Mali", ...extra];
}

const linksTo = (root: string, from: string, to: string) => readText(root, from).includes(`](/${to})`);

/** What a finished run may leave: .newsctl/ holds only its .gitignore, and no temp file is anywhere. */
function expectNoLitter(root: string): void {
  expect(readdirSync(join(root, ".newsctl")).filter((n) => n !== ".gitignore")).toEqual([]);
  expect([...hashTree(root).keys()].filter((p) => p.includes(".newsctl-"))).toEqual([]);
}

describe("writers at once on one day", () => {
  it("four adds and a revise all land; the day page lists them all; nothing is overwritten", async () => {
    const root = tempArchive();
    const before = hashTree(root);
    const backlink = ["--related", SEED_PATH, "--backlink"];
    const runs = await Promise.all([
      runCli(["revise", SEED_PATH, "--title", "French and Malian troops retake Diabaly, Douentza and Gao.", "--yes", "--archive", root], { env: ENV }),
      runCli(addArgs(root, "French troops reach Gao airport", backlink), { env: ENV }),
      runCli(addArgs(root, "Malian army enters Hombori", backlink), { env: ENV }),
      runCli(addArgs(root, "Same title from two editors"), { env: ENV }),
      runCli(addArgs(root, "Same title from two editors"), { env: ENV }),
    ]);
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const [revised, ...added] = runs.map((r) => r.stdout.trim());
    expect(revised).toBe(`${DAY}/french-and-malian-troops-retake-diabaly-douentza-and-gao.md`);
    expect(added.slice(2).sort()).toEqual([`${DAY}/same-title-from-two-editors-2.md`, `${DAY}/same-title-from-two-editors.md`]);

    // Exactly these files changed: the five new ones, the day page, the seed's versions, its linkers.
    const changed = changedPaths(before, hashTree(root));
    expect(changed).toEqual([revised!, ...added, `${DAY}/index.md`, ...SEED_VERSIONS, ...LINKING_TO_SEED].sort());

    // The day page lists the current version of every event of the day, once each.
    const page = readText(root, `${DAY}/index.md`);
    const listed = [...page.matchAll(/\]\(\/([^)]+)\)/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual([revised!, ...added].sort());

    // The revision's history holds all four versions, whichever order the runs took the lock in.
    const history = JSON.parse((await runMain(["history", revised!, "--format", "json", "--archive", root])).stdout) as { path: string; kind: string; exists: boolean }[];
    expect(history.map((h) => h.path)).toEqual([...SEED_VERSIONS, revised]);
    expect(history.map((h) => h.kind)).toEqual(["first", "update", "update", "current"]);
    expect(history.every((h) => h.exists)).toBe(true);

    // Backlinks made before or after the revision both end up between the current versions.
    for (const path of added.slice(0, 2)) {
      expect(linksTo(root, revised!, path), `${revised} -> ${path}`).toBe(true);
      expect(linksTo(root, path!, revised!), `${path} -> ${revised}`).toBe(true);
    }
    for (const path of LINKING_TO_SEED) expect(linksTo(root, path, revised!)).toBe(true);

    const check = await runMain(["validate", "--format", "json", "--archive", root]);
    expect(JSON.parse(check.stdout).problems).toEqual([]);
    expect(check.code).toBe(0);
    expectNoLitter(root);
  });
});

describe("a lock left behind never blocks for good", () => {
  const fast = { NEWSCTL_NOW: ENV.NEWSCTL_NOW, NEWSCTL_LOCK_TIMEOUT_MS: "8000" };

  it("an add SIGKILLed while it held the lock: the next add breaks the lock, undoes the half-change and lands", async () => {
    const root = tempArchive();
    const before = hashTree(root);
    // On a day with no folder yet: undoing the change removes the folders it made too.
    const newDay = [...addArgs(root, "Killed while holding the lock"), "--date", "2014-06-01"];
    const killed = await runCli(newDay, { env: { ...fast, NEWSCTL_FAULT: "kill:commit" } });
    expect(killed.signal).toBe("SIGKILL");
    expect(existsSync(join(root, ".newsctl/lock"))).toBe(true);
    expect(existsSync(join(root, "news/2014/06/1"))).toBe(true);
    const next = await runCli(addArgs(root, "Added after the crash"), { env: fast });
    expect(next.code, next.stderr).toBe(0);
    expect(changedPaths(before, hashTree(root))).toEqual([`${DAY}/added-after-the-crash.md`, `${DAY}/index.md`]);
    expect(readText(root, `${DAY}/index.md`)).not.toContain("killed-while-holding-the-lock");
    expect(existsSync(join(root, "news/2014"))).toBe(false);
    expectNoLitter(root);
  });

  const staleLocks: [string, (root: string) => void][] = [
    ["a lock whose process is gone", (root) => writeFile(root, ".newsctl/lock", JSON.stringify({ pid: 2 ** 22 + 4321, host: hostname(), started: Date.now() }))],
    ["a lock from another machine, hours old", (root) => writeFile(root, ".newsctl/lock", JSON.stringify({ pid: 1, host: "elsewhere.example", started: Date.now() - 3 * 3600_000 }))],
    [
      "an empty lock (its writer died while making it), a minute old",
      (root) => {
        writeFile(root, ".newsctl/lock", "");
        const past = new Date(Date.now() - 60_000);
        utimesSync(join(root, ".newsctl/lock"), past, past);
      },
    ],
    [
      "a dead lock and a breaker left by a process killed while breaking it",
      (root) => {
        writeFile(root, ".newsctl/lock", JSON.stringify({ pid: 2 ** 22 + 4321, host: hostname(), started: Date.now() }));
        writeFile(root, ".newsctl/lock.break", "");
        const past = new Date(Date.now() - 60_000);
        utimesSync(join(root, ".newsctl/lock.break"), past, past);
      },
    ],
  ];
  for (const [name, leave] of staleLocks) {
    it(`${name} is broken: revise goes ahead`, async () => {
      const root = tempArchive();
      leave(root);
      const run = await runCli(["revise", SEED_PATH, "--summary", "A new summary.", "--yes", "--archive", root], { env: fast });
      expect(run.code, run.stderr).toBe(0);
      expectNoLitter(root);
    });
  }

  it("a lock held by a live process makes a writer give up after NEWSCTL_LOCK_TIMEOUT_MS (exit 3), changing nothing", async () => {
    const root = tempArchive();
    writeFile(root, ".newsctl/lock", JSON.stringify({ pid: process.pid, host: hostname(), started: Date.now() }));
    const before = hashTree(root);
    const run = await runCli(addArgs(root, "Blocked by a live lock"), { env: { NEWSCTL_LOCK_TIMEOUT_MS: "300" } });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/locked by another newsctl \(pid \d+ on .+\): .*\.newsctl\/lock/);
    expect(changedPaths(before, hashTree(root))).toEqual([]);
  });
});

// Crash safety: revise, add and validate --fix SIGKILLed at random moments
// and at every point of the commit (each rename, the commit mark), on a
// generated archive. After each kill every touched file is entirely old or
// entirely new; the next newsctl run (validate) finishes or undoes the
// change, so the touched files are then ALL old or ALL new, and validate
// reports exactly what it reported for that state.
//
// NEWSCTL_CRASH_RUNS=N sets the number of random-moment kills per command
// (default 4; the injected kill points always run in full).

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateArchive, writeArchive } from "../bench/generate.mjs";
import {
  classifyTree,
  currentPath,
  injectFixable,
  pickLinkedEvent,
  restoreFiles,
  runAndKill,
  journalsLeft,
  type GeneratedEvent,
} from "./crash-helpers.js";
import { changedPaths, hashTree, runMain } from "./helpers.js";

const RANDOM_KILLS = Number(process.env["NEWSCTL_CRASH_RUNS"] ?? 4);
const EVENTS = 600;
const ENV = { NEWSCTL_NOW: "2026-03-04T05:06:07Z", NEWSCTL_LOCK_TIMEOUT_MS: "20000" };

const generated = generateArchive({ events: EVENTS, seed: 11 }) as { files: Map<string, string>; events: GeneratedEvent[] };

/** A seeded random number generator, so a failing kill can be replayed. */
function randomFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function validateJson(root: string): Promise<string> {
  const { stdout } = await runMain(["validate", "--format", "json", "--archive", root]);
  const report = JSON.parse(stdout) as { problems: unknown[] };
  return JSON.stringify(report.problems);
}

interface Scenario {
  name: string;
  files: Map<string, string>;
  args: string[];
}

interface Kill {
  fault: string | null;
  delayMs: number | null;
}

async function crashLoop(scenario: Scenario, seed: number): Promise<{ old: number; new: number }> {
  // Not tempDir(): its onTestFinished hook cannot tell concurrent tests apart.
  const root = mkdtempSync(join(tmpdir(), "newsctl-crash-"));
  try {
    return await killRepeatedly(root, scenario, seed);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function killRepeatedly(root: string, { files, args }: Scenario, seed: number): Promise<{ old: number; new: number }> {
  writeArchive(root, files);
  const argv = [...args, "--archive", root];
  const old = hashTree(root);
  const oldReport = await validateJson(root);

  // One complete run gives the "entirely new" bytes and how long a run takes.
  const started = Date.now();
  const complete = await runAndKill(argv, ENV, null);
  const runMs = Date.now() - started;
  expect(complete.code, complete.stderr).toBe(0);
  const expected = hashTree(root);
  const touched = changedPaths(old, expected);
  expect(touched.length).toBeGreaterThan(1);
  if (process.env["NEWSCTL_CRASH_VERBOSE"]) console.log(`${args[0]}: ${touched.length} files, a run takes ${runMs} ms`);
  const newReport = await validateJson(root);
  restoreFiles(root, oldBytesOf(files, touched), []);
  expect(changedPaths(old, hashTree(root))).toEqual([]);

  const random = randomFrom(seed);
  const kills: Kill[] = [
    { fault: "kill:commit", delayMs: null },
    ...touched.map((_, i) => ({ fault: `kill:rename:${i + 1}`, delayMs: null })),
    ...Array.from({ length: RANDOM_KILLS }, () => ({ fault: null, delayMs: Math.floor(random() * runMs * 1.1) })),
  ];
  const outcomes = { old: 0, new: 0 };
  for (const kill of kills) {
    const what = kill.fault ?? `SIGKILL after ${kill.delayMs} ms`;
    const result = await runAndKill(argv, kill.fault ? { ...ENV, NEWSCTL_FAULT: kill.fault } : ENV, kill.delayMs);
    if (kill.fault) expect(result.killed, `${what}: ${result.stderr}`).toBe(true);

    // Right after the kill: each touched file old or new, nothing else changed but temp files.
    const killedState = classifyTree(root, old, expected);
    for (const [path, state] of killedState.states) expect(`${path}: ${state}`, what).not.toMatch(/: other$/);

    // The next run recovers; then it is all or nothing, and validate says what it said for that state.
    const report = await validateJson(root);
    const { states, temps } = classifyTree(root, old, expected);
    expect(temps, what).toEqual([]);
    expect(journalsLeft(root), what).toEqual([]);
    const kinds = new Set(states.values());
    expect(kinds.size, `${what}: ${JSON.stringify([...states])}`).toBe(1);
    const outcome = kinds.has("new") ? "new" : "old";
    expect(kinds.has("other"), what).toBe(false);
    expect(report, what).toBe(outcome === "new" ? newReport : oldReport);
    // Before the commit mark a kill undoes the change; after it, the change is finished.
    if (kill.fault === "kill:commit") expect(outcome, what).toBe("old");
    if (kill.fault?.startsWith("kill:rename:")) expect(outcome, what).toBe("new");
    outcomes[outcome]++;

    restoreFiles(root, oldBytesOf(files, touched), killedState.temps);
  }
  return outcomes;
}

/** The archive's original bytes of the given paths (null: the file is new). */
function oldBytesOf(files: Map<string, string>, paths: string[]): Map<string, Buffer | null> {
  return new Map(paths.map((p) => [p, files.has(p) ? Buffer.from(files.get(p)!, "utf8") : null]));
}

// The three run at once: each waits on its child process most of the time.
// Each spawns dozens of processes: on a busy CI machine that can outlast
// vitest's default minute, so the limit here only guards against a hang.
const LOOP_TIMEOUT_MS = 300_000;

describe.concurrent("crash safety: SIGKILL at any moment leaves each change all or nothing", () => {
  const events = generated.events;

  it("newsctl revise", async () => {
    const target = pickLinkedEvent(events, 2, 3);
    const outcomes = await crashLoop(
      {
        name: "revise",
        files: generated.files,
        args: ["revise", currentPath(target), "--title", `Revised after a crash test (report ${target.n})`, "--add-source", "Reuters=https://www.reuters.com/crash-test", "--yes"],
      },
      1,
    );
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.new).toBeGreaterThan(0);
  }, LOOP_TIMEOUT_MS);

  it("newsctl add --backlink", async () => {
    const [a, b] = events.filter((e) => e.contexts.includes("Mali"));
    const outcomes = await crashLoop(
      {
        name: "add",
        files: generated.files,
        args: ["add", "--yes", "--date", a!.date, "--title", "A crash test event in Mali", "--summary", "Killed at every point.", "--source", "BBC=https://www.bbc.co.uk/news/crash-test", "--tag", "Mali", "--related", currentPath(a!), "--related", currentPath(b!), "--backlink"],
      },
      2,
    );
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.new).toBeGreaterThan(0);
  }, LOOP_TIMEOUT_MS);

  it("newsctl validate --fix", async () => {
    const outcomes = await crashLoop({ name: "validate --fix", files: injectFixable(generated.files, events, 3), args: ["validate", "--fix"] }, 3);
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.new).toBeGreaterThan(0);
  }, LOOP_TIMEOUT_MS);
});

describe("a crash between saving the old bytes and journaling the putting back", () => {
  // The journal still says "commit": the next run rolls the change forward, and must also
  // remove every copy of old bytes saved beside the files (.newsctl-<txid>-<n>.undo).
  it("NEWSCTL_FAULT=rename:5,kill:saved: the next run leaves every file new and no saved copy behind", async () => {
    const root = mkdtempSync(join(tmpdir(), "newsctl-saved-"));
    try {
      const small = generateArchive({ events: 40, seed: 5 }) as typeof generated;
      writeArchive(root, small.files);
      const target = pickLinkedEvent(small.events, 2, 9);
      const argv = ["revise", currentPath(target), "--title", "Rolled forward after a crash", "--yes", "--archive", root];
      const old = hashTree(root);
      expect((await runAndKill(argv, ENV, null)).code).toBe(0);
      const expected = hashTree(root);
      const touched = changedPaths(old, expected);
      restoreFiles(root, oldBytesOf(small.files, touched), []);
      const run = await runAndKill(argv, { ...ENV, NEWSCTL_FAULT: "rename:5,kill:saved" }, null);
      expect(run.killed, run.stderr).toBe(true);
      expect(classifyTree(root, old, expected).temps.filter((t) => t.endsWith(".undo")).length).toBeGreaterThan(0);
      const next = await runMain(["validate", "--format", "json", "--archive", root]);
      expect(next.stderr).toMatch(/finished a change an earlier run left half-done/);
      const { states, temps } = classifyTree(root, old, expected);
      expect(temps).toEqual([]);
      expect([...states].filter(([, state]) => state !== "new")).toEqual([]);
      expect(journalsLeft(root)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("a crash while a failed write is being put back", () => {
  // A rename fails part-way (a full disk, a read-only file), and the process dies while it puts
  // back the files it had already replaced: the next run must finish putting them back.
  for (const fault of ["rename:5,kill:undo:1", "rename:5,kill:undo:3", "rename:2,kill:undo:1"]) {
    it(`NEWSCTL_FAULT=${fault}: the next run leaves every file old`, async () => {
      const root = mkdtempSync(join(tmpdir(), "newsctl-undo-"));
      try {
        const small = generateArchive({ events: 40, seed: 5 }) as typeof generated;
        writeArchive(root, small.files);
        const old = hashTree(root);
        const target = pickLinkedEvent(small.events, 2, 9);
        const run = await runAndKill(["revise", currentPath(target), "--title", "Put back after a crash", "--yes", "--archive", root], { ...ENV, NEWSCTL_FAULT: fault }, null);
        expect(run.killed, run.stderr).toBe(true);
        const next = await runMain(["validate", "--format", "json", "--archive", root]);
        expect(JSON.parse(next.stdout).problems).toEqual([]);
        expect(changedPaths(old, hashTree(root))).toEqual([]);
        expect(journalsLeft(root)).toEqual([]);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  }
});

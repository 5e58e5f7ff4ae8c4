// The programmatic API on real temp archives: the same findings and items
// the real binary prints as JSON, errors a caller can tell apart, nothing
// written to the process's streams, nothing written to a read-only archive.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { acquireLock } from "../src/archive/write/lock.js";
import { tempName } from "../src/archive/write/journal.js";
import { FailureError, listEvents, NewsctlError, openArchive, UsageError, validate } from "../src/api/index.js";
import { buildHostileArchive, MARKER } from "./hostile-corpus.js";
import { changedPaths, FIXTURES, hashTree, runCli, tempArchive, tempDir, writeFile } from "./helpers.js";

const SEEDED = join(FIXTURES, "validate", "seeded");
const FIXED_FILES = ["news/2014/03/5/index.md", "news/2014/03/5/stale-links.md", "news/2014/03/7/index.md", "news/2014/03/9/index.md"];

async function cliJson(args: string[]): Promise<unknown> {
  const run = await runCli([...args, "--format", "json"]);
  expect(run.code, run.stderr).toBeLessThan(2);
  return JSON.parse(run.stdout);
}

/** Every write to the process's own stdout and stderr while the test runs. */
let written: string[] = [];
beforeEach(() => {
  written = [];
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream);
    vi.spyOn(stream, "write").mockImplementation((chunk: unknown, ...rest: unknown[]) => {
      written.push(String(chunk));
      return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  expect(written, "the API wrote to the process's stdout or stderr").toEqual([]);
});

describe("validate()", () => {
  it("returns exactly what `validate --format json` prints, for the whole archive, paths and maxWarnings", async () => {
    const root = tempArchive({ from: SEEDED });
    const before = hashTree(join(root, "news"));
    const archive = await openArchive(root);
    expect(archive).toEqual({ root, writable: false });
    expect(await validate(archive)).toEqual(await cliJson(["validate", "--archive", root]));
    // --no-cache reads every file: the same findings.
    expect(await validate(root, { cache: false })).toEqual(await cliJson(["validate", "--no-cache", "--archive", root]));
    const scoped = await validate(archive, { paths: ["news/2014/03/5"], maxWarnings: 0 });
    expect(scoped).toEqual(await cliJson(["validate", "news/2014/03/5", "--max-warnings", "0", "--archive", root]));
    expect(scoped.summary.files).toBeLessThan((await validate(archive)).summary.files);
    // The notes the CLI prints on stderr reach onWarning, one line each, without "newsctl: ".
    writeFile(root, "README.md", "Not an event.\n");
    const warnings: string[] = [];
    await validate(archive, { paths: [join(root, "README.md")], onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual([`skipping ${join(root, "README.md")}: not an archive file (news/YYYY/MM/D/*.md)`]);
    expect(changedPaths(before, hashTree(join(root, "news")))).toEqual([]);
  });

  it("reads the archive's configuration as the CLI does, another file by path, or none with config: false", async () => {
    const root = tempArchive({ from: SEEDED });
    const plain = await validate(root, { config: false });
    const rule = plain.problems.find((p) => p.severity === "error")!.rule;
    writeFile(root, "newsctl.config.json", JSON.stringify({ rules: { [rule]: "off" } }));
    const configured = await validate(root);
    expect(configured).toEqual(await cliJson(["validate", "--archive", root]));
    expect(configured.problems.some((p) => p.rule === rule)).toBe(false);
    expect(await validate(root, { config: false })).toEqual(plain);
    writeFile(root, "other.json", JSON.stringify({ rules: { [rule]: "warning" } }));
    const other = await validate(root, { config: join(root, "other.json") });
    expect(other).toEqual(await cliJson(["validate", "--config", join(root, "other.json"), "--archive", root]));
    expect(other.problems.filter((p) => p.rule === rule).every((p) => p.severity === "warning")).toBe(true);
    writeFile(root, "newsctl.config.json", JSON.stringify({ rulez: {} }));
    await expect(validate(root)).rejects.toThrow(UsageError);
  });

  it("fixes as `validate --fix` does (same files, same report), and a dry run writes nothing", async () => {
    const viaCli = tempArchive({ from: SEEDED });
    const viaApi = tempArchive({ from: SEEDED });
    const before = hashTree(viaApi);
    const news = (root: string) => new Map([...hashTree(root)].filter(([path]) => path.startsWith("news/")));
    const newsBefore = news(viaApi);

    const dry = await validate(viaApi, { fix: true, dryRun: true });
    expect(dry).toMatchObject(await cliJson(["validate", "--fix", "--dry-run", "--archive", viaCli]));
    expect(dry.fixes!.written).toBe(false);
    expect(dry.fixes!.files.map((f) => f.path)).toEqual(FIXED_FILES);
    expect(changedPaths(before, hashTree(viaApi))).toEqual([]);

    const readOnly = await openArchive(viaApi);
    await expect(validate(readOnly, { fix: true })).rejects.toThrow(/opened read-only/);
    expect(changedPaths(before, hashTree(viaApi))).toEqual([]);

    const fixed = await validate(await openArchive(viaApi, { write: true }), { fix: true });
    const { fixes, ...report } = fixed;
    expect(report).toEqual(await cliJson(["validate", "--fix", "--archive", viaCli]));
    expect(fixes!.written).toBe(true);
    expect(fixes!.fixed.map((p) => p.rule)).toContain("superseded-link");
    // Only the files repaired changed (beside the lock and journal folder a writer makes).
    expect(changedPaths(newsBefore, news(viaApi))).toEqual(FIXED_FILES);
    expect(news(viaApi)).toEqual(news(viaCli));
  });

  it("reads a hostile archive without throwing, running no front matter, writing nothing outside it", async () => {
    const root = buildHostileArchive();
    written = []; // Building the corpus runs chmod, whose output is not the API's.
    const report = await validate(root);
    expect(report.summary.errors).toBeGreaterThan(0);
    expect(report.problems.every((p) => typeof p.file === "string" && p.line >= 1)).toBe(true);
    const items = await listEvents(root, { allVersions: true });
    expect(items.map((i) => i.title)).toContain("Healthy");
    expect(existsSync(join(root, MARKER))).toBe(false);
  }, 120_000);
});

describe("listEvents()", () => {
  it("returns the items `list --format json` prints, for every kind of query", async () => {
    const root = tempArchive();
    const archive = await openArchive(root);
    const queries: [Parameters<typeof listEvents>[1], string[]][] = [
      [{}, []],
      [{ tag: "mali" }, ["--tag", "mali"]],
      [{ tag: ["Mali", "France"] }, ["--tag", "Mali", "--tag", "France"]],
      [{ date: "2013-01-21" }, ["--date", "2013-01-21"]],
      [{ from: "2013-01-14", to: "2015-12-31" }, ["--from", "2013-01-14", "--to", "2015-12-31"]],
      [{ allVersions: true }, ["--all-versions"]],
      [{ date: "2013-01-21", allVersions: true }, ["--date", "2013-01-21", "--all-versions"]],
    ];
    for (const [query, flags] of queries) {
      const items = await listEvents(archive, query);
      expect(items, JSON.stringify(query)).toEqual(await cliJson(["list", ...flags, "--archive", root]));
    }
    const all = await listEvents(archive, { allVersions: true });
    expect(all.some((i) => !i.current)).toBe(true);
    expect(Object.keys(all[0]!)).toEqual(["date", "title", "path", "summary", "contexts", "sources", "cover", "related", "versions", "current"]);
  });
});

describe("openArchive()", () => {
  it("finds the nearest archive from cwd, and NEWSCTL_ARCHIVE only from an env it is given", async () => {
    const root = tempArchive();
    expect((await openArchive(undefined, { cwd: join(root, "news", "2013") })).root).toBe(root);
    const elsewhere = tempDir();
    expect((await openArchive(undefined, { cwd: elsewhere, env: { NEWSCTL_ARCHIVE: root } })).root).toBe(root);
    const saved = process.env["NEWSCTL_ARCHIVE"];
    process.env["NEWSCTL_ARCHIVE"] = root;
    try {
      await expect(openArchive(undefined, { cwd: elsewhere })).rejects.toThrow(/no archive found/);
    } finally {
      if (saved === undefined) delete process.env["NEWSCTL_ARCHIVE"];
      else process.env["NEWSCTL_ARCHIVE"] = saved;
    }
  });

  it("leaves a half-done change alone unless asked, and says so through onWarning", async () => {
    const root = tempArchive();
    const txid = "4242-lzabc123-deadbeef";
    const page = "news/2013/01/21/index.md";
    writeFile(root, tempName(page, txid, 0), "a temp file of a change never committed\n");
    writeFile(root, `.newsctl/journal-${txid}.json`, JSON.stringify({ txid, state: "prepare", entries: [{ path: page, temp: tempName(page, txid, 0) }], createdDirs: [] }));
    const before = hashTree(root);
    const warnings: string[] = [];
    await openArchive(root, { onWarning: (w) => warnings.push(w) });
    expect(await validate(root, { onWarning: (w) => warnings.push(w) })).toEqual(await cliJson(["validate", "--archive", tempArchive()]));
    expect(warnings).toEqual([expect.stringMatching(/half-done; reading the archive as it is/), expect.stringMatching(/half-done/)]);
    expect(changedPaths(before, hashTree(root))).toEqual([]);

    await openArchive(root, { recover: true });
    expect(existsSync(join(root, ".newsctl", `journal-${txid}.json`))).toBe(false);
  });
});

describe("errors", () => {
  it("bad input is a UsageError, naming what is wrong; nothing is thrown past a caller as a bare Error", async () => {
    const root = tempArchive();
    const cases: [() => Promise<unknown>, RegExp][] = [
      [() => openArchive(join(root, "nope")), /openArchive .*nope: no such folder/],
      [() => openArchive(join(root, "news", "2013")), /not an archive \(no news\/ folder/],
      [() => validate(root, { maxWarnings: -1 }), /maxWarnings must be a whole number/],
      [() => validate(root, { dryRun: true }), /dryRun goes with fix/],
      [() => validate(root, { maxWarning: 1 } as never), /unknown option "maxWarning"/],
      [() => validate(root, { paths: ["../../etc"] }), /is outside the archive/],
      [() => validate({ root } as never), /pass a path or a handle from openArchive/],
      [() => listEvents(root, { date: "2013-02-30" }), /date "2013-02-30" is not a calendar date/],
      [() => listEvents(root, { date: "2013-01-21", from: "2013-01-01" }), /date cannot be combined with from\/to/],
      [() => listEvents(root, { from: "2014-01-01", to: "2013-01-01" }), /from 2014-01-01 is after to 2013-01-01/],
      [() => validate(root, { changedSince: "HEAD" }), /not a git repository|git/],
    ];
    for (const [call, message] of cases) {
      const error = await call().then(() => null, (e: unknown) => e);
      expect(error, String(message)).toBeInstanceOf(UsageError);
      expect(error).toBeInstanceOf(NewsctlError);
      expect(error).not.toBeInstanceOf(FailureError);
      expect((error as Error).name).toBe("UsageError");
      expect((error as Error).message).toMatch(message);
    }
  });

  it("a write that cannot finish (the lock held by another run) is a FailureError, and nothing is written", async () => {
    const root = tempArchive({ from: SEEDED });
    writeFile(root, ".newsctl/.gitignore", "*\n");
    const before = hashTree(join(root, "news"));
    const release = await acquireLock(root);
    try {
      const error = await validate(root, { fix: true, lockTimeoutMs: 300 }).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(FailureError);
      expect((error as Error).name).toBe("FailureError");
      expect((error as Error).message).toMatch(/lock/);
    } finally {
      release();
    }
    expect(changedPaths(before, hashTree(join(root, "news")))).toEqual([]);
  });
});

// validate on the lean index (workers, byte scanner, cache, whole-archive
// rules on integers) must say exactly what the plain single-threaded read
// and the full model's rules say: the JSON byte for byte, on generated
// archives with injected defects, on every fixture and on hostile input.

import { cpSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain JS module
import { injectDefects } from "../bench/defects.mjs";
// @ts-expect-error: plain JS module
import { generateArchive, writeArchive } from "../bench/generate.mjs";
import { readArchivePlain } from "../src/archive/read/read-archive.js";
import { readIndex } from "../src/archive/read/read-index.js";
import { checkArchive, countEvents } from "../src/commands/validate/check.js";
import { checkArchiveIndex } from "../src/commands/validate/check-index.js";
import { countProblems } from "../src/commands/validate/diagnostics.js";
import { planFixes } from "../src/commands/validate/fix.js";
import { loadFixTargets } from "../src/commands/validate/fix-items.js";
import { formatJson } from "../src/commands/validate/format/json.js";
import { judge } from "../src/commands/validate/verdict.js";
import type { Counts, Diagnostic } from "../src/commands/validate/diagnostics.js";

/** What validate --format json prints, verdict included. */
const jsonOf = (problems: Diagnostic[], counts: Counts) => formatJson(problems, counts, judge(counts));
import { selectFiles } from "../src/commands/list/index.js";
import { toListItem } from "../src/commands/list/item.js";
import { filesLinkingTo } from "../src/archive/index/queries.js";
import { readCatalogue } from "../src/commands/add/catalogue.js";
import { suggestRelated } from "../src/commands/add/suggest.js";
import { archiveVocabulary } from "../src/archive/tags.js";
import { buildHostileArchive } from "./hostile-corpus.js";
import { scramble } from "./support/scramble.js";
import { FIXTURES, hashTree, readText, runCli, runMain, tempDir } from "./helpers.js";

/** What today's rules on the plain read print for `validate --format json [paths]`. */
function referenceJson(root: string, scope: Set<string> | null = null): string {
  const archive = readArchivePlain(root);
  const problems = checkArchive(archive, scope);
  return jsonOf(problems, countProblems(problems, scope ? scope.size : archive.files.size, countEvents(archive, scope)));
}

function indexJson(root: string, workers: number, cache: boolean): string {
  const { index } = readIndex(root, { workers, cache });
  const { problems, files, events } = checkArchiveIndex(index!, null);
  return jsonOf(problems, countProblems(problems, files, events));
}

async function cliJson(root: string, ...extra: string[]): Promise<string> {
  const r = await runCli(["validate", "--format", "json", ...extra, "--archive", root], { timeoutMs: 60_000 });
  expect(r.code, r.stderr).toBeLessThanOrEqual(1);
  return r.stdout;
}

/** Every way validate can read the archive must print the reference. */
async function expectSameEverywhere(root: string): Promise<string> {
  const expected = referenceJson(root);
  for (const [workers, cache] of [[0, false], [1, false], [2, true], [2, true], [0, true]] as const) {
    expect(indexJson(root, workers, cache), `workers ${workers}, cache ${cache}`).toBe(expected);
  }
  expect(await cliJson(root, "--no-cache")).toBe(expected);
  expect(await cliJson(root)).toBe(expected);
  expect(await cliJson(root)).toBe(expected);
  return expected;
}

function ageAll(root: string): void {
  const past = new Date(Date.now() - 3_600_000);
  const walk = (dir: string) => {
    for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (e.isFile()) utimesSync(join(root, rel), past, past);
    }
  };
  walk("news");
}

describe("validate on the lean index equals the plain read and the full model's rules", () => {
  it("on a generated archive with injected defects, cold, warm and without the cache", async () => {
    const { files } = generateArchive({ events: 1500, seed: 3 });
    const { files: broken } = injectDefects(files, 60, 9);
    const root = tempDir();
    writeArchive(root, broken);
    ageAll(root);
    const json = await expectSameEverywhere(root);
    expect(JSON.parse(json).problems.length).toBeGreaterThanOrEqual(60);
  });

  it("list: by tag, by range, everything and every version, as the full model lists them", async () => {
    const { files } = generateArchive({ events: 800, seed: 6 });
    const { files: broken } = injectDefects(files, 30, 1);
    const root = tempDir();
    writeArchive(root, broken);
    cpSync(join(FIXTURES, "validate", "seeded", "news"), join(root, "news"), { recursive: true });
    ageAll(root);
    const archive = readArchivePlain(root);
    const cases: [string[], Parameters<typeof selectFiles>[1]][] = [
      [["--tag", "Mali"], { tag: ["Mali"] }],
      [["--tag", "mali", "--tag", " ELECTION "], { tag: ["mali", " ELECTION "] }],
      [["--from", "2000-01-01", "--to", "2003-12-31"], { from: "2000-01-01", to: "2003-12-31" }],
      [["--from", "2014-01-01", "--tag", "Mali"], { from: "2014-01-01", tag: ["Mali"] }],
      [["--all-versions", "--tag", "Kyiv"], { allVersions: true, tag: ["Kyiv"] }],
      [["--all-versions", "--to", "1998-06-30"], { allVersions: true, to: "1998-06-30" }],
      [[], {}],
    ];
    for (const [args, opts] of cases) {
      const expected = selectFiles(archive, opts).map((f) => toListItem(archive, f));
      for (const run of ["cold", "warm"]) {
        const r = await runCli(["list", ...args, "--format", "json", "--archive", root]);
        expect(r.code, r.stderr).toBe(0);
        expect(JSON.parse(r.stdout), `${args.join(" ")} (${run})`).toEqual(expected);
      }
    }
  });

  it("on archives whose files disagree with each other in every way the whole-archive rules look at", () => {
    const { files } = generateArchive({ events: 120, seed: 21 }) as { files: Map<string, string> };
    for (let seed = 1; seed <= 25; seed++) {
      const root = tempDir();
      writeArchive(root, scramble(files, seed, 40));
      const expected = referenceJson(root);
      expect(indexJson(root, 0, false), `seed ${seed}`).toBe(expected);
      // And the repairs --fix would write.
      const archive = readArchivePlain(root);
      const byModel = planFixes(archive, checkArchive(archive, null)).writes.map((w) => [w.path, w.content]);
      const { problems, unreadable } = checkArchiveIndex(readIndex(root, { workers: 0, cache: false }).index!, null);
      const byIndex = planFixes(loadFixTargets(root, problems), problems, unreadable).writes.map((w) => [w.path, w.content]);
      expect(byIndex, `seed ${seed}`).toEqual(byModel);
    }
  });

  it("on month folders of thousands of files (parts that outgrow every buffer)", () => {
    const { files } = generateArchive({ events: 2500, seed: 13 }) as { files: Map<string, string> };
    // Every event moved into one month (its day kept): a month folder of some 5000 files.
    const month = (text: string) => text.replace(/news\/\d{4}\/\d{2}\//g, "news/2000/01/");
    const squeezed = new Map([...files].map(([path, text]) => [month(path), month(text)]));
    const root = tempDir();
    writeArchive(root, squeezed);
    const expected = referenceJson(root);
    for (const workers of [0, 1]) expect(indexJson(root, workers, false)).toBe(expected);
  });

  it("on every fixture archive", async () => {
    for (const fixture of [join(FIXTURES, "archive"), join(FIXTURES, "validate", "seeded")]) {
      const root = tempDir();
      cpSync(fixture, root, { recursive: true });
      await expectSameEverywhere(root);
    }
  });

  it("on hostile input, on one thread and on workers", async () => {
    const root = buildHostileArchive();
    const expected = referenceJson(root);
    for (const workers of [0, 1]) expect(indexJson(root, workers, false)).toBe(expected);
    expect(await cliJson(root)).toBe(expected);
  });

  it("for validate PATH...: the same findings for the same scope", async () => {
    const root = tempDir();
    cpSync(join(FIXTURES, "validate", "seeded"), root, { recursive: true });
    const scope = ["news/2014/03/5/stale-links.md", "news/2014/03/7/first-take.md", "news/2013/02/30/impossible-day.md"];
    expect(await cliJson(root, ...scope)).toBe(referenceJson(root, new Set(scope)));
  });

  it("--fix writes what the full model's repairs write", async () => {
    const { files } = generateArchive({ events: 300, seed: 4 });
    const { files: broken } = injectDefects(files, 30, 2);
    const viaIndex = tempDir();
    writeArchive(viaIndex, broken);
    cpSync(join(FIXTURES, "validate", "seeded", "news"), join(viaIndex, "news"), { recursive: true });
    const viaModel = tempDir();
    cpSync(viaIndex, viaModel, { recursive: true });

    const archive = readArchivePlain(viaModel);
    const plan = planFixes(archive, checkArchive(archive, null));
    expect(plan.writes.length).toBeGreaterThan(5);
    for (const w of plan.writes) writeFileSync(join(viaModel, w.path), w.content);
    await runCli(["validate", "--fix", "--archive", viaIndex]);
    const after = hashTree(viaIndex);
    after.delete(".newsctl/.gitignore");
    expect(after).toEqual(hashTree(viaModel));
    expect(statSync(join(viaIndex, "news")).isDirectory()).toBe(true);
  });

  it("add's tags and related-event suggestions, and the files that link to an event, as the full model has them", () => {
    const { files } = generateArchive({ events: 600, seed: 8 });
    const root = tempDir();
    writeArchive(root, files);
    cpSync(join(FIXTURES, "validate", "seeded", "news"), join(root, "news"), { recursive: true });
    const archive = readArchivePlain(root);
    const catalogue = readCatalogue(root);
    expect(catalogue.vocabulary).toEqual(archiveVocabulary(archive));
    const lean = (list: ReturnType<typeof suggestRelated>) => list.map((s) => ({ path: s.file.path, date: s.date, title: s.title, shared: s.shared, days: s.days }));
    for (const [tags, date] of [[["Mali"], "2013-01-21"], [["mali", "Election", "Gao"], "1999-12-31"], [["Islamist"], "2030-01-01"]] as const) {
      const exclude = new Set([archive.events[3]!.current.path]);
      expect(lean(suggestRelated(catalogue, [...tags], date, exclude))).toEqual(lean(suggestRelated(archive, [...tags], date, exclude)));
    }
    const { index } = readIndex(root, { workers: 1 });
    for (const event of archive.events.slice(0, 40)) {
      const path = event.current.path;
      const expected = [...new Set((archive.inbound.get(path) ?? []).map((l) => l.from))].sort();
      expect(filesLinkingTo(index!, path), path).toEqual(expected);
    }
  });

  it("revise repoints a Related link however it spells the event's path", async () => {
    const root = tempDir();
    cpSync(join(FIXTURES, "archive"), root, { recursive: true });
    const archive = readArchivePlain(root);
    const [target, from] = [...archive.inbound].flatMap(([path, links]) => links.filter((l) => l.via === "related").map((l) => [path, l.from] as const))[0]!;
    // The same file, its name's first letter percent-encoded: validate resolves it, so must revise.
    const name = target.slice(target.lastIndexOf("/") + 1);
    const encoded = "%" + name.charCodeAt(0).toString(16).toUpperCase() + name.slice(1);
    const text = readText(root, from);
    writeFileSync(join(root, from), text.replace(`/${target})`, `/${target.slice(0, -name.length)}${encoded})`));
    const r = await runMain(["revise", target, "--title", "A title revised", "--yes", "--archive", root], { now: () => new Date("2026-01-02T03:04:05Z") });
    expect(r.code, r.stderr).toBe(0);
    const next = r.stdout.trim();
    expect(readText(root, from)).toContain(`(/${next})`);
  });
});

// validate --changed-since REF: the files git says changed since REF, their
// neighbours and their day pages, with exactly the findings a full run
// reports for them; on real git repositories.

import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain JS module
import { injectDefects } from "../bench/defects.mjs";
// @ts-expect-error: plain JS module
import { generateArchive, mulberry32, writeArchive } from "../bench/generate.mjs";
import { forEachLink } from "../src/archive/model.js";
import { dayDirs, parseArchivePath } from "../src/archive/paths.js";
import { readArchivePlain } from "../src/archive/read.js";
import { checkArchive, countEvents } from "../src/commands/validate/check.js";
import { countProblems } from "../src/commands/validate/diagnostics.js";
import { formatJson } from "../src/commands/validate/format/json.js";
import { MUTATIONS, type Mutator } from "./changed-mutations.js";
import { commitAll, git, initRepo } from "./git-helpers.js";
import { runCli, runMain, tempArchive, tempDir, writeFile, FIXTURES, SEED_PATH } from "./helpers.js";

/** What git itself says differs from REF under news/: the test's own reading, not newsctl's. */
function gitChanged(root: string, ref: string): string[] {
  const diff = git(root, ["diff", "--name-only", "-z", "--no-renames", ref, "--", "news"]).stdout;
  const untracked = git(root, ["ls-files", "--others", "--exclude-standard", "-z", "--", "news"]).stdout;
  return [...new Set([...diff.split("\0"), ...untracked.split("\0")].filter((p) => p !== ""))].sort();
}

/** The report a full run gives, narrowed to the changed files, what links to them, what they link to and their day pages. */
function expectedReport(root: string, changed: string[]): string {
  const archive = readArchivePlain(root);
  const scope = new Set<string>();
  for (const path of changed) {
    if (!archive.files.has(path) && !path.endsWith(".md")) continue;
    if (archive.files.has(path)) scope.add(path);
    for (const link of archive.inbound.get(path) ?? []) scope.add(link.from);
    const file = archive.files.get(path);
    if (file) forEachLink(file, (item) => item.target.kind === "internal" && archive.files.has(item.target.path) && scope.add(item.target.path));
    const info = parseArchivePath(path);
    if (info) for (const dir of dayDirs(info)) if (archive.files.has(`${dir}/index.md`)) scope.add(`${dir}/index.md`);
  }
  const all = checkArchive(archive, null);
  const problems = all.filter((d) => scope.has(d.file));
  return formatJson(problems, countProblems(problems, scope.size, countEvents(archive, scope)));
}

async function changedReport(root: string, ref: string, extra: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  return runMain(["validate", "--changed-since", ref, "--format", "json", "--archive", root, ...extra]);
}

/** Apply `count` random edits; the names of those that found something to change. */
function mutate(m: Mutator, count: number): string[] {
  const names = Object.keys(MUTATIONS);
  const done: string[] = [];
  for (let k = 0; k < count; k++) {
    const name = names[Math.floor(m.rand() * names.length)]!;
    if (MUTATIONS[name]!(m) !== null) done.push(name);
  }
  return done;
}

describe("--changed-since reports exactly what a full run reports for those files", () => {
  // Small archives, so that random edits often land next to the base's own problems.
  it.each([1, 2, 3])("after random edits, staged, committed or left in the working tree (seed %i)", async (seed) => {
    const root = tempDir();
    const { files } = injectDefects(generateArchive({ events: 40, seed }).files, 10, seed);
    writeArchive(root, files);
    const m: Mutator = { root, rand: mulberry32(seed), n: 0 };
    // The base has problems of its own: stray versions, padded folders, links to files that are gone.
    const seen = new Set(mutate(m, 8));
    initRepo(root);
    git(root, ["tag", "base"]);
    for (let round = 0; round < 16; round++) {
      for (const name of mutate(m, 1 + Math.floor(m.rand() * 2))) seen.add(name);
      const action = m.rand();
      if (action < 0.3) commitAll(root, `round ${round}`);
      else if (action < 0.5) git(root, ["add", "-A"]);
      for (const ref of round % 3 === 2 ? ["base", "HEAD"] : ["base"]) {
        const changed = gitChanged(root, ref);
        const got = await changedReport(root, ref);
        expect(got.stderr).toBe("");
        expect(got.stdout, `round ${round} since ${ref}, changed: ${changed.join(" ")}`).toBe(expectedReport(root, changed));
      }
    }
    expect(seen.size).toBeGreaterThan(Object.keys(MUTATIONS).length / 2);
  });
});

/** A small archive written by hand: every event's versions, links and day pages exactly as a scenario needs them. */
class Scenario {
  readonly root = tempDir();
  private titles = new Map<string, string>();

  /** An event version; `versions` are the event's files oldest first (default: this one alone, current). */
  /** `current`: the version marked `(Current version)` (default: the last; null: none). */
  event(path: string, title: string, opts: { related?: string[]; versions?: string[]; dest?: Record<string, string>; current?: string | null } = {}): this {
    this.titles.set(path, title);
    const date = path.split("/").slice(1, 4);
    const dir = path.slice(0, path.lastIndexOf("/"));
    const versions = opts.versions ?? [path];
    const current = opts.current === undefined ? versions[versions.length - 1] : opts.current;
    const link = (p: string) => `[${this.titles.get(p) ?? "Some title"}](${opts.dest?.[p] ?? `/${p}`})`;
    const text = [
      `### [${date[0]}-${date[1]}-${date[2]!.padStart(2, "0")}](/${dir}/index.md)`,
      "",
      `# ${title}`,
      "",
      "What happened.",
      "",
      "### Source:",
      "",
      "1. [BBC](https://www.bbc.co.uk/news/1)",
      "",
      "### Related:",
      "",
      ...(opts.related ?? []).map((p, i) => `${i + 1}. ${link(p)} _Context: Mali_`),
      "",
      "### Changes:",
      "",
      ...versions.map((p, i) => `${i + 1}. ${link(p)} ${p === current ? "_(Current version)_" : "_2017-08-25 03:37:18 (Update)_"}`),
      "",
    ].join("\n");
    writeFile(this.root, path, text);
    return this;
  }

  /** A day page listing these files. */
  day(dir: string, paths: string[]): this {
    const date = dir.split("/").slice(1, 4);
    const items = paths.map((p, i) => `${i + 1}. [${this.titles.get(p) ?? "Some title"}](/${p})`);
    writeFile(this.root, `${dir}/index.md`, [`# ${date[0]}-${date[1]}-${date[2]!.padStart(2, "0")}`, "", ...items, ""].join("\n"));
    return this;
  }

  commit(): this {
    initRepo(this.root);
    return this;
  }

  /** Run --changed-since HEAD; it must equal the full run's report for the same files, and hold `expected`. */
  async expectReport(expected: string[], absent: string[] = []): Promise<void> {
    const got = await changedReport(this.root, "HEAD");
    expect(got.stderr).toBe("");
    expect(got.stdout).toBe(expectedReport(this.root, gitChanged(this.root, "HEAD")));
    for (const text of expected) expect(got.stdout).toContain(text);
    for (const text of absent) expect(got.stdout).not.toContain(text);
  }
}

const A = "news/2013/01/21/a.md";
const B = "news/2014/02/3/b.md";

describe("--changed-since reads what a finding depends on, wherever it is", () => {
  it("a stray version in another folder that lists an event (and takes over as current) is found", async () => {
    const old = "news/2014/02/3/event-old.md";
    const cur = "news/2014/02/3/event.md";
    const stray = "news/2010/05/6/event-copy.md";
    const s = new Scenario()
      .event(old, "Event, first", { versions: [old, cur], current: null })
      .event(cur, "Event", { versions: [old, cur], current: null })
      .event(stray, "Event, copied", { versions: [cur, stray] })
      .day("news/2014/02/3", [cur])
      .day("news/2010/05/6", [stray])
      .event(A, "A", {})
      .day("news/2013/01/21", [A])
      .commit();
    // Now A relates to the last of its versions; but the stray copy, the only one marked current, is.
    s.event(A, "A", { related: [cur] });
    await s.expectReport([`"rule":"superseded-link"`, `the current version is ${stray}`]);
  });

  it("a neighbour's day folder is read whole, though the rest of it is not reported on", async () => {
    const x = "news/2014/02/03/x.md";
    const s = new Scenario()
      .event("news/2014/02/03/w.md", "W", {})
      .event(x, "X", {})
      .event(A, "A", {})
      .day("news/2013/01/21", [A])
      .event(B, "B", {})
      .day("news/2014/02/4", [B])
      .commit();
    s.event(A, "A", { related: [x] });
    // The zero-padded folder is the minority; it has no day page, so its first event file (w.md, not x.md) carries the warning.
    await s.expectReport([`"file":"${x}","line":3,"column":1,"severity":"error","rule":"not-in-index"`], ['"rule":"mixed-day-padding"']);
  });

  it("a link written percent-encoded or relative still brings its file in when the target changes", async () => {
    const encoded = "news/2015/03/1/encoded.md";
    const relative = "news/2013/01/21/relative.md";
    const s = new Scenario()
      .event(A, "A", {})
      .event(encoded, "Encoded", { related: [A], dest: { [A]: "/news/2013/01/21/%61.md" } })
      .event(relative, "Relative", { related: [A], dest: { [A]: "a.md" } })
      .day("news/2013/01/21", [A, relative])
      .day("news/2015/03/1", [encoded])
      .commit();
    s.event(A, "A, retitled", {});
    await s.expectReport([`"file":"${encoded}"`, `"file":"${relative}"`, '"rule":"stale-title"']);
  });

  it("a broken link's renamed? hint names the one file with that title, wherever it is", async () => {
    const linker = "news/2015/03/1/linker.md";
    const titled = "news/1999/01/1/moved.md";
    const s = new Scenario()
      .event(titled, "The title", {})
      .event(linker, "Linker", { related: [A] })
      .day("news/1999/01/1", [titled])
      .day("news/2015/03/1", [linker])
      .commit();
    // The link was broken before; now the linker is edited, so it is in scope and its finding must carry the hint.
    s.event(linker, "Linker, edited", { related: [A] });
    writeFile(s.root, linker, readFileSync(join(s.root, linker), "utf8").replace("[Some title]", "[The title]"));
    await s.expectReport([`Related item links to ${A}, which does not exist; ${titled} has this title (renamed?)`]);
    // A second file with that title elsewhere: no hint.
    s.event("news/1998/01/1/same.md", "The title", {});
    await s.expectReport([`Related item links to ${A}, which does not exist"`], ["has this title"]);
  });

  it("a superseded version that a neighbour links to is grouped with all its versions", async () => {
    const old = "news/2011/01/1/v-old.md";
    const cur = "news/2012/01/1/v.md";
    const linker = "news/2015/03/1/linker.md";
    const s = new Scenario()
      .event(old, "V, first", { versions: [old, cur] })
      .event(cur, "V", { versions: [old, cur] })
      .event(A, "A", {})
      .event(linker, "Linker", { related: [A, old] })
      .day("news/2011/01/1", [])
      .day("news/2012/01/1", [cur])
      .day("news/2013/01/21", [A])
      .day("news/2015/03/1", [linker])
      .commit();
    s.event(A, "A, retitled", {});
    await s.expectReport([`"file":"${linker}"`, `the current version is ${cur}`]);
  });
});

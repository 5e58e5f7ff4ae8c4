// validate --changed-since REF: the files git says changed since REF, their
// neighbours and their day pages, with exactly the findings a full run
// reports for them; on real git repositories.

import { mkdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain JS module
import { injectDefects } from "../bench/defects.mjs";
// @ts-expect-error: plain JS module
import { generateArchive, mulberry32, writeArchive } from "../bench/generate.mjs";
import { forEachLink } from "../src/archive/model.js";
import { dayDirs, parseArchivePath } from "../src/archive/format/paths.js";
import { readArchivePlain } from "../src/archive/read/read-archive.js";
import { checkArchive, countEvents } from "../src/commands/validate/check.js";
import { countProblems } from "../src/commands/validate/diagnostics.js";
import { formatJson } from "../src/commands/validate/format/json.js";
import { judge } from "../src/commands/validate/verdict.js";
import { MUTATIONS, type Mutator } from "./changed-mutations.js";
import { commitAll, git, initRepo } from "./git-helpers.js";
import { changedPaths, hashTree, runCli, runMain, tempArchive, tempDir, writeFile, FIXTURES, SEED_PATH } from "./helpers.js";

/**
 * What git itself says differs from REF under news/: the test's own reading, not newsctl's. The
 * index is refreshed first (newsctl never writes it), so that a file touched but not changed is not.
 */
function gitChanged(root: string, ref: string): string[] {
  git(root, ["update-index", "-q", "--refresh"], { allowFail: true });
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
  const counts = countProblems(problems, scope.size, countEvents(archive, scope));
  return formatJson(problems, counts, judge(counts));
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

describe("--changed-since: what counts as changed", () => {
  const seeded = () => {
    const root = tempArchive({ from: join(FIXTURES, "archive") });
    initRepo(root);
    return root;
  };
  const scopeOf = async (root: string, ref = "HEAD") => {
    const { stdout, code } = await changedReport(root, ref);
    return { code, files: JSON.parse(stdout).summary.files as number, report: stdout };
  };
  const DAY = "news/2013/01/21/index.md";

  it("nothing changed: no files, exit 0; and it writes nothing, not even git's index", async () => {
    const root = seeded();
    // A file touched but not changed: a git status here would rewrite the index to record the new time.
    const later = new Date(Date.now() + 5000);
    utimesSync(join(root, SEED_PATH), later, later);
    const before = hashTree(root);
    const touched = await runMain(["validate", "--changed-since", "HEAD", "--format", "json", "--archive", root]);
    expect(changedPaths(before, hashTree(root))).toEqual([]);
    // Until git refreshes its index, the touched file counts as changed: a wider report, never a wrong one.
    expect(touched.stdout).toBe(expectedReport(root, [SEED_PATH]));
    git(root, ["update-index", "-q", "--refresh"]);
    const r = await runMain(["validate", "--changed-since", "HEAD", "--archive", root]);
    expect(r).toEqual({ code: 0, stdout: "no problems in 0 files, 0 events\n", stderr: "" });
  });

  it("committed since the ref, staged, unstaged, untracked, deleted and both ends of a rename", async () => {
    const root = seeded();
    git(root, ["tag", "base"]);
    const edit = (path: string) => writeFile(root, path, readFileSync(join(root, path), "utf8") + "\n");
    // Committed after base.
    edit("news/2012/09/1/islamist-rebels-in-northern-mali-seize-the-central-town-of-douentza.md");
    commitAll(root, "one");
    // Staged, not committed.
    edit("news/2013/04/29/a-sixth-french-soldier-is-killed-in-mali-when-his-vehicle-struck-a-roadside-bomb-seriously-injuring-two-more.md");
    git(root, ["add", "-A"]);
    // Unstaged.
    edit("news/2015/07/19/index.md");
    // Untracked, and one git ignores (not a change).
    writeFile(root, "news/2014/03/5/new.md", "# New\n");
    writeFile(root, "news/2014/03/6/ignored.md", "# Ignored\n");
    writeFile(root, ".gitignore", "ignored.md\n");
    // Deleted, and renamed.
    rmSync(join(root, "news/2016/12/30/index.md"));
    renameSync(join(root, "news/2013/01/14/index.md"), join(root, "news/2013/01/14/renamed.md"));
    const got = await changedReport(root, "base");
    expect(got.stdout).toBe(expectedReport(root, gitChanged(root, "base")));
    expect(gitChanged(root, "base")).toEqual([
      "news/2012/09/1/islamist-rebels-in-northern-mali-seize-the-central-town-of-douentza.md",
      "news/2013/01/14/index.md",
      "news/2013/01/14/renamed.md",
      "news/2013/04/29/a-sixth-french-soldier-is-killed-in-mali-when-his-vehicle-struck-a-roadside-bomb-seriously-injuring-two-more.md",
      "news/2014/03/5/new.md",
      "news/2015/07/19/index.md",
      "news/2016/12/30/index.md",
    ]);
    // The deleted day page: its events are now missing from their day page.
    expect(got.stdout).toContain("its day page news/2016/12/30/index.md does not exist");
    expect(got.stdout).not.toContain("ignored.md");
  });

  it("a changed file brings in what links to it, what it links to and its day pages; a changed image brings nothing", async () => {
    const root = seeded();
    writeFile(root, SEED_PATH, readFileSync(join(root, SEED_PATH), "utf8").replace("# French", "# Now French"));
    writeFile(root, "news/2013/01/21/photo.jpg", "not markdown");
    const { report } = await scopeOf(root);
    expect(report).toBe(expectedReport(root, gitChanged(root, "HEAD")));
    const archive = readArchivePlain(root);
    const expected = new Set([SEED_PATH, DAY, ...(archive.inbound.get(SEED_PATH) ?? []).map((l) => l.from)]);
    forEachLink(archive.files.get(SEED_PATH)!, (item) => item.target.kind === "internal" && archive.files.has(item.target.path) && expected.add(item.target.path));
    expect(JSON.parse(report).summary.files).toBe(expected.size);
    expect(expected.size).toBeGreaterThan(5);
  });

  it("with PATH arguments too: only the files in both", async () => {
    const root = seeded();
    writeFile(root, SEED_PATH, readFileSync(join(root, SEED_PATH), "utf8").replace("# French", "# Now French"));
    const all = JSON.parse((await changedReport(root, "HEAD")).stdout);
    const narrowed = JSON.parse((await changedReport(root, "HEAD", ["news/2013/01/21"])).stdout);
    expect(narrowed.summary.files).toBeLessThan(all.summary.files);
    expect(narrowed.problems).toEqual(all.problems.filter((p: { file: string }) => p.file.startsWith("news/2013/01/21/")));
    expect(narrowed.problems.length).toBeGreaterThan(0);
  });
});

describe("--changed-since: the archive as a sub-folder of the repository", () => {
  it("takes paths relative to the archive, shows them relative to the working directory", async () => {
    const repo = tempDir();
    const root = join(repo, "site", "archive");
    mkdirSync(root, { recursive: true });
    writeArchive(root, new Map(Object.entries({ "README.md": "outside the archive\n" })));
    const { cpSync } = await import("node:fs");
    cpSync(join(FIXTURES, "archive"), root, { recursive: true });
    writeFile(repo, "news/2013/01/21/not-this-archive.md", "# Another news/ folder at the top, which is not the archive\n");
    initRepo(repo);
    writeFile(root, SEED_PATH, readFileSync(join(root, SEED_PATH), "utf8").replace("# French", "# Now French"));
    writeFile(repo, "news/2013/01/21/not-this-archive.md", "# changed, but not in the archive\n");
    const json = await changedReport(root, "HEAD");
    expect(json.stdout).toBe(expectedReport(root, [SEED_PATH]));
    const github = await runCli(["validate", "--changed-since", "HEAD", "--format", "github", "--archive", "site/archive"], { cwd: repo });
    expect(github.code).toBe(0);
    expect(github.stdout).toMatch(/^::warning file=site\/archive\/news\/2013\/01\/21\/[^,]+,line=\d+,col=\d+,title=stale-title::/m);
    expect(github.stdout).not.toContain("not-this-archive");
  });
});

describe("--changed-since: clear one-line errors, exit 2", () => {
  const oneLine = (stderr: string) => {
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
  };

  it("outside a git repository", async () => {
    const root = tempArchive();
    const r = await runCli(["validate", "--changed-since", "HEAD", "--archive", root]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`newsctl validate: ${root} is not inside a git repository (--changed-since needs one)\n`);
  });

  it("an unknown ref, or one that is not a commit", async () => {
    const root = tempArchive();
    initRepo(root);
    for (const ref of ["no-such-branch", "origin/main", "HEAD~5", "HEAD:news"]) {
      const r = await runCli(["validate", "--changed-since", ref, "--archive", root]);
      expect(r.code, ref).toBe(2);
      expect(r.stderr).toBe(`newsctl validate: --changed-since ${ref}: no such commit in this repository (in a shallow clone, fetch it first: git fetch origin <branch>)\n`);
    }
  });

  it("a ref that git would take for an option is refused, and writes nothing", async () => {
    const root = tempArchive();
    initRepo(root);
    const r = await runCli(["validate", "--changed-since=--output=written", "--archive", "."], { cwd: root });
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toContain("not a git ref");
    expect(gitChanged(root, "HEAD")).toEqual([]);
    expect(git(root, ["status", "--porcelain", "--ignored"]).stdout).toBe("");
  });

  it("git missing", async () => {
    const root = tempArchive();
    const r = await runCli(["validate", "--changed-since", "HEAD", "--archive", root], { env: { PATH: tempDir() } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("newsctl validate: git is not installed (or not on PATH)\n");
  });

  it("a repository git refuses to work in says what git said", async () => {
    const root = tempArchive();
    initRepo(root);
    writeFileSync(join(root, ".git", "config"), "[[[not a config file\n");
    const r = await runCli(["validate", "--changed-since", "HEAD", "--archive", root]);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/^newsctl validate: --changed-since: git cannot work in .*: fatal: /);
  });
});

describe("--changed-since with --fix", () => {
  it("repairs only the files in scope, then reports on them", async () => {
    const root = tempArchive({ from: join(FIXTURES, "archive") });
    const farDay = "news/2013/04/29/index.md";
    // A stale day-page title far away, committed: not in scope.
    writeFile(root, farDay, readFileSync(join(root, farDay), "utf8").replace("[A sixth", "[Stale: A sixth"));
    initRepo(root);
    const farBefore = readFileSync(join(root, farDay), "utf8");
    writeFile(root, SEED_PATH, readFileSync(join(root, SEED_PATH), "utf8").replace("# French", "# Now French"));
    const r = await runMain(["validate", "--fix", "--changed-since", "HEAD", "--format", "json", "--archive", root]);
    expect(r.stderr).toContain("newsctl: fixed stale-title");
    expect(readFileSync(join(root, "news/2013/01/21/index.md"), "utf8")).toContain("[Now French");
    expect(readFileSync(join(root, farDay), "utf8")).toBe(farBefore);
    expect(JSON.parse(r.stdout).problems.filter((p: { rule: string }) => p.rule === "stale-title")).toEqual([]);
  });
});

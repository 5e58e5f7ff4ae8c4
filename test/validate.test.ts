import { cpSync, existsSync, readdirSync, rmSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeCacheJson } from "../src/archive/read/cache-file.js";
import { readIndex } from "../src/archive/read/read-index.js";
// @ts-expect-error: plain JS module
import { generateArchive, writeArchive } from "../bench/generate.mjs";
import { Capture, FIXTURE_ARCHIVE, FIXTURES, hashTree, runCli, runMain, stripAnsi, tempArchive, tempDir, writeFile } from "./helpers.js";

const SEEDED = join(FIXTURES, "validate", "seeded");
const SEED = "news/2013/01/21/french-and-malian-troops-retake-diabaly-and-douentza-as-islamist-forces-retreat.md";

interface Problem {
  file: string;
  line: number;
  column: number;
  severity: string;
  rule: string;
  message: string;
}

async function problemsOf(root: string, extra: string[] = []): Promise<{ code: number; report: { summary: Record<string, number>; problems: Problem[] } }> {
  const { code, stdout, stderr } = await runMain(["validate", "--format", "json", "--archive", root, ...extra]);
  expect(stderr).not.toMatch(/internal error/);
  return { code, report: JSON.parse(stdout) };
}

// Every finding on the seeded fixture: the seed archive with one Related
// target deleted (2015/07/19) and one renamed (2016/12/30), plus one small
// file per rule. [file under news/, line, column, rule]; nothing else may appear.
const EXPECTED: [string, number, number, string][] = [
  ["2013/01/21/french-and-malian-troops-retake-diabaly-and-douentza-as-islamist-forces-retreat.md", 18, 4, "broken-link"], // renamed target
  ["2013/01/21/french-and-malian-troops-retake-diabaly-and-douentza-as-islamist-forces-retreat.md", 19, 4, "broken-link"], // deleted target
  ["2013/02/30/impossible-day.md", 1, 1, "invalid-date"],
  ["2013/02/30/index.md", 1, 1, "invalid-date"],
  ["2014/03/5/bad-sources.md", 10, 11, "bad-url"], // htp//…
  ["2014/03/5/bad-sources.md", 11, 13, "bad-url"], // javascript:
  ["2014/03/5/bad-sources.md", 12, 12, "bad-url"], // empty
  ["2014/03/5/bad-sources.md", 13, 14, "bad-url"], // spaces
  ["2014/03/5/bad-sources.md", 14, 18, "bad-url"], // Cover Image, no scheme
  ["2014/03/5/duplicate-section.md", 12, 1, "duplicate-section"],
  ["2014/03/5/duplicate-source.md", 11, 16, "duplicate-source"],
  ["2014/03/5/empty.md", 1, 1, "parse-error"],
  ["2014/03/5/index.md", 11, 4, "stale-title"],
  ["2014/03/5/index.md", 13, 5, "duplicate-entry"],
  ["2014/03/5/js-front-matter.md", 1, 1, "parse-error"],
  ["2014/03/5/left-out.md", 3, 1, "not-in-index"],
  ["2014/03/5/malformed-item.md", 11, 4, "malformed-item"],
  ["2014/03/5/no-date-line.md", 1, 1, "missing-date-line"],
  ["2014/03/5/no-title.md", 1, 1, "parse-error"],
  ["2014/03/5/outside-links.md", 14, 4, "outside-archive"], // /news/../../etc/passwd
  ["2014/03/5/outside-links.md", 15, 4, "outside-archive"], // ../../../../etc/hosts
  ["2014/03/5/shared-contexts.md", 17, 134, "related-context"],
  ["2014/03/5/stale-links.md", 14, 4, "stale-title"],
  ["2014/03/5/stale-links.md", 15, 4, "superseded-link"],
  ["2014/03/5/wrong-date.md", 1, 5, "date-mismatch"],
  ["2014/03/5/wrong-day-link.md", 1, 5, "date-mismatch"],
  ["2014/03/7/index.md", 3, 4, "not-in-index"], // lists a superseded version
  ["2014/03/8/no-current.md", 14, 1, "changes-mismatch"],
  ["2014/03/8/old-report.md", 16, 4, "changes-mismatch"],
  ["2014/03/8/two-currents.md", 17, 4, "changes-mismatch"],
  ["2014/03/9/no-day-page.md", 1, 5, "broken-link"], // the date line's day page
  ["2014/03/9/no-day-page.md", 3, 1, "not-in-index"],
  ["2014/03/notes.md", 1, 1, "bad-path"],
  ["2014/04/02/index.md", 1, 1, "mixed-day-padding"],
];

describe("newsctl validate on a clean archive", () => {
  it("finds nothing at all in fixtures/archive", async () => {
    const { code, report } = await problemsOf(FIXTURE_ARCHIVE);
    expect(report).toEqual({ summary: { files: 14, events: 6, errors: 0, warnings: 0, failed: false, reason: null }, problems: [] });
    expect(code).toBe(0);
  });

  it("says so in one summary line on stdout, nothing on stderr", async () => {
    const { code, stdout, stderr } = await runCli(["validate", "--archive", FIXTURE_ARCHIVE]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toBe("no problems in 14 files, 6 events\n");
  });
});

describe("newsctl validate on the seeded fixture", async () => {
  const { code, report } = await problemsOf(SEEDED);

  it("finds exactly the planted faults, sorted by file then line", () => {
    const found = report.problems.map((p) => [p.file.replace(/^news\//, ""), p.line, p.column, p.rule]);
    expect(found).toEqual(EXPECTED);
    expect(code).toBe(1);
    expect(report.summary).toEqual({ files: 41, events: 26, errors: 24, warnings: 10, failed: true, reason: "24 errors" });
  });

  it.each(EXPECTED)("%s:%i:%i %s", (file, line, column, rule) => {
    const p = report.problems.find((x) => x.file === `news/${file}` && x.line === line && x.rule === rule);
    expect(p).toMatchObject({ column, severity: expect.stringMatching(/^(error|warning)$/) });
    expect(p!.message.length).toBeGreaterThan(10);
  });

  it("gives files without faults no findings at all", () => {
    const faulty = new Set(report.problems.map((p) => p.file));
    for (const clean of ["news/2012/09/1/index.md", "news/2013/01/14/index.md", "news/2013/04/29/index.md", "news/2014/03/7/second-take.md", "news/2016/12/30/mali-returns-two-deported-men.md"]) {
      expect(faulty.has(clean), clean).toBe(false);
    }
  });

  it("names the renamed file for a broken link with the same title", () => {
    const renamed = report.problems.find((p) => p.file === SEED && p.line === 18)!;
    expect(renamed.message).toMatch(/news\/2016\/12\/30\/mali-returns-two-deported-men\.md has this title/);
  });
});

describe("superseded versions are history", () => {
  const OLD = "news/2013/01/21/northern-mali-conflict-french-and-malian-troops-retake-diabaly-and-douentza-as-islamist-forces-retreat.md";

  it("get no warnings, but every error", async () => {
    const root = tempArchive();
    const { readFileSync } = await import("node:fs");
    const text = readFileSync(join(root, OLD), "utf8")
      // a stale title copy and a link to a superseded version: warnings, not reported here
      .replace("[Islamist rebels in northern Mali", "[Rebels in northern Mali")
      .replace("1. [Northern Mali conflict:F", "1. [Northern Mali conflict: F")
      // a link to nowhere: an error, reported everywhere
      .replace("/news/2013/01/14/islamists-rebels-capture", "/news/2013/01/14/gone-islamists-rebels-capture");
    writeFile(root, OLD, text);
    const { report } = await problemsOf(root);
    expect(report.problems.map((p) => [p.file, p.line, p.rule])).toEqual([[OLD, 14, "broken-link"]]);
  });
});

describe("parse errors", () => {
  it("reports binary, non-UTF-8, empty and title-less files, and nothing else about them", async () => {
    const root = tempArchive({
      files: {
        "news/2020/01/2/binary.md": Buffer.from([0x23, 0x20, 0x41, 0x00, 0x42, 0x0a]),
        "news/2020/01/2/latin1.md": Buffer.from([0x23, 0x20, 0xe9, 0x0a]),
        "news/2020/01/2/empty.md": "",
        "news/2020/01/2/bom-only.md": "\uFEFF",
        "news/2020/01/2/yaml.md": "---\ncontexts: [a\n---\n# T\n",
        "news/2020/01/2/list.md": "---\n- a\n---\n# T\n",
      },
    });
    const { report } = await problemsOf(root);
    expect(report.problems.map((p) => [p.file.slice(15), p.line, p.rule])).toEqual([
      ["binary.md", 1, "parse-error"],
      ["bom-only.md", 1, "parse-error"],
      ["empty.md", 1, "parse-error"],
      ["latin1.md", 1, "parse-error"],
      ["list.md", 1, "parse-error"],
      ["yaml.md", 1, "parse-error"],
    ]);
  });
});

describe("paths", () => {
  it("reports only on the files given, checking them against the whole archive", async () => {
    const { code, report } = await problemsOf(SEEDED, ["news/2014/03/5/left-out.md", `${SEEDED}/news/2014/03/8`]);
    expect(report.problems.map((p) => `${p.file}:${p.line}:${p.rule}`)).toEqual([
      "news/2014/03/5/left-out.md:3:not-in-index",
      "news/2014/03/8/no-current.md:14:changes-mismatch",
      "news/2014/03/8/old-report.md:16:changes-mismatch",
      "news/2014/03/8/two-currents.md:17:changes-mismatch",
    ]);
    expect(report.summary).toMatchObject({ files: 6, events: 4 });
    expect(code).toBe(1);
  });

  it("takes a clean file as clean, and refuses a path that is not there or outside the archive", async () => {
    const clean = await problemsOf(SEEDED, ["news/2014/03/7/second-take.md"]);
    expect(clean).toMatchObject({ code: 0, report: { problems: [] } });
    const missing = await runMain(["validate", "--archive", SEEDED, "news/nope.md"]);
    expect(missing).toMatchObject({ code: 2, stderr: "newsctl validate: news/nope.md: no such file or folder\n" });
    const withReadme = tempArchive({ files: { "README.md": "# An archive\n" } });
    const readme = await runMain(["validate", "--archive", ".", "README.md"], { cwd: withReadme });
    expect(readme).toMatchObject({ code: 0, stderr: "newsctl: skipping README.md: not an archive file (news/YYYY/MM/D/*.md)\n", stdout: "no problems in 0 files, 0 events\n" });
    const outside = await runMain(["validate", "--archive", SEEDED, "/etc/hostname"]);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/is outside the archive/);
  });
});

describe("formats", () => {
  it("text: file:line:column  severity  message  rule, grouped by file, then a summary", async () => {
    const root = tempDir();
    cpSync(SEEDED, root, { recursive: true });
    const { code, stdout, stderr } = await runCli(["validate", "--archive", "."], { cwd: root });
    expect(code).toBe(1);
    expect(stderr).toBe("");
    const lines = stdout.split("\n");
    expect(lines[0]).toBe(
      `${SEED}:18:4  error  Related item links to news/2016/12/30/mali-returns-two-people-france-deported-on-the-same-planes-they-arrived-on.md, which does not exist; news/2016/12/30/mali-returns-two-deported-men.md has this title (renamed?)  broken-link`,
    );
    expect(lines[2]).toBe("");
    expect(lines[3]).toBe("news/2013/02/30/impossible-day.md:1:1  error  day folder news/2013/02/30 is not a calendar date  invalid-date");
    expect(stdout.endsWith("\n34 problems (24 errors, 10 warnings) in 41 files, 26 events\n")).toBe(true);
  });

  it("text: paths relative to the working directory when the archive is inside it", async () => {
    const root = tempArchive({ files: { "news/2020/01/2/empty.md": "" } });
    const inside = await runCli(["validate"], { cwd: root, env: { NEWSCTL_ARCHIVE: undefined } });
    expect(inside.stdout).toMatch(/^news\/2020\/01\/2\/empty\.md:1:1 {2}error/);
    const parent = await runCli(["validate", "--archive", root.split("/").pop()!], { cwd: join(root, "..") });
    expect(parent.stdout).toMatch(new RegExp(`^${root.split("/").pop()}/news/2020/01/2/empty\\.md:1:1`));
  });

  it("text: colour only on a terminal, never with NO_COLOR", async () => {
    const plain = await runCli(["validate", "--archive", SEEDED], { env: { NO_COLOR: undefined } });
    expect(plain.stdout).not.toMatch(/\x1b\[/);
    const forced = await runCli(["validate", "--archive", SEEDED], { env: { NO_COLOR: undefined, FORCE_COLOR: "1" } });
    expect(forced.stdout).toMatch(/\x1b\[/);
    expect(stripAnsi(forced.stdout)).toBe(plain.stdout);
    const tty = new Capture(true);
    await runMain(["validate", "--archive", SEEDED], { stdout: tty, env: { NO_COLOR: "1" } });
    expect(tty.text).not.toMatch(/\x1b\[3\dm/);
    // Colour follows stdout, where the report goes: a terminal on stderr alone gives none.
    const ttyErr = new Capture(true);
    const piped = await runMain(["validate", "--archive", SEEDED], { stderr: ttyErr, env: {} });
    expect(piped.stdout).toBe(plain.stdout);
  });

  it("json: exactly the documented keys", async () => {
    const { report } = await problemsOf(SEEDED);
    expect(Object.keys(report)).toEqual(["summary", "problems"]);
    expect(Object.keys(report.summary)).toEqual(["files", "events", "errors", "warnings", "failed", "reason"]);
    expect(report.problems[0]).toEqual({
      file: SEED,
      line: 18,
      column: 4,
      severity: "error",
      rule: "broken-link",
      message: expect.stringContaining("which does not exist"),
    });
  });

  it("github: one workflow command per problem", async () => {
    const { code, stdout } = await runMain(["validate", "--format", "github", "--archive", "."], { cwd: SEEDED });
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(EXPECTED.length + 1);
    // The last line says why the job fails.
    expect(lines.at(-1)).toBe("::error::newsctl validate failed: 24 errors");
    expect(lines).toContain("::error file=news/2014/03/5/wrong-date.md,line=1,col=5,title=date-mismatch::the date line says 2014-03-06 but the file is in news/2014/03/5 (2014-03-05)");
    expect(lines).toContain("::warning file=news/2014/04/02/index.md,line=1,col=1,title=mixed-day-padding::day folder news/2014/04/02 is zero-padded, unlike 5 other day folders");
    // A message with a newline or % stays on one line.
    expect(lines.slice(0, -1).every((l) => /^::(error|warning) file=[^:,]+,line=\d+,col=\d+,title=[a-z-]+::/.test(l))).toBe(true);
  });

  it("sarif: SARIF 2.1.0 with every rule and each result located", async () => {
    const { stdout } = await runMain(["validate", "--format", "sarif", "--archive", "."], { cwd: SEEDED });
    const log = JSON.parse(stdout);
    expect(log.version).toBe("2.1.0");
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe("newsctl");
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual(expect.arrayContaining(["broken-link", "outside-archive", "bad-url", "date-mismatch", "invalid-date", "not-in-index", "parse-error", "changes-mismatch", "stale-title", "superseded-link"]));
    expect(run.results).toHaveLength(EXPECTED.length);
    const first = run.results[0];
    expect(first).toMatchObject({ ruleId: "broken-link", level: "error", ruleIndex: ids.indexOf("broken-link") });
    expect(first.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: SEED, uriBaseId: "%SRCROOT%" }, region: { startLine: 18, startColumn: 4 } });
    expect(run.invocations).toEqual([
      { executionSuccessful: false, exitCode: 1, toolExecutionNotifications: [{ level: "error", message: { text: "newsctl validate failed: 24 errors" } }] },
    ]);
    const clean = JSON.parse((await runMain(["validate", "--format", "sarif", "--archive", FIXTURE_ARCHIVE])).stdout);
    expect(clean.runs[0].invocations).toEqual([{ executionSuccessful: true, exitCode: 0, toolExecutionNotifications: [] }]);
  });
});

describe("exit codes and options", () => {
  const warningsOnly = () =>
    tempArchive({
      files: {
        "news/2013/01/14/index.md":
          "# 2013-01-14\n\n1. [Stale copy](/news/2013/01/14/islamists-rebels-capture-the-malian-town-of-diabaly-after-fierce-fighting-with-government-troops-as-french-airplanes-strike-targets-in-gao.md)\n",
      },
    });

  it("0 with warnings only, 1 once they exceed --max-warnings", async () => {
    const root = warningsOnly();
    expect((await runMain(["validate", "--archive", root])).code).toBe(0);
    expect((await runMain(["validate", "--archive", root, "--max-warnings", "1"])).code).toBe(0);
    const over = await runMain(["validate", "--archive", root, "--max-warnings", "0"]);
    expect(over.code).toBe(1);
    expect(over.stdout).toMatch(/more warnings than --max-warnings 0/);
  });

  it("every format says why a run with warnings only fails", async () => {
    const root = warningsOnly();
    const args = ["validate", "--archive", root, "--max-warnings", "0", "--format"];
    const why = "newsctl validate failed: 1 warning, more than --max-warnings 0";
    const github = await runCli([...args, "github"]);
    expect(github.code).toBe(1);
    expect(github.stdout).toMatch(/^::warning file=/);
    expect(github.stdout.endsWith(`\n::error::${why}\n`)).toBe(true);
    const json = await runCli([...args, "json"]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).summary).toEqual({ files: 14, events: 6, errors: 0, warnings: 1, failed: true, reason: "1 warning, more than --max-warnings 0" });
    const sarif = await runCli([...args, "sarif"]);
    expect(sarif.code).toBe(1);
    const invocation = JSON.parse(sarif.stdout).runs[0].invocations[0];
    expect(invocation).toMatchObject({ executionSuccessful: false, toolExecutionNotifications: [{ level: "error", message: { text: why } }] });
    const text = await runCli([...args, "text"]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/1 problem \(0 errors, 1 warning\) in 14 files, 6 events; more warnings than --max-warnings 0\n$/);
    // Passing runs say nothing more.
    const passing = await runCli(["validate", "--archive", root, "--format", "github"]);
    expect(passing.code).toBe(0);
    expect(passing.stdout).not.toMatch(/::error/);
    expect(JSON.parse((await runCli(["validate", "--archive", root, "--format", "json"])).stdout).summary).toMatchObject({ failed: false, reason: null });
  });

  it("errors and too many warnings: both reasons", async () => {
    const root = warningsOnly();
    writeFile(root, "news/2013/01/14/empty.md", "");
    const { code, stdout } = await runMain(["validate", "--archive", root, "--max-warnings", "0", "--format", "github"]);
    expect(code).toBe(1);
    expect(stdout.trimEnd().split("\n").at(-1)).toBe("::error::newsctl validate failed: 1 error; 1 warning, more than --max-warnings 0");
  });

  it("2 for bad usage, with one clear line", async () => {
    const cases: [string[], RegExp][] = [
      [["--dry-run"], /--dry-run goes with --fix/],
      [["--format", "xml"], /^newsctl validate: --format "xml" is not one of text, json, github, sarif; see newsctl validate --help\n$/],
      [["--max-warnings", "-1"], /--max-warnings/],
      [["--archive", "/nonexistent/x"], /no such folder/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(["validate", ...args, ...(args.includes("--archive") ? [] : ["--archive", FIXTURE_ARCHIVE])]);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("--no-cache neither uses nor writes .newsctl/cache", async () => {
    const root = tempDir();
    const { files } = generateArchive({ events: 150, seed: 11 });
    writeArchive(root, files);
    const past = new Date(Date.now() - 3_600_000);
    for (const path of (files as Map<string, string>).keys()) utimesSync(join(root, path), past, past);
    const cache = join(root, ".newsctl", "cache");
    // Without the flag a large archive is cached.
    const truth = await problemsOf(root);
    expect(truth.report.summary.errors).toBe(0);
    expect(readdirSync(cache).length).toBeGreaterThan(1);
    // A planted answer under the right key is used without the flag, and not with it.
    writeCacheJson(root, "validate-result.json", readIndex(root).key, { problems: [{ file: "news/planted.md", line: 1, column: 1, severity: "error", rule: "planted", message: "from the cache" }], counts: { errors: 1, warnings: 0, files: 1, events: 0 } });
    expect((await problemsOf(root)).report.problems.map((p) => p.rule)).toEqual(["planted"]);
    const planted = hashTree(cache);
    const fresh = await problemsOf(root, ["--no-cache"]);
    expect(fresh).toEqual(truth);
    expect(hashTree(cache)).toEqual(planted);
    rmSync(join(root, ".newsctl"), { recursive: true });
    expect(await problemsOf(root, ["--no-cache"])).toEqual(truth);
    expect(existsSync(cache)).toBe(false);
  });

  it("shows a progress line on a terminal only, and clears it", async () => {
    const tty = new Capture(true);
    const run = await runMain(["validate", "--archive", FIXTURE_ARCHIVE], { stderr: tty, env: { NO_COLOR: "1" } });
    expect(tty.text).toMatch(/^\r\x1b\[2Knewsctl: reading the archive…/);
    expect(tty.text.endsWith("\r\x1b[2K")).toBe(true);
    expect(run.stdout).toBe("no problems in 14 files, 6 events\n");
    const pipe = await runMain(["validate", "--archive", FIXTURE_ARCHIVE]);
    expect(pipe.stderr).not.toMatch(/reading/);
    const ci = new Capture(true);
    await runMain(["validate", "--archive", FIXTURE_ARCHIVE], { stderr: ci, env: { NO_COLOR: "1", CI: "true" } });
    expect(ci.text).not.toMatch(/reading/);
  });
});

describe("formatters are pure functions of diagnostics", () => {
  it("github escapes what would break a workflow command", async () => {
    const { formatGithub } = await import("../src/commands/validate/format/github.js");
    const out = formatGithub([{ file: "news/a,b:c.md", line: 2, column: 3, severity: "warning", rule: "stale-title", message: "100% sure\nreally" }], (p) => p, { failed: false, reason: null });
    expect(out).toBe("::warning file=news/a%2Cb%3Ac.md,line=2,col=3,title=stale-title::100%25 sure%0Areally\n");
  });

  it("json never leaks the repair data a diagnostic carries", async () => {
    const { formatJson } = await import("../src/commands/validate/format/json.js");
    const d = { file: "news/x.md", line: 1, column: 1, severity: "error" as const, rule: "broken-link", message: "m", missing: "news/y.md" };
    expect(formatJson([d], { files: 1, events: 1, errors: 1, warnings: 0 }, { failed: true, reason: "1 error" })).toBe(
      '{"summary":{"files":1,"events":1,"errors":1,"warnings":0,"failed":true,"reason":"1 error"},"problems":[{"file":"news/x.md","line":1,"column":1,"severity":"error","rule":"broken-link","message":"m"}]}\n',
    );
  });
});

describe("hostile front matter", () => {
  it("survives a YAML alias bomb in contexts: (nested arrays are not tags)", async () => {
    const bomb = ["a: &a [x,x,x,x,x,x,x,x,x]"];
    for (let i = 1; i < 12; i++) {
      const name = String.fromCharCode(97 + i);
      bomb.push(`${name}: &${name} [${Array(9).fill("*" + String.fromCharCode(96 + i)).join(",")}]`);
    }
    bomb.push("contexts: *l");
    const seedLink = `/${SEED}`;
    const root = tempArchive({
      files: {
        "news/2021/03/4/bomb.md": `---\n${bomb.join("\n")}\n---\n### [2021-03-04](/news/2021/03/4/index.md)\n\n# Bomb\n\n### Related:\n\n1. [French and Malian troops retake Diabaly and Douentza as Islamist forces retreat.](${seedLink}) _Context: Mali_\n\n### Changes:\n\n1. [Bomb](/news/2021/03/4/bomb.md) _(Current version)_\n`,
        "news/2021/03/4/index.md": "# 2021-03-04\n\n1. [Bomb](/news/2021/03/4/bomb.md)\n",
      },
    });
    const { code, report } = await problemsOf(root);
    expect(report.problems.map((p) => p.rule)).toEqual(["related-context"]);
    expect(code).toBe(0);
  });
});

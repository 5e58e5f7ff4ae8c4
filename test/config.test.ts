// newsctl.config.json: found at the archive root or named by --config,
// checked against the published schema, every mistake one line with the
// file, the key and where it is, exit 2; its settings reach every format,
// the exit code, --max-warnings and validate --online.

import { execFileSync } from "node:child_process";
import { readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, readText, runCli, runMain, tempArchive, tempDir, writeFile } from "./helpers.js";
import { RULES } from "../src/commands/validate/diagnostics.js";

const SEEDED = join(FIXTURES, "validate", "seeded");
const DAY = "news/2012/09/1/index.md";

/** The clean fixture with one warning: the day page's entry text is stale. */
function staleArchive(config?: unknown): string {
  const root = tempArchive();
  const page = readText(root, DAY).replace("[Islamist rebels in northern Mali seize the central town of Douentza. ]", "[An old title]");
  writeFile(root, DAY, page);
  if (config !== undefined) writeFile(root, "newsctl.config.json", typeof config === "string" ? config : JSON.stringify(config, null, 2));
  return root;
}

async function json(root: string, extra: string[] = []) {
  const r = await runMain(["validate", "--format", "json", "--archive", root, ...extra]);
  expect(r.stderr).not.toMatch(/internal error/);
  return { ...r, report: r.stdout.startsWith("{") ? (JSON.parse(r.stdout) as { summary: Record<string, unknown>; problems: { file: string; rule: string; severity: string; line: number }[] }) : null };
}

describe("where the configuration comes from", () => {
  it("reads newsctl.config.json at the archive root, from any working directory", async () => {
    const root = staleArchive({ rules: { "stale-title": "error" } });
    const r = await runCli(["validate", "--format", "json"], { cwd: join(root, "news", "2012") });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).problems.map((p: { rule: string; severity: string }) => [p.rule, p.severity])).toEqual([["stale-title", "error"]]);
  });

  it("--config FILE names another (relative to the working directory), and it replaces the archive's", async () => {
    const root = staleArchive({ rules: { "stale-title": "error" } });
    const elsewhere = tempDir();
    writeFileSync(join(elsewhere, "ci.json"), JSON.stringify({ rules: { "stale-title": "off" } }));
    const r = await runCli(["validate", "--archive", root, "--config", "ci.json"], { cwd: elsewhere });
    expect(r).toMatchObject({ code: 0, stdout: "no problems in 14 files, 6 events\n", stderr: "" });
    const missing = await runCli(["validate", "--archive", root, "--config", "nope.json"], { cwd: elsewhere });
    expect(missing).toMatchObject({ code: 2, stderr: "newsctl validate: nope.json: no such file\n" });
  });

  it("--no-config reads none, even a broken one", async () => {
    const root = staleArchive("{ not json");
    expect((await runMain(["validate", "--archive", root])).code).toBe(2);
    const r = await runMain(["validate", "--archive", root, "--no-config"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/stale-title/);
  });

  it("no file, no change: the run is what it always was", async () => {
    const { code, report } = await json(staleArchive());
    expect(code).toBe(0);
    expect(report!.problems.map((p) => [p.rule, p.severity])).toEqual([["stale-title", "warning"]]);
  });
});

describe("every mistake: one line naming the file, the key and its place; exit 2", () => {
  const cases: [string, string, RegExp][] = [
    ["bad JSON", '{\n  "rules": {\n    "stale-title": "off"\n  \n}', /^newsctl validate: newsctl\.config\.json:5:2: not valid JSON: '}' expected\n$/],
    ["trailing comma", '{\n  "ignore": ["news/2013/**"],\n}', /^newsctl validate: newsctl\.config\.json:2:29: not valid JSON: a trailing comma is not allowed\n$/],
    ["comment", '{\n  // no\n}', /^newsctl validate: newsctl\.config\.json:2:3: not valid JSON: comments are not allowed/],
    ["empty", "  \n", /^newsctl validate: newsctl\.config\.json: is empty; it must hold a JSON object/],
    ["not an object", "[1]", /^newsctl validate: newsctl\.config\.json:1:1: expected an object/],
    ["unknown key", '{\n  "ignores": []\n}', /^newsctl validate: newsctl\.config\.json:2:3: ignores: unknown key \(did you mean "ignore"\?\)\n$/],
    ["unknown nested key", '{"online": {"timeout": "1s", "per_host": 2}}', /^newsctl validate: newsctl\.config\.json:1:30: online\.per_host: unknown key \(did you mean "perHost"\?\)\n$/],
    ["unknown rule id", '{\n  "rules": {\n    "stale-titel": "off"\n  }\n}', /^newsctl validate: newsctl\.config\.json:3:5: rules\."stale-titel": unknown rule \(did you mean "stale-title"\?\)\n$/],
    ["far unknown rule id", '{"rules": {"xyzzy": "off"}}', /rules\.xyzzy: unknown rule; the rules are broken-link, outside-archive, .*unknown-rule/],
    ["bad severity", '{"rules": {"stale-title": "warn"}}', /^newsctl validate: newsctl\.config\.json:1:27: rules\."stale-title": "warn" is not one of "off", "warning", "error" \(did you mean "warning"\?\)\n$/],
    ["wrong type", '{"maxWarnings": "3"}', /^newsctl validate: newsctl\.config\.json:1:17: maxWarnings: expected a whole number, not "3"\n$/],
    ["negative", '{"maxWarnings": -1}', /maxWarnings: must be at least 0, not -1/],
    ["wrong type in a list", '{"ignore": ["news/**", 7]}', /^newsctl validate: newsctl\.config\.json:1:24: ignore\[1\]: expected a string, not 7\n$/],
    ["ignore not a list", '{"ignore": "news/**"}', /ignore: expected a list/],
    ["bad glob", '{"ignore": ["news/[2013/**"]}', /^newsctl validate: newsctl\.config\.json:1:13: ignore\[0\]: "news\/\[2013\/\*\*" is not a valid glob/],
    ["glob out of the archive", '{"ignore": ["../secrets/**"]}', /ignore\[0\]: "\.\.\/secrets\/\*\*" climbs out with \.\./],
    ["absolute glob", '{"ignore": ["/etc/**"]}', /ignore\[0\]: "\/etc\/\*\*" is an absolute path/],
    ["bad regex", '{"online": {"exclude": ["(unclosed"]}}', /^newsctl validate: newsctl\.config\.json:1:25: online\.exclude\[0\]: "\(unclosed" is not a regular expression/],
    ["bad duration", '{"online": {"timeout": "soon"}}', /online\.timeout: "soon" is not a duration such as "500ms"/],
    ["duration too long", '{"online": {"timeout": "2h"}}', /online\.timeout: "2h" is longer than the most allowed, 1m/],
    ["zero timeout", '{"online": {"timeout": "0s"}}', /online\.timeout: "0s" must be more than 0/],
    ["perHost too high", '{"online": {"perHost": 100}}', /online\.perHost: must be at most 8, not 100/],
    ["not UTF-8", "\xff\xfe{}", /newsctl\.config\.json: is not UTF-8 text/],
  ];
  for (const [name, text, message] of cases) {
    it(name, async () => {
      const root = staleArchive();
      writeFile(root, "newsctl.config.json", name === "not UTF-8" ? Buffer.from(text, "latin1") : text);
      const r = await runMain(["validate", "--archive", root], { cwd: root });
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(message);
      expect(r.stderr.split("\n").length).toBe(2);
      expect(r.code).toBe(2);
    });
  }

  it("names the file as validate names the archive's files: from the working directory when the archive is under it", async () => {
    const root = staleArchive('{"rule": {}}');
    const message = 'newsctl.config.json:1:2: rule: unknown key (did you mean "rules"?)\n';
    expect(await runCli(["validate"], { cwd: join(root, "news") })).toMatchObject({ code: 2, stderr: `newsctl validate: ${message}` });
    expect((await runCli(["validate", "--archive", root], { cwd: tempDir() })).stderr).toBe(`newsctl validate: ${message}`);
    expect((await runCli(["validate", "--archive", root], { cwd: join(root, "..") })).stderr).toMatch(/^newsctl validate: newsctl-\w+\/newsctl\.config\.json:1:2: rule/);
  });

  it("accepts $schema, a byte-order mark and CRLF lines", async () => {
    const text = '\ufeff{\r\n  "$schema": "./node_modules/newsctl/schema/newsctl.config.schema.json",\r\n  "rules": {"stale-title": "off"}\r\n}\r\n';
    const { code, report } = await json(staleArchive(text));
    expect(code).toBe(0);
    expect(report!.problems).toEqual([]);
  });
});

describe("the published schema", () => {
  const schema = JSON.parse(readFileSync(join(import.meta.dirname, "..", "schema", "newsctl.config.schema.json"), "utf8"));

  it("lists exactly validate's rules", () => {
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it("accepts the README's example, and the README names every key the schema has", async () => {
    const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("### Configuration"));
    const example = /```json\n([\s\S]*?)```/.exec(section)![1]!;
    const root = tempArchive({ files: { "newsctl.config.json": example } });
    const { code, report } = await json(root);
    expect(code).toBe(0);
    expect(report!.problems).toEqual([]);
    for (const key of [...Object.keys(schema.properties), ...Object.keys(schema.properties.online.properties)]) expect(section, key).toContain(`\`${key}\``);
  });

  it("is shipped in the package", () => {
    const manifest = JSON.parse(readFileSync(join(import.meta.dirname, "..", "package.json"), "utf8"));
    expect(manifest.files).toContain("schema/");
  });
});

describe("severities: every format, the exit code and --max-warnings", () => {
  const STALE = { file: "news/2014/03/5/stale-links.md", line: 14 };

  it("re-levels and switches off in json, text, github and sarif alike", async () => {
    const config = { rules: { "stale-title": "error", "superseded-link": "off", "bad-url": "warning" } };
    const root = tempArchive({ from: SEEDED, files: { "newsctl.config.json": JSON.stringify(config) } });
    const plain = tempArchive({ from: SEEDED });

    const before = (await json(plain)).report!;
    const after = (await json(root)).report!;
    expect(before.problems.some((p) => p.rule === "superseded-link")).toBe(true);
    expect(after.problems.some((p) => p.rule === "superseded-link")).toBe(false);
    expect(after.problems.filter((p) => p.rule === "stale-title").map((p) => p.severity)).toEqual(["error", "error"]);
    expect(after.problems.filter((p) => p.rule === "bad-url").map((p) => p.severity)).toEqual(Array(5).fill("warning"));
    expect(after.problems.length).toBe(before.problems.length - 1);
    const count = (s: string) => after.problems.filter((p) => p.severity === s).length;
    expect(after.summary).toMatchObject({ errors: count("error"), warnings: count("warning") });

    const text = (await runMain(["validate", "--archive", root])).stdout;
    expect(text).toMatch(new RegExp(`^${STALE.file}:${STALE.line}:4  error  .*  stale-title$`, "m"));
    expect(text).not.toMatch(/superseded-link/);
    expect(text).toMatch(/^news\/2014\/03\/5\/bad-sources\.md:10:11  warning  .*  bad-url$/m);

    const github = (await runMain(["validate", "--archive", root, "--format", "github"])).stdout;
    expect(github).toMatch(new RegExp(`^::error file=${STALE.file},line=${STALE.line},col=4,title=stale-title::`, "m"));
    expect(github).toMatch(/^::warning file=news\/2014\/03\/5\/bad-sources\.md,line=10,col=11,title=bad-url::/m);
    expect(github).not.toMatch(/superseded-link/);

    const sarif = JSON.parse((await runMain(["validate", "--archive", root, "--format", "sarif"])).stdout);
    const results = sarif.runs[0].results as { ruleId: string; level: string }[];
    expect(results.filter((r) => r.ruleId === "stale-title").map((r) => r.level)).toEqual(["error", "error"]);
    expect(results.filter((r) => r.ruleId === "bad-url").map((r) => r.level)).toEqual(Array(5).fill("warning"));
    expect(results.some((r) => r.ruleId === "superseded-link")).toBe(false);
  });

  it("decides the exit code: a warning made an error fails, an error made a warning passes", async () => {
    expect((await runCli(["validate", "--archive", staleArchive()])).code).toBe(0);
    const failing = await runCli(["validate", "--archive", staleArchive({ rules: { "stale-title": "error" } })]);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/1 error/);
    const off = await runCli(["validate", "--archive", staleArchive({ rules: { "stale-title": "off" } })]);
    expect(off).toMatchObject({ code: 0, stdout: "no problems in 14 files, 6 events\n" });

    const broken = tempArchive({ files: { "news/2013/01/21/index.md": "# 2013-01-21\n\n1. [Gone](/news/2013/01/21/gone.md)\n" } });
    const asIs = await json(broken);
    expect(asIs.code).toBe(1);
    writeFile(broken, "newsctl.config.json", '{"rules": {"broken-link": "warning", "not-in-index": "off"}}');
    const relaxed = await json(broken);
    expect(relaxed.report!.problems.map((p) => [p.rule, p.severity])).toEqual([["broken-link", "warning"]]);
    expect(relaxed.code).toBe(0);
  });

  it("maxWarnings is the default for --max-warnings, which wins when given", async () => {
    const root = staleArchive({ maxWarnings: 0 });
    const strict = await runCli(["validate", "--archive", root, "--format", "json"]);
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout).summary).toMatchObject({ warnings: 1, failed: true, reason: "1 warning, more than maxWarnings 0 in newsctl.config.json" });
    // The reason names where the limit came from: the file, or the flag that overrides it.
    expect((await runCli(["validate", "--archive", root])).stdout).toMatch(/more warnings than maxWarnings 0 in newsctl\.config\.json\n$/);
    const flagged = await runCli(["validate", "--archive", staleArchive({ maxWarnings: 5 }), "--max-warnings", "0", "--format", "json"]);
    expect(JSON.parse(flagged.stdout).summary.reason).toBe("1 warning, more than --max-warnings 0");
    expect((await runCli(["validate", "--archive", root, "--max-warnings", "1"])).code).toBe(0);
    expect((await runCli(["validate", "--archive", staleArchive({ maxWarnings: 1 })])).code).toBe(0);
    expect((await runCli(["validate", "--archive", staleArchive({ maxWarnings: 1 }), "--max-warnings", "0"])).code).toBe(1);
    // An off rule is no warning to count.
    expect((await runCli(["validate", "--archive", staleArchive({ maxWarnings: 0, rules: { "stale-title": "off" } })])).code).toBe(0);
  });

  it("--fix neither reports nor repairs a rule that is off; an error-levelled rule is still repaired", async () => {
    const off = staleArchive({ rules: { "stale-title": "off" } });
    const before = readText(off, DAY);
    const r = await runCli(["validate", "--fix", "--archive", off]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("newsctl: nothing to fix\n");
    expect(readText(off, DAY)).toBe(before);

    const error = staleArchive({ rules: { "stale-title": "error" } });
    const fixed = await runCli(["validate", "--fix", "--archive", error]);
    expect(fixed.code).toBe(0);
    expect(fixed.stderr).toMatch(/fixed stale-title/);
    expect(readText(error, DAY)).not.toMatch(/An old title/);
  });

  it("applies to --changed-since too (its own lean path)", async () => {
    const root = tempArchive();
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.email=t@example.org", "-c", "user.name=t", ...args], { cwd: root });
    git("init", "-q");
    git("add", "-A");
    git("commit", "-qm", "start");
    writeFile(root, DAY, readText(root, DAY).replace("[Islamist rebels in northern Mali seize the central town of Douentza. ]", "[An old title]"));
    writeFile(root, "newsctl.config.json", '{"rules": {"stale-title": "error"}}');
    const r = await json(root, ["--changed-since", "HEAD"]);
    expect(r.report!.problems.map((p) => [p.rule, p.severity])).toEqual([["stale-title", "error"]]);
    expect(r.code).toBe(1);
    writeFile(root, DAY, readText(root, DAY).replace("1. [An old title]", "<!-- newsctl-disable-next-line stale-title -->\n1. [An old title]"));
    expect((await json(root, ["--changed-since", "HEAD"])).report!.problems).toEqual([]);
  });

  it("a cached result of a large archive is never reused under another configuration", async () => {
    const root = tempArchive({ from: SEEDED });
    // Large enough for the whole-archive result cache (see result-cache.ts): many months of days.
    for (let m = 1; m <= 12; m++) for (const y of [2001, 2002, 2003]) writeFile(root, `news/${y}/${String(m).padStart(2, "0")}/1/index.md`, `# ${y}-${String(m).padStart(2, "0")}-01\n`);
    const first = await json(root);
    writeFile(root, "newsctl.config.json", '{"rules": {"stale-title": "off"}}');
    const second = await json(root);
    expect(second.report!.problems.length).toBe(first.report!.problems.length - 2);
    writeFile(root, "newsctl.config.json", '{"rules": {"stale-title": "error"}}');
    const third = await json(root);
    expect(third.report!.problems.filter((p) => p.rule === "stale-title").map((p) => p.severity)).toEqual(["error", "error"]);
  });
});

describe("ignore: globs over archive-relative paths", () => {
  it("ignored files get no findings; links into them still resolve", async () => {
    const root = tempArchive({ from: SEEDED, files: { "newsctl.config.json": JSON.stringify({ ignore: ["news/2014/03/5/**", "./news/2014/03/notes.md"] }) } });
    const { report } = await json(root);
    const files = new Set(report!.problems.map((p) => p.file));
    expect([...files].filter((f) => f.startsWith("news/2014/03/5/") || f === "news/2014/03/notes.md")).toEqual([]);
    expect(files.has("news/2014/03/7/index.md")).toBe(true);
    // The seed links to files in an ignored folder: they exist, so no broken-link appears for them.
    writeFile(root, "newsctl.config.json", JSON.stringify({ ignore: ["news/2013/01/14/*.md", "news/2012"] }));
    const linked = await json(root);
    expect(linked.report!.problems.filter((p) => p.rule === "broken-link").length).toBe(3);
    expect(linked.report!.problems.some((p) => p.file.startsWith("news/2012/") || p.file.startsWith("news/2013/01/14/"))).toBe(false);
  });

  it("a folder pattern covers what is under it; a glob that matches nothing changes nothing", async () => {
    const root = staleArchive({ ignore: ["news/2012"] });
    expect((await json(root)).report!.problems).toEqual([]);
    writeFile(root, "newsctl.config.json", JSON.stringify({ ignore: ["news/2012/*.md", "*.md"] }));
    expect((await json(root)).report!.problems.map((p) => p.rule)).toEqual(["stale-title"]);
    writeFile(root, "newsctl.config.json", JSON.stringify({ ignore: ["**/index.md"] }));
    expect((await json(root)).report!.problems).toEqual([]);
  });
});

describe("a hostile configuration finishes fast with a clear message", () => {
  it("a symbolic link is never followed", async () => {
    const root = staleArchive();
    const secret = join(tempDir(), "secret.json");
    writeFileSync(secret, '{"rules": {"stale-title": "off"}}');
    symlinkSync(secret, join(root, "newsctl.config.json"));
    const r = await runCli(["validate", "--archive", root], { cwd: root });
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toMatch(/^newsctl validate: newsctl\.config\.json: is a symbolic link; newsctl never reads the archive's configuration through a link/);
    // Named by the user, it is theirs to give.
    expect((await runCli(["validate", "--archive", root, "--config", secret])).code).toBe(0);
  });

  it("a FIFO does not block, as the archive's file or named by --config", async () => {
    const root = staleArchive();
    execFileSync("mkfifo", [join(root, "newsctl.config.json")]);
    const r = await runCli(["validate", "--archive", root], { cwd: root, timeoutMs: 10_000 });
    expect(r).toMatchObject({ code: 2, stderr: "newsctl validate: newsctl.config.json: is not a regular file\n" });
    const given = await runCli(["validate", "--archive", root, "--config", join(root, "newsctl.config.json")], { timeoutMs: 10_000 });
    expect(given.code).toBe(2);
    expect(given.stderr).toMatch(/is not a regular file/);
  });

  it("a folder in its place", async () => {
    const root = staleArchive();
    writeFile(root, "newsctl.config.json/x", "{}");
    const r = await runMain(["validate", "--archive", root], { cwd: root });
    expect(r).toMatchObject({ code: 2, stderr: "newsctl validate: newsctl.config.json: is not a regular file\n" });
  });

  it("a huge file is refused without being read whole", async () => {
    const root = staleArchive();
    writeFile(root, "newsctl.config.json", `{"ignore": [${'"x",'.repeat(600_000)}"x"]}`);
    const r = await runCli(["validate", "--archive", root], { cwd: root });
    expect(r).toMatchObject({ code: 2, stderr: "newsctl validate: newsctl.config.json: is larger than 1 MiB; a configuration is a few lines\n" });
  });

  it("deep nesting is refused before any parser recurses", async () => {
    const root = staleArchive();
    writeFile(root, "newsctl.config.json", `{"rules": ${"[".repeat(400_000)}${"]".repeat(400_000)}}`);
    const r = await runCli(["validate", "--archive", root], { cwd: root });
    expect(r).toMatchObject({ code: 2, stderr: "newsctl validate: newsctl.config.json:1:42: nested more than 32 levels deep\n" });
    writeFile(root, "newsctl.config.json", `{"rules": ${"[".repeat(400_000)}`);
    expect((await runCli(["validate", "--archive", root], { cwd: root })).stderr).toMatch(/nested more than 32 levels deep/);
  });

  it("a catastrophic glob is stopped and named", async () => {
    const root = staleArchive({ ignore: [`**/${"*a".repeat(40)}*b`] });
    // A file with findings whose name the glob almost matches: every star tries every split.
    writeFile(root, `news/2012/09/1/${"a".repeat(120)}.md`, "# x\n");
    const started = Date.now();
    const r = await runCli(["validate", "--archive", root], { cwd: root, timeoutMs: 60_000 });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^newsctl validate: newsctl\.config\.json: ignore\[0\]: "\*\*\/(\*a)+…" takes too long to match archive paths; write a simpler glob\n$/);
  });
});

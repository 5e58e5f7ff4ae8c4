import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "../src/commands/validate/diagnostics.js";
// @ts-expect-error: plain JS module
import { injectDefects } from "../bench/defects.mjs";
// @ts-expect-error: plain JS module
import { generateArchive, writeArchive } from "../bench/generate.mjs";
import { FIXTURES, REPO, runCli, runMain, tempArchive, tempDir } from "./helpers.js";

type Found = { file: string; line: number; rule: string };
const key = (p: Found) => `${p.file}:${p.line}:${p.rule}`;

async function validateJson(root: string): Promise<Found[]> {
  const { stdout } = await runMain(["validate", "--format", "json", "--archive", root]);
  return JSON.parse(stdout).problems;
}

describe("a generated archive", () => {
  const { files } = generateArchive({ events: 500, seed: 11 });

  it("is clean as generated", async () => {
    const root = tempDir();
    writeArchive(root, files);
    expect(await validateJson(root)).toEqual([]);
  });

  it("with injected defects: validate finds every one and nothing else", async () => {
    const { files: broken, manifest } = injectDefects(files, 60, 5);
    expect(new Set(manifest.map((m: Found) => m.rule))).toEqual(new Set(["broken-link", "bad-url", "not-in-index", "date-mismatch", "outside-archive", "stale-title"]));
    expect(manifest).toHaveLength(60);
    const root = tempDir();
    writeArchive(root, broken);
    const found = (await validateJson(root)).map(key).sort();
    expect(found).toEqual(manifest.map(key).sort());
  });

  it("gets the same defects from the same arguments, and leaves its input alone", () => {
    const before = new Map(files);
    const a = injectDefects(files, 12, 3);
    const b = injectDefects(files, 12, 3);
    expect(a.manifest).toEqual(b.manifest);
    expect([...a.files]).toEqual([...b.files]);
    expect(files).toEqual(before);
  });
});

describe("---js front matter", () => {
  const MARKER = "js-front-matter-ran";
  const FILE = "news/2014/03/5/js-front-matter.md";

  it("is code that would write a marker file if anything ran it", () => {
    const dir = tempDir();
    const script = `require(${JSON.stringify(join(REPO, "node_modules", "gray-matter"))})(require("fs").readFileSync(process.argv[1], "utf8"))`;
    spawnSync(process.execPath, ["-e", script, join(FIXTURES, "validate", "seeded", FILE)], { cwd: dir });
    expect(existsSync(join(dir, MARKER))).toBe(true);
  });

  it("is reported and never run, by validate, validate --fix or list", async () => {
    const root = tempArchive({ from: join(FIXTURES, "validate", "seeded") });
    const json = await runCli(["validate", FILE, "--format", "json", "--archive", "."], { cwd: root });
    expect(JSON.parse(json.stdout).problems).toEqual([
      { file: FILE, line: 1, column: 1, severity: "error", rule: "parse-error", message: 'front matter in "js" is not data (only YAML or JSON); it was not run' },
    ]);
    await runCli(["validate", "--fix", "--archive", "."], { cwd: root });
    await runCli(["list", "--archive", "."], { cwd: root });
    expect(existsSync(join(root, MARKER))).toBe(false);
    expect(existsSync(join(REPO, MARKER))).toBe(false);
  });
});

describe("the README", () => {
  it("documents every rule validate reports", () => {
    const readme = readFileSync(join(REPO, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("### `newsctl validate`"));
    for (const rule of RULES) expect(section, rule.id).toContain(`\`${rule.id}\``);
  });
});

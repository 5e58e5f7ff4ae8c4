// tags rename and tags merge: what they write, what they refuse, and that
// validate reports the same after as before.

import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import type { Prompter } from "../src/cli/prompts.js";
// @ts-expect-error: plain JS module
import { generateArchive, writeArchive } from "../bench/generate.mjs";
import { Capture, changedPaths, hashTree, readText, runCli, runMain, tempArchive, tempDir } from "./helpers.js";
import { A, B, C, D, DRIFT, E, FIRST_TAKE, F, G, H } from "./tags-drift.js";
import { pathOf } from "./tags-helpers.js";
import { runInPty } from "./pty.js";

const drift = () => tempArchive({ from: null, files: DRIFT });

/** validate's findings, with the tag names taken out (a rename changes names in messages, nothing else). */
async function findings(root: string, names: string[]): Promise<string[]> {
  const r = await runMain(["validate", "--format", "json", "--archive", root]);
  const problems = JSON.parse(r.stdout).problems as { file: string; line: number; rule: string; message: string }[];
  const pattern = new RegExp(names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
  return problems.map((p) => `${p.file}:${p.rule}:${p.message.replace(pattern, "TAG")}`);
}

describe("newsctl tags rename", () => {
  it("renames mali to Mali everywhere current, merges where Mali is there already, keeps history", async () => {
    const root = drift();
    const before = hashTree(root);
    const problems = await findings(root, ["mali", "Mali"]);
    const r = await runCli(["tags", "rename", "mali", "Mali", "--yes", "--archive", root]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('newsctl: renamed "mali" to "Mali": 3 events, 3 files\n');
    const written = [pathOf(B), pathOf(D), pathOf(E)].sort();
    expect(r.stdout).toBe(written.map((p) => p + "\n").join(""));
    expect(changedPaths(before, hashTree(root))).toEqual(written);
    expect(readText(root, pathOf(B))).toBe(DRIFT[pathOf(B)]!.replace("  - mali   # lower case", "  - Mali   # lower case").replace("_Context: mali_", "_Context: Mali_"));
    expect(readText(root, pathOf(D))).toBe(DRIFT[pathOf(D)]!.replace("_Context: Mali, mali_", "_Context: Mali_"));
    expect(readText(root, pathOf(E))).toBe(DRIFT[pathOf(E)]!.replace("_Context: mali, Gaza_", "_Context: Mali, Gaza_"));
    expect(readText(root, FIRST_TAKE)).toBe(DRIFT[FIRST_TAKE]);
    expect(await findings(root, ["mali", "Mali"])).toEqual(problems);
    const tags = JSON.parse((await runMain(["tags", "--format", "json", "--archive", root])).stdout);
    expect(tags.find((t: { tag: string }) => t.tag === "Mali")).toEqual({ tag: "Mali", count: 5 });
    expect(tags.find((t: { tag: string }) => t.tag === "mali")).toBeUndefined();
  });

  it("--dry-run prints the unified diff and writes nothing", async () => {
    const root = drift();
    const before = hashTree(root);
    const r = await runMain(["tags", "rename", "Iran", "Islamic Republic of Iran", "--dry-run", "--archive", root]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        `--- a/${pathOf(F)}`,
        `+++ b/${pathOf(F)}`,
        "@@ -1,5 +1,5 @@",
        " ---",
        "-contexts: [Gaza Strip, Al-Qaeda, Iran]",
        "+contexts: [Gaza Strip, Al-Qaeda, Islamic Republic of Iran]",
        " ---",
        " ### [2020-02-02](/news/2020/02/2/index.md)",
        " ",
        "",
      ].join("\n"),
    );
    expect(r.stderr).toBe('newsctl: would rename "Iran" to "Islamic Republic of Iran": 1 event, 1 file\n');
    expect(changedPaths(before, hashTree(root))).toEqual([]);
  });

  it("--format json says what it did (with the diff on a dry run)", async () => {
    const root = drift();
    const r = await runMain(["tags", "rename", "Iran", "Persia", "--dry-run", "--format", "json", "--archive", root]);
    expect(JSON.parse(r.stdout)).toEqual({ from: ["Iran"], to: "Persia", events: 1, files: [pathOf(F)], dryRun: true, diff: expect.stringContaining("+contexts: [Gaza Strip, Al-Qaeda, Persia]") });
    const w = await runMain(["tags", "rename", "Iran", "Persia", "--yes", "--format", "json", "--archive", root]);
    expect(JSON.parse(w.stdout)).toEqual({ from: ["Iran"], to: "Persia", events: 1, files: [pathOf(F)], dryRun: false });
  });

  it.each([
    ["a comma", "Mali, Chad"],
    ["an underscore", "Mali_Chad"],
    ["a line break", "Mali\nChad"],
    ["a carriage return", "Mali\rChad"],
    ["a Unicode line separator", "Mali\u2028Chad"],
    ["a tab", "Mali\tChad"],
    ["nothing", "   "],
  ])("refuses a new name holding %s (exit 2), writing nothing", async (_what, name) => {
    const root = drift();
    const before = hashTree(root);
    const r = await runMain(["tags", "rename", "Mali", name, "--yes", "--archive", root]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^newsctl tags rename: new tag .*: (a tag cannot|U\+[0-9A-F]{4} \(.*\) cannot be written in a tag)/);
    expect(r.stderr.split("\n").length).toBeLessThanOrEqual(3);
    expect(changedPaths(before, hashTree(root))).toEqual([]);
  });

  it("refuses a tag nobody has (exit 2), naming the spellings the archive has", async () => {
    const root = drift();
    const before = hashTree(root);
    const r = await runMain(["tags", "rename", "MALI", "Mali", "--yes", "--archive", root]);
    expect(r).toEqual({ code: 2, stdout: "", stderr: 'newsctl tags rename: no current event has the tag "MALI"; tags are matched exactly, and the archive has "Mali", "mali" (see newsctl tags)\n' });
    const none = await runMain(["tags", "rename", "Atlantis", "Mu", "--yes", "--archive", root]);
    expect(none).toEqual({ code: 2, stdout: "", stderr: 'newsctl tags rename: no current event has the tag "Atlantis" (see newsctl tags)\n' });
    // Typed composed, stored decomposed: the hint names the archive's spelling.
    const nfd = await runMain(["tags", "rename", "Côte d'Ivoire".normalize("NFC"), "Ivory Coast", "--yes", "--archive", tempArchive({ from: null, files: { ...DRIFT, [pathOf(A)]: DRIFT[pathOf(A)]!.replace("Côte", "Côte".normalize("NFD")) } })]);
    expect(nfd.code).toBe(2);
    expect(nfd.stderr).toContain(`the archive has ${JSON.stringify("Côte d'Ivoire".normalize("NFD"))}`);
    const files = { ...DRIFT, [FIRST_TAKE]: DRIFT[FIRST_TAKE]!.replace("_Context: mali, Gaza_", "_Context: Ghost_") };
    const history = await runMain(["tags", "rename", "Ghost", "Spirit", "--yes", "--archive", tempArchive({ from: null, files })]);
    expect(history.stderr).toContain("only superseded versions have it, and they are history");
    expect(changedPaths(before, hashTree(root))).toEqual([]);
  });

  it("refuses a rename to the same name, and asks for --yes or --dry-run without a terminal", async () => {
    const root = drift();
    expect((await runMain(["tags", "rename", "Mali", " Mali ", "--yes", "--archive", root])).stderr).toBe('newsctl tags rename: nothing to do: the old name is already "Mali"\n');
    const r = await runCli(["tags", "rename", "mali", "Mali", "--archive", root]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/this is not a terminal: pass --yes to write, or --dry-run/);
  });
});

describe("newsctl tags merge", () => {
  it("merges A B INTO C in one change: no event ends up with C twice", async () => {
    const root = drift();
    const before = hashTree(root);
    const problems = await findings(root, ["Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast"]);
    const r = await runCli(["tags", "merge", "Côte d'Ivoire", "Cote d'Ivoire", "INTO", "Ivory Coast", "--yes", "--archive", root]);
    expect(r.code, r.stderr).toBe(0);
    expect(changedPaths(before, hashTree(root))).toEqual([pathOf(A), pathOf(C), pathOf(D)].sort());
    expect(readText(root, pathOf(A))).toBe(DRIFT[pathOf(A)]!.replace(`"Côte d'Ivoire"`, `"Ivory Coast"`));
    expect(readText(root, pathOf(C))).toBe(DRIFT[pathOf(C)]!.replace(`"Cote d'Ivoire"`, `"Ivory Coast"`));
    expect(readText(root, pathOf(D))).toBe(DRIFT[pathOf(D)]!.replace("_Context: Cote d'Ivoire,Mali_", "_Context: Ivory Coast,Mali_"));
    expect(await findings(root, ["Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast"])).toEqual(problems);
    const tags = JSON.parse((await runMain(["tags", "--format", "json", "--archive", root])).stdout);
    expect(tags.filter((t: { tag: string }) => /Ivo|Coast/.test(t.tag))).toEqual([{ tag: "Ivory Coast", count: 3 }]);
  });

  it("merges into a tag the same event already has: the other goes", async () => {
    const root = drift();
    const r = await runMain(["tags", "merge", "Al-Qaeda", "Gaza Strip", "into", "Iran", "--yes", "--archive", root]);
    expect(r.code, r.stderr).toBe(0);
    expect(readText(root, pathOf(F))).toBe(DRIFT[pathOf(F)]!.replace("contexts: [Gaza Strip, Al-Qaeda, Iran]", "contexts: [Iran]"));
    expect(readText(root, pathOf(G))).toBe(DRIFT[pathOf(G)]);
    expect(readText(root, pathOf(H))).toBe(DRIFT[pathOf(H)]);
  });

  it("takes INTO as the word before the last, and refuses what does not say TAG… INTO TAG (exit 2)", async () => {
    const root = drift();
    for (const args of [["Mali"], ["Mali", "Chad"], ["Mali", "INTO"], ["Mali", "to", "Chad"], ["INTO", "Chad"]]) {
      const r = await runMain(["tags", "merge", ...args, "--yes", "--archive", root]);
      expect(r.code, args.join(" ")).toBe(2);
    }
    const r = await runMain(["tags", "merge", "Mali", "INTO", "Chad", "--yes", "--archive", root]);
    expect(r.code).toBe(0);
  });
});

describe("validate is as clean after as before", () => {
  it("on the fixture archive, renaming and merging its tags", async () => {
    const root = tempArchive();
    const names = ["Mali", "Republic of Mali", "France", "Diabaly", "Sahel"];
    const problems = await findings(root, names);
    expect((await runMain(["tags", "rename", "Mali", "Republic of Mali", "--yes", "--archive", root])).code).toBe(0);
    expect((await runMain(["tags", "merge", "France", "Diabaly", "INTO", "Sahel", "--yes", "--archive", root])).code).toBe(0);
    expect(await findings(root, names)).toEqual(problems);
    const tags = JSON.parse((await runMain(["tags", "--format", "json", "--archive", root])).stdout);
    expect(tags).toEqual([
      { tag: "Republic of Mali", count: 6 },
      { tag: "Islamist", count: 4 },
      { tag: "Sahel", count: 4 },
      { tag: "Deportation", count: 1 },
      { tag: "Douentza", count: 1 },
    ]);
  });
});

describe("rename on a generated archive", () => {
  it("touches exactly the current versions that carry the tag; validate reports the same", async () => {
    const root = tempDir();
    const { files } = generateArchive({ events: 300, seed: 15 }) as { files: Map<string, string> };
    writeArchive(root, files);
    const carriers = (await runMain(["list", "--tag", "Mali", "--format", "json", "--archive", root])).stdout;
    const expected = (JSON.parse(carriers) as { path: string }[]).map((i) => i.path);
    // Events whose own tags come from front matter may still name Mali in a Related item.
    const mentions = [...files].filter(([, text]) => /_Context: [^_]*\bMali\b/.test(text)).map(([p]) => p);
    const before = hashTree(root);
    const problems = await findings(root, ["Mali", "Republic of Mali"]);
    const r = await runMain(["tags", "rename", "Mali", "Republic of Mali", "--yes", "--archive", root]);
    expect(r.code, r.stderr).toBe(0);
    const changed = changedPaths(before, hashTree(root));
    for (const p of expected) expect(changed).toContain(p);
    for (const p of changed) expect(mentions.includes(p) || expected.includes(p), p).toBe(true);
    // Superseded versions are never written.
    const all = JSON.parse((await runMain(["list", "--all-versions", "--format", "json", "--archive", root])).stdout) as { path: string }[];
    const current = new Set(JSON.parse((await runMain(["list", "--format", "json", "--archive", root])).stdout).map((i: { path: string }) => i.path));
    for (const item of all) if (!current.has(item.path)) expect(changed).not.toContain(item.path);
    expect(await findings(root, ["Mali", "Republic of Mali"])).toEqual(problems);
    const after = JSON.parse((await runMain(["list", "--tag", "Republic of Mali", "--format", "json", "--archive", root])).stdout) as { path: string }[];
    expect(after.map((i) => i.path)).toEqual(expected);
  });
});

describe("at a terminal", () => {
  function stub(answer: boolean, asked: string[]): Prompter {
    const no = async () => {
      throw new Error("not asked");
    };
    return { input: no, editor: no, select: no, checkbox: no, search: no, confirm: async (o) => (asked.push(o.message), answer) };
  }

  async function runTty(args: string[], prompter: Prompter) {
    const stdout = new Capture(true);
    const stderr = new Capture(true);
    const stdin = Object.assign(Readable.from([]), { isTTY: true });
    const code = await main(args, { stdout, stderr, stdin: stdin as never, env: { NO_COLOR: "1" }, prompter });
    return { code, stdout: stdout.text, stderr: stderr.text };
  }

  it("shows the diff, asks, and writes on yes", async () => {
    const root = drift();
    const asked: string[] = [];
    const r = await runTty(["tags", "rename", "mali", "Mali", "--archive", root], stub(true, asked));
    expect(r.code, r.stderr).toBe(0);
    expect(asked).toEqual(["Write these 3 files?"]);
    expect(r.stdout).toContain("-  - mali   # lower case\n+  - Mali   # lower case\n");
    expect(readText(root, pathOf(B))).toContain("  - Mali   # lower case");
  });

  it("in a real pseudo-terminal: the diff, the question, then the write; Ctrl+C writes nothing", async () => {
    const root = drift();
    const before = hashTree(root);
    const cancelled = await runInPty(["tags", "rename", "mali", "Mali", "--archive", root], [{ expect: "Write these 3 files?", send: "\x03" }]);
    expect(cancelled.failedStep, cancelled.output).toBeNull();
    expect(cancelled.code).toBe(130);
    expect(changedPaths(before, hashTree(root))).toEqual([]);
    const result = await runInPty(["tags", "rename", "mali", "Mali", "--archive", root], [{ expect: "Write these 3 files?", send: "y\r" }]);
    expect(result.failedStep, result.output).toBeNull();
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain("+  - Mali   # lower case");
    expect(changedPaths(before, hashTree(root))).toEqual([pathOf(B), pathOf(D), pathOf(E)].sort());
  });

  it("writes nothing on no (exit 130); --yes does not ask", async () => {
    const root = drift();
    const before = hashTree(root);
    expect((await runTty(["tags", "rename", "mali", "Mali", "--archive", root], stub(false, []))).code).toBe(130);
    expect(changedPaths(before, hashTree(root))).toEqual([]);
    const asked: string[] = [];
    expect((await runTty(["tags", "rename", "mali", "Mali", "--yes", "--archive", root], stub(true, asked))).code).toBe(0);
    expect(asked).toEqual([]);
  });
});

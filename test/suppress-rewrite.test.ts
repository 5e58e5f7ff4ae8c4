// Kept on rewrite: every writer that moves or touches a line a
// newsctl-disable comment covers leaves the comment in place, right above
// (or on) the line it covers: revise (the new version and every old one),
// validate --fix, tags rename and merge, add --backlink.

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readText, runCli, runMain, SEED_PATH, tempArchive, writeFile } from "./helpers.js";

const GUARD_STALE = "<!-- newsctl-disable-next-line stale-title -->";
const GUARD_DUP = "<!-- newsctl-disable-next-line duplicate-source -->";
const FILE_WIDE = "<!-- newsctl-disable-file bad-url -->";
const DOUENTZA = "/news/2012/09/1/islamist-rebels-in-northern-mali-seize-the-central-town-of-douentza.md";
const DIABALY = "/news/2013/01/14/islamists-rebels-capture";

/**
 * The seed event with: a file-wide comment under the title; its second
 * source a duplicate of the first, guarded; its Related item for Douentza
 * stale and guarded, the one for Diabaly stale with a disable-line comment.
 */
function guardedArchive(): string {
  const root = tempArchive();
  const out: string[] = [];
  for (const line of readText(root, SEED_PATH).split("\n")) {
    if (line.startsWith("# ")) {
      out.push(line, FILE_WIDE);
      continue;
    }
    if (line.startsWith("2. [France 24]")) {
      out.push(GUARD_DUP, "2. [BBC again](http://www.bbc.co.uk/news/world-africa-21121262)");
      continue;
    }
    if (line.includes(`](${DOUENTZA})`)) {
      out.push(GUARD_STALE, line.replace(/^2\. \[[^\]]*\]/, "2. [Douentza, stale on purpose]"));
      continue;
    }
    if (line.includes(`](${DIABALY}`)) {
      out.push(`${line.replace(/^1\. \[[^\]]*\]/, "1. [Diabaly, stale on purpose]")} <!-- newsctl-disable-line stale-title -->`);
      continue;
    }
    out.push(line);
  }
  writeFile(root, SEED_PATH, out.join("\n"));
  return root;
}

/** Each guard comment in `text` with the line right under it. */
function guarded(text: string): [string, string][] {
  const lines = text.split(/\r?\n/);
  return lines.flatMap((l, i) => (l.includes("newsctl-disable-next-line") ? [[l, lines[i + 1] ?? ""] as [string, string]] : []));
}

async function currentPath(root: string, event: string): Promise<string> {
  const versions = JSON.parse((await runMain(["history", event, "--format", "json", "--archive", root])).stdout) as { path: string }[];
  return versions.at(-1)!.path;
}

async function problems(root: string): Promise<{ file: string; rule: string }[]> {
  const r = await runMain(["validate", "--format", "json", "--archive", root]);
  return (JSON.parse(r.stdout) as { problems: { file: string; rule: string }[] }).problems;
}

function expectGuardsIntact(text: string): void {
  expect(guarded(text).map(([g, next]) => [g, next.replace(/\]\(.*$/, "]")])).toEqual([
    [GUARD_DUP, "2. [BBC again]"],
    [GUARD_STALE, "2. [Douentza, stale on purpose]"],
  ]);
  expect(text).toMatch(/^# .*\n<!-- newsctl-disable-file bad-url -->\n/m);
  expect(text).toMatch(/^1\. \[Diabaly, stale on purpose\]\(.*_Context: [^_]*_ <!-- newsctl-disable-line stale-title -->$/m);
}

describe("the starting point", () => {
  it("reports nothing: every finding is silenced", async () => {
    const root = guardedArchive();
    expect(await problems(root)).toEqual([]);
    expectGuardsIntact(readText(root, SEED_PATH));
  });
});

describe("revise", () => {
  it("copies every comment into the new version, each still above (or on) its line", async () => {
    const root = guardedArchive();
    const r = await runCli(["revise", SEED_PATH, "--title", "Troops retake Diabaly and Douentza", "--summary", "A new summary.", "-y", "--archive", root]);
    expect(r.stderr).not.toMatch(/error|warning/i);
    expect(r.code).toBe(0);
    const dir = join(root, "news/2013/01/21");
    const next = readdirSync(dir).find((n) => n.startsWith("troops-retake"))!;
    const text = readText(root, `news/2013/01/21/${next}`);
    expectGuardsIntact(text);
    expect(text).toMatch(/\nA new summary\.\n/);
    // The old version keeps its comments too (its Changes list was rewritten).
    expectGuardsIntact(readText(root, SEED_PATH));
    expect(await problems(root)).toEqual([]);
  });

  it("a source list rewritten keeps each guard with its source; a removed source takes its guard along", async () => {
    const root = guardedArchive();
    const added = await runCli(["revise", SEED_PATH, "--add-source", "Reuters=http://www.reuters.com/mali", "-y", "--archive", root]);
    expect(added.code).toBe(0);
    const path = await currentPath(root, SEED_PATH);
    const text = readText(root, path);
    expectGuardsIntact(text);
    expect(text).toMatch(/\n2\. \[BBC again\]\([^)]*\)\n3\. \[Reuters\]/);
    expect(await problems(root)).toEqual([]);

    const removed = await runCli(["revise", path, "--remove-source", "BBC again", "-y", "--archive", root]);
    expect(removed.code).toBe(0);
    const after = readText(root, await currentPath(root, path));
    expect(after).not.toMatch(/duplicate-source/);
    expect(guarded(after).map(([g]) => g)).toEqual([GUARD_STALE]);
    expect(await problems(root)).toEqual([]);
  });
});

describe("validate --fix", () => {
  it("repairs the lines no comment covers and leaves each comment above its line", async () => {
    const root = guardedArchive();
    // Unguarded: the third Related item made stale too. The day page: a guarded stale entry and a guarded duplicate.
    const seed = readText(root, SEED_PATH).replace(/^3\. \[[^\]]*\]/m, "3. [Mali returns, stale and unguarded]");
    writeFile(root, SEED_PATH, seed);
    const page = "news/2013/01/21/index.md";
    const entry = readText(root, page).split("\n")[2]!;
    writeFile(root, page, `# 2013-01-21\n\n${GUARD_STALE}\n${entry.replace(/\[[^\]]*\]/, "[Old day-page title]")}\n${GUARD_STALE}\n${entry.replace(/^1\./, "2.")}\n`);

    const r = await runCli(["validate", "--fix", "--archive", root]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/fixed stale-title: .*Mali returns/);
    const text = readText(root, SEED_PATH);
    expect(text).toMatch(/^3\. \[Mali returns two people France deported/m);
    expectGuardsIntact(text);
    // The duplicate went, and its guard with it; the kept entry's guard stays above it, its text untouched.
    expect(readText(root, page)).toBe(`# 2013-01-21\n\n${GUARD_STALE}\n${entry.replace(/\[[^\]]*\]/, "[Old day-page title]")}\n`);
    expect(await problems(root)).toEqual([]);
  });
});

describe("tags rename and merge", () => {
  it("rewrite the _Context:_ of a covered line, which keeps its comment above and at its end", async () => {
    const root = guardedArchive();
    const r = await runCli(["tags", "rename", "Mali", "Republic of Mali", "-y", "--archive", root]);
    expect(r.stderr).toMatch(/^newsctl: renamed "Mali" to "Republic of Mali"/);
    expect(r.code).toBe(0);
    const text = readText(root, SEED_PATH);
    expect(text).toMatch(/Republic of Mali/);
    expectGuardsIntact(text);
    const merged = await runCli(["tags", "merge", "Diabaly", "Douentza", "INTO", "Towns", "-y", "--archive", root]);
    expect(merged.code).toBe(0);
    const after = readText(root, SEED_PATH);
    expect(after).toMatch(/Towns/);
    expectGuardsIntact(after);
    expect((await problems(root)).filter((p) => p.rule === "stale-title" || p.rule === "duplicate-source")).toEqual([]);
  });
});

describe("add --backlink", () => {
  it("appends to a Related list whose items carry comments, each comment staying above its item", async () => {
    const root = guardedArchive();
    // Put the guarded Douentza item last, so the new item comes right after a guarded line.
    const lines = readText(root, SEED_PATH).split("\n");
    const g = lines.indexOf(GUARD_STALE);
    const moved = lines.splice(g, 2);
    const last = lines.findIndex((l) => l.startsWith("5. ["));
    lines.splice(last + 1, 0, ...moved);
    writeFile(root, SEED_PATH, lines.join("\n"));

    const r = await runCli([
      "add", "--date", "2013-01-22", "--title", "Mali follows up", "--summary", "A follow-up.", "--source", "BBC=http://www.bbc.co.uk/news/follow-up",
      "--tag", "Mali", "--related", SEED_PATH, "--backlink", "-y", "--archive", root,
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const text = readText(root, SEED_PATH);
    expectGuardsIntact(text);
    const after = text.split("\n");
    const at = after.indexOf(GUARD_STALE);
    expect(after[at + 2]).toMatch(/^\d+\. \[Mali follows up\]\(\/news\/2013\/01\/22\/mali-follows-up\.md\)/);
    expect((await problems(root)).filter((p) => p.file === SEED_PATH)).toEqual([]);
  });
});

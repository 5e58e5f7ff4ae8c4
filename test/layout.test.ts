// Every writer leaves the seed's shape: a blank line before each heading,
// whatever the file held before (no blank lines, CRLF, no final newline).
// A new file is in that shape whole; an edited file gains only the blank
// lines next to the list it appends to, and every other byte stays.

import { describe, expect, it } from "vitest";
import { runMain, readText, tempArchive, writeFile } from "./helpers.js";

const NOW = { now: () => new Date("2026-01-02T03:04:05Z") };

/** Lines that are headings with no blank line right above them (the first body line may be one). */
function crampedHeadings(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  let top = 0;
  if (lines[0] === "---") top = lines.indexOf("---", 1) + 1;
  const out: string[] = [];
  for (let i = top + 1; i < lines.length; i++) {
    if (/^#{1,6}(\s|$)|^#{2,6}\s*(sources?|related|changes)/i.test(lines[i]!) && lines[i - 1]!.trim() !== "") out.push(`${i + 1}: ${lines[i]}`);
  }
  return out;
}

const HUB = "news/2020/03/5/hub.md";
const OTHER = "news/2020/03/5/other.md";

/** An event with no blank line anywhere, in the given line endings, with or without a final newline. */
function tightEvent(eol: string, finalEol: boolean, changesItems = true): string {
  const lines = [
    "### [2020-03-05](/news/2020/03/5/index.md)",
    "# Hub.",
    "Summary of the hub.",
    "### Source:",
    "1. [BBC](https://bbc.test/a)",
    "### Related:",
    `1. [Other.](/${OTHER}) _Context: Mali_`,
    "### Changes:",
    ...(changesItems ? [`1. [Hub.](/${HUB}) _(Current version)_`] : []),
  ];
  return lines.join(eol) + (finalEol ? eol : "");
}

const OTHER_TEXT = `---\ncontexts: ["Mali"]\n---\n### [2020-03-05](/news/2020/03/5/index.md)\n\n# Other.\n\nOther summary.\n\n### Source:\n\n1. [BBC](https://bbc.test/o)\n\n### Related:\n\n### Changes:\n\n1. [Other.](/${OTHER}) _(Current version)_\n`;

const SHAPES = [
  { name: "LF", eol: "\n", final: true },
  { name: "CRLF", eol: "\r\n", final: true },
  { name: "no final newline", eol: "\n", final: false },
  { name: "CRLF, no final newline", eol: "\r\n", final: false },
];

const addArgs = (root: string, extra: string[]) => [
  "add", "--archive", root, "--yes", "--date", "2020-03-05", "--title", "New one", "--summary", "S.", "--source", "BBC=https://bbc.test/n", "--tag", "Mali", ...extra,
];

describe("add writes the seed's shape", () => {
  it("a new event, with and without related events, and its new day page", async () => {
    const root = tempArchive({ from: null, files: { [OTHER]: OTHER_TEXT } });
    const bare = await runMain(addArgs(root, []), NOW);
    expect(bare.code, bare.stderr).toBe(0);
    expect(crampedHeadings(readText(root, bare.stdout.trim()))).toEqual([]);
    const related = await runMain(["add", "--archive", root, "--yes", "--date", "2020-03-06", "--title", "Two", "--summary", "A.\n\nB.", "--source", "B=https://b.test", "--related", OTHER], NOW);
    expect(related.code, related.stderr).toBe(0);
    expect(crampedHeadings(readText(root, related.stdout.trim()))).toEqual([]);
    expect(crampedHeadings(readText(root, "news/2020/03/6/index.md"))).toEqual([]);
  });

  it("a backlink onto an event add wrote (empty Related list) leaves a blank line before ### Changes:", async () => {
    const root = tempArchive({ from: null, files: { [OTHER]: OTHER_TEXT } });
    const first = await runMain(addArgs(root, []), NOW);
    const target = first.stdout.trim();
    const second = await runMain(["add", "--archive", root, "--yes", "--date", "2020-03-07", "--title", "Later", "--summary", "S.", "--source", "B=https://b.test", "--tag", "Mali", "--related", target, "--backlink"], NOW);
    expect(second.code, second.stderr).toBe(0);
    const text = readText(root, target);
    expect(crampedHeadings(text)).toEqual([]);
    expect(text).toContain(`### Related:\n\n1. [Later](/news/2020/03/7/later.md) _Context: Mali_\n\n### Changes:\n`);
  });

  for (const shape of SHAPES) {
    it(`a backlink onto a file without blank lines (${shape.name}): blank lines around the Related list only`, async () => {
      const root = tempArchive({ from: null, files: { [HUB]: tightEvent(shape.eol, shape.final), [OTHER]: OTHER_TEXT } });
      const r = await runMain(["add", "--archive", root, "--yes", "--date", "2020-03-07", "--title", "Later", "--summary", "S.", "--source", "B=https://b.test", "--tag", "Mali", "--related", HUB, "--backlink"], NOW);
      expect(r.code, r.stderr).toBe(0);
      const e = shape.eol;
      const lines = tightEvent(e, shape.final).split(e);
      lines.splice(5, 0, "");
      lines.splice(8, 0, `2. [Later](/news/2020/03/7/later.md) _Context: Mali_`, "");
      expect(readText(root, HUB)).toBe(lines.join(e));
    });

    it(`a day page whose list a heading follows (${shape.name}): a blank line between the new entry and it`, async () => {
      const e = shape.eol;
      const page = ["# 2020-03-05", "", `1. [Other.](/${OTHER})`, "## Notes", "Kept."].join(e) + (shape.final ? e : "");
      const root = tempArchive({ from: null, files: { [OTHER]: OTHER_TEXT, "news/2020/03/5/index.md": page } });
      const r = await runMain(addArgs(root, []), NOW);
      expect(r.code, r.stderr).toBe(0);
      const expected = ["# 2020-03-05", "", `1. [Other.](/${OTHER})`, "2. [New one](/news/2020/03/5/new-one.md)", "", "## Notes", "Kept."];
      expect(readText(root, "news/2020/03/5/index.md")).toBe(expected.join(e) + (shape.final ? e : ""));
    });
  }
});

describe("revise writes the seed's shape", () => {
  for (const shape of SHAPES) {
    it(`copying a file without blank lines (${shape.name}): the new version has one before every heading; the old one only before ### Changes:`, async () => {
      const root = tempArchive({ from: null, files: { [HUB]: tightEvent(shape.eol, shape.final), [OTHER]: OTHER_TEXT } });
      const r = await runMain(["revise", HUB, "--summary", "Changed.", "--yes", "--archive", root], NOW);
      expect(r.code, r.stderr).toBe(0);
      const next = readText(root, r.stdout.trim());
      expect(crampedHeadings(next)).toEqual([]);
      const e = shape.eol;
      expect(next.split(e).slice(3)).toEqual([
        "### [2020-03-05](/news/2020/03/5/index.md)", "", "# Hub.", "Changed.", "", "### Source:", "1. [BBC](https://bbc.test/a)", "",
        "### Related:", `1. [Other.](/${OTHER}) _Context: Mali_`, "", "### Changes:",
        `1. [Hub.](/${HUB}) _2026-01-02 03:04:05 (First version)_`, `2. [Hub.](/news/2020/03/5/hub-2.md) _(Current version)_`,
        ...(shape.final ? [""] : []),
      ]);
      const old = tightEvent(e, shape.final).split(e);
      old.splice(7, 2, "", "### Changes:", `1. [Hub.](/${HUB}) _2026-01-02 03:04:05 (First version)_`, `2. [Hub.](/news/2020/03/5/hub-2.md) _(Current version)_`);
      expect(readText(root, HUB)).toBe(old.join(e));
    });
  }

  it("an empty Changes list right above another heading gets its items and a blank line after them", async () => {
    const text = tightEvent("\n", true, false) + "## Notes\nKept.\n";
    const root = tempArchive({ from: null, files: { [HUB]: text, [OTHER]: OTHER_TEXT } });
    const r = await runMain(["revise", HUB, "--title", "Hub retitled.", "--yes", "--archive", root], NOW);
    expect(r.code, r.stderr).toBe(0);
    expect(crampedHeadings(readText(root, r.stdout.trim()))).toEqual([]);
    expect(readText(root, HUB)).toMatch(/\n\n### Changes:\n\n1\. .*\n2\. .*\n\n## Notes\nKept\.\n$/);
  });

  it("a day page entry it adds keeps a blank line before the heading after the list", async () => {
    const page = "# 2020-03-05\n\n1. [Other.](/news/2020/03/5/other.md)\n## Notes\n";
    const root = tempArchive({ from: null, files: { [HUB]: tightEvent("\n", true), [OTHER]: OTHER_TEXT, "news/2020/03/5/index.md": page } });
    const r = await runMain(["revise", HUB, "--title", "Hub again.", "--yes", "--archive", root], NOW);
    expect(r.code, r.stderr).toBe(0);
    expect(readText(root, "news/2020/03/5/index.md")).toBe(`# 2020-03-05\n\n1. [Other.](/${OTHER})\n2. [Hub again.](/news/2020/03/5/hub-again.md)\n\n## Notes\n`);
  });
});

describe("validate --fix writes the seed's shape", () => {
  it("a day-page entry it adds keeps a blank line before the heading after the list", async () => {
    const page = "# 2020-03-05\r\n\r\n1. [Other.](/news/2020/03/5/other.md)\r\n## Notes";
    const root = tempArchive({ from: null, files: { [HUB]: tightEvent("\n", true), [OTHER]: OTHER_TEXT, "news/2020/03/5/index.md": page } });
    const r = await runMain(["validate", "--fix", "--archive", root], NOW);
    expect(readText(root, "news/2020/03/5/index.md"), r.stderr).toBe(`# 2020-03-05\r\n\r\n1. [Other.](/${OTHER})\r\n2. [Hub.](/${HUB})\r\n\r\n## Notes`);
  });
});

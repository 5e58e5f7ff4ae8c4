import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listArchivePaths, parseFile, readArchive } from "../src/archive/read/read-archive.js";
import { splitText, joinText, cloneDoc } from "../src/archive/format/text.js";
import { addDayPageEntry, appendToSection, rewriteLink, serialize } from "../src/archive/format/write.js";
import type { DayPage, EventFile } from "../src/archive/types.js";
// @ts-expect-error: plain JS module
import { generateArchive, writeArchive } from "../bench/generate.mjs";
import { FIXTURE_ARCHIVE, SEED_PATH, tempDir } from "./helpers.js";

function roundTripsEveryFile(root: string): number {
  let count = 0;
  for (const path of listArchivePaths(root)) {
    const bytes = readFileSync(join(root, path));
    const file = parseFile(path, bytes);
    if (file.kind === "unreadable") continue;
    expect(Buffer.from(serialize(file), "utf8").equals(bytes), path).toBe(true);
    count++;
  }
  return count;
}

describe("lossless writing", () => {
  it("gives back the exact bytes of every fixture file", () => {
    expect(roundTripsEveryFile(FIXTURE_ARCHIVE)).toBeGreaterThanOrEqual(14);
  });

  it("gives back the exact bytes of a generated archive of 1,200 events", () => {
    const root = tempDir();
    const { files } = generateArchive({ events: 1200, seed: 7 });
    writeArchive(root, files);
    expect(roundTripsEveryFile(root)).toBe(files.size);
  });

  it("keeps CRLF, BOM, lone CR and a missing final newline", () => {
    for (const text of ["\uFEFFa\r\nb\r\n", "a\rb\r", "a\nb", "", "\n\n", "x\r\n\ny"]) {
      expect(joinText(splitText(text))).toBe(text);
    }
  });
});

describe("edits change only the lines they must", () => {
  const archive = readArchive(FIXTURE_ARCHIVE);
  const seed = archive.files.get(SEED_PATH) as EventFile;
  const original = serialize(seed).split("\n");

  it("replaces one Related item's link and title, keeping its context", () => {
    const doc = cloneDoc(seed.doc);
    rewriteLink(doc, seed.related[2]!, { text: "New title ", path: "news/2016/12/30/new-slug.md" });
    const lines = joinText(doc).split("\n");
    const changed = lines.map((l, i) => (l === original[i] ? -1 : i)).filter((i) => i >= 0);
    expect(changed).toEqual([17]);
    expect(lines[17]).toBe("3. [New title ](/news/2016/12/30/new-slug.md) _Context: France, Mali_");
  });

  it("adds a Changes item after the last one", () => {
    const doc = cloneDoc(seed.doc);
    appendToSection(doc, seed, seed.sections.changes!, "4. [T](/news/2013/01/21/t.md) _(Current version)_");
    const lines = joinText(doc).split("\n");
    expect(lines.slice(0, original.length - 1)).toEqual(original.slice(0, -1));
    expect(lines[26]).toBe("4. [T](/news/2013/01/21/t.md) _(Current version)_");
    expect(lines).toHaveLength(original.length + 1);
  });

  it("adds a day-page entry, keeping the page's CRLF", () => {
    const path = "news/2013/01/21/index.md";
    const page = parseFile(path, Buffer.from("# 2013-01-21\r\n\r\n1. [A](/news/2013/01/21/a.md)\r\n")) as DayPage;
    const doc = addDayPageEntry(page, "B", "news/2013/01/21/b.md");
    expect(joinText(doc)).toBe("# 2013-01-21\r\n\r\n1. [A](/news/2013/01/21/a.md)\r\n2. [B](/news/2013/01/21/b.md)\r\n");
  });
});

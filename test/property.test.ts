// For any text: parsing never throws, and parse-then-write gives the same bytes.
// Seeded (see seeded.ts): a failure names its seed.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFile } from "../src/archive/read/read-archive.js";
import { cloneDoc, joinText } from "../src/archive/format/text.js";
import { rewriteLink, serialize } from "../src/archive/format/write.js";
import { assertSeeded } from "./seeded.js";

const FRAGMENTS = [
  "### [2013-01-21](/news/2013/01/21/index.md)",
  "# French and Malian troops retake Diabaly. ",
  "### Source:",
  "### Related:",
  "### Changes:",
  "1. [BBC](http://www.bbc.co.uk/news/world-africa-21121262)",
  "2. [Cover Image](https://x.test/a.jpg)",
  "1. [ Title ](/news/2013/01/14/a.md) _Context: Diabaly, France, Mali_",
  "2. [T](</news/2013/01/14/a b.md>) _Context: X_",
  "3. [T (film)](/news/2013/01/14/b_(film).md) _Context: _",
  "2. [T](/news/2013/01/21/t.md) _2017-08-25 03:37:18 (First version)_",
  "2. [T](/news/2013/01/21/t.md) _(Current version)_",
  "1. [unclosed](/news/x",
  "- [x](../../../../etc/hosts)",
  "---",
  "---js",
  "contexts: [Mali, France]",
  "a: &a [x, *a]",
  "...",
  "",
  "   ",
  "\t1. [x](y)",
  "[[[]]](((",
];

const lineEnd = fc.constantFrom("\n", "\r\n", "\r", "");
const line = fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 20 }));
const archiveText = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(line, lineEnd), { maxLength: 40 }))
  .map(([bom, parts]) => (bom ? "\uFEFF" : "") + parts.map(([l, e]) => l + e).join(""));

const PATHS = ["news/2013/01/21/x.md", "news/2013/01/21/index.md"];

/** A Related section with at least one item, in the list shapes real files use, dropped into archive-like text. */
const relatedItem = fc
  .tuple(
    fc.constantFrom("", " ", "   ", "\t"),
    fc.constantFrom("1.", "2)", "-", "*", "+"),
    fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(" Title ", "a [b] c", "x\\]y", "T (film)")),
    fc.constantFrom("/news/2013/01/14/a.md", "<news/2013/01/14/a b.md>", "../14/b_(film).md", "/news/2013/01/14/c%2Dd.md", "/news/x\\)y.md"),
    fc.constantFrom("", " _Context: Mali, France_", " _Context: _", " trailing text"),
  )
  .map(([indent, marker, text, dest, tail]) => `${indent}${marker} [${text.replace(/[\\[\]\r\n]/g, "")}](${dest})${tail}`);
const withRelated = fc
  .tuple(archiveText, fc.constantFrom("### Related:", "###Related", "## related :"), fc.array(relatedItem, { minLength: 1, maxLength: 4 }), lineEnd, archiveText)
  .map(([before, heading, items, eol, after]) => `${before}\n${heading}\n${items.join(eol || "\n")}\n${after}`);

describe("parser and writer properties", () => {
  it("never throw and round-trip any archive-like text byte for byte", () => {
    assertSeeded(
      fc.property(fc.oneof(archiveText, withRelated), fc.constantFrom(...PATHS), (text, path) => {
        const bytes = Buffer.from(text, "utf8");
        const file = parseFile(path, bytes);
        if (file.kind !== "unreadable") expect(Buffer.from(serialize(file), "utf8").equals(bytes)).toBe(true);
      }),
      1500,
    );
  });

  it("never throw on arbitrary bytes", () => {
    assertSeeded(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom(...PATHS), (bytes, path) => {
        const buf = Buffer.from(bytes);
        const file = parseFile(path, buf);
        if (file.kind !== "unreadable") expect(Buffer.from(serialize(file), "utf8").equals(buf)).toBe(true);
      }),
      1500,
    );
  });

  it("rewriting one link changes that line only", () => {
    let rewritten = 0;
    const runs = 1000;
    assertSeeded(
      fc.property(withRelated, fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom("a\nb", "x\r\ny", "[t]", "\\")), (text, title) => {
        const file = parseFile("news/2013/01/21/x.md", Buffer.from(text, "utf8"));
        if (file.kind !== "event" || file.related.length === 0) return;
        rewritten++;
        const item = file.related[file.related.length - 1]!;
        const doc = cloneDoc(file.doc);
        rewriteLink(doc, item, { text: title, path: "news/2020/02/2/new.md" });
        expect(doc.lines.length).toBe(file.doc.lines.length);
        doc.lines.forEach((l, i) => {
          if (i !== item.line - 1) expect(l).toBe(file.doc.lines[i]);
        });
        // The new text never splits the line.
        expect(joinText(doc).split(/\r\n|\n|\r/).length).toBe(joinText(file.doc).split(/\r\n|\n|\r/).length);
        // And the item reads back pointing where it was sent.
        const again = parseFile("news/2013/01/21/x.md", Buffer.from(joinText(doc), "utf8"));
        const moved = again.kind === "event" ? again.related.find((r) => r.line === item.line) : undefined;
        expect(moved?.target).toEqual({ kind: "internal", path: "news/2020/02/2/new.md" });
      }),
      runs,
    );
    // Most runs must reach the rewrite; an all-skipped property proves nothing.
    expect(rewritten).toBeGreaterThan(runs * 0.8);
  });
});

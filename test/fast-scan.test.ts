// The byte-level fast path (read/fast-scan.ts), newsctl's own front matter
// read without gray-matter, and the URL shortcut of the file rules must each
// give exactly what the full parser (and gray-matter, and URL) give: on every
// real file we have, and on any text fast-check can make of the parts that
// trip parsers up.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain JS module
import { generateArchive } from "../bench/generate.mjs";
import { scannedFromParsed } from "../src/archive/index/scanned.js";
import { parseSimpleFrontMatter, parseWithGrayMatter } from "../src/archive/format/frontmatter.js";
import { parseArchivePath } from "../src/archive/format/paths.js";
import { parseFile } from "../src/archive/format/read-file.js";
import { fastScan } from "../src/archive/read/fast-scan.js";
import { scanBytes } from "../src/archive/read/scan-file.js";
import { checkSourceUrl } from "../src/archive/format/urls.js";
import { sourceUrlProblem } from "../src/rules/file-rules.js";
import { buildHostileArchive, HOSTILE } from "./hostile-corpus.js";
import { FIXTURES } from "./helpers.js";

/** What the full parser gives, as plain data. */
function reference(path: string, bytes: Buffer): unknown {
  return JSON.parse(JSON.stringify(scannedFromParsed(parseFile(path, bytes))));
}

function scanned(path: string, bytes: Buffer): unknown {
  return JSON.parse(JSON.stringify(scanBytes(path, bytes)));
}

function filesUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (e.isFile() && e.name.endsWith(".md")) out.push(rel);
    }
  };
  walk("news");
  return out;
}

const EVENT = "news/2013/01/21/an-event.md";
const DAY = "news/2013/01/21/index.md";

const LINES = [
  "### [2013-01-21](/news/2013/01/21/index.md)",
  "### [ 2013-01-21 ](/news/2013/01/21/index.md)",
  "## [2013-01-22](/news/2013/01/22/index.md)",
  "# French and Malian troops retake Diabaly. ",
  "#\tTab title",
  "#No space",
  "# ",
  "### Source:",
  "### Sources",
  "##related :",
  "###### CHANGES:",
  "### Related:",
  "### Changes:",
  "### Something else",
  "1. [BBC](http://www.bbc.co.uk/news/world-africa-21121262)",
  "2. [Cover Image](https://x.test/a.jpg)",
  "3. [ cover image ](htp//x.test/a.jpg)",
  "4. [Dup](http://www.bbc.co.uk/news/world-africa-21121262)",
  "1. [ Title ](/news/2013/01/14/a.md) _Context: Diabaly, France, Mali_",
  "2. [T](</news/2013/01/14/a b.md>) _Context: X_",
  "3. [T (film)](/news/2013/01/14/b_(film).md) _Context: _",
  "4. [T \\[x\\]](/news/2013/01/14/a.md \"title\") _context:a,,b_",
  "5. [T](/news/2013/01/14/./a.md?x=1#y) _Context: A_ trailing",
  "6. [T](/news/2013/01/14/%61.md) _Context: A_",
  "7. [T](../../14/a.md)",
  "8. [T](/news/../../etc/passwd) _Context: A_",
  "9. [T](https://example.org/x) _Context: A_",
  "10. [T](#frag)",
  "2. [T](/news/2013/01/21/t.md) _2017-08-25 03:37:18 (First version)_",
  "2. [T](/news/2013/01/21/an-event.md) _(Current version)_",
  "3) [T](/news/2013/01/21/an-event.md) _ 2017-08-25T03:37 ( update ) _",
  "- [T](/news/2013/01/21/other.md) _(current version)_",
  "   * [x](/news/2013/01/21/x.md)",
  "    1. [too deep](/news/2013/01/21/x.md)",
  "1. no link here",
  "1.[no space](/news/x.md)",
  "1. [unclosed](/news/x",
  "1. [a] (b)",
  "1. [a [b] c](/news/2013/01/21/index.md)",
  "1. [\u00e9t\u00e9 \u2028 x](/news/2013/01/21/\u00e9.md) _Context: \u00c9t\u00e9_",
  "1. [x](/news/2013/01/21/x.md\t)",
  "\u00a0# not a heading",
  "Summary text, with [a link](/news/2013/01/21/x.md).",
  "",
  "   ",
  "\t",
];
const FRONT = [
  ["---", 'contexts: ["Mali", "France"]', "---"],
  ["---", 'contexts: ["Mali", "France"]', 'recorded: "2017-08-25 03:37:18"', "---"],
  ["---", "contexts: []", "..."],
  ["---yaml", 'contexts: ["A"]', "---  "],
  ["---", "contexts: [Mali, 7]", "---"],
  ["---", 'contexts: ["\u00c9t\u00e9"]', "---"],
  ["---", 'True: "x"', "---"],
  ["---", 'a: "x"', 'a: "y"', "---"],
  ["---json", '{"contexts": ["A"]}', "---"],
  ["---js", "module.exports = {}", "---"],
  ["---", "recorded: 2017-08-25", "---"],
  ["---", "never closed"],
  ["--- ", 'contexts: ["A"]', "---"],
];

const line = fc.oneof(fc.constantFrom(...LINES), fc.string({ maxLength: 30 }), fc.string({ unit: "grapheme", maxLength: 12 }));
// Mostly what the fast path reads (LF, CRLF), sometimes what it leaves to the parser (a lone CR).
const eol = fc.oneof({ arbitrary: fc.constant("\n"), weight: 10 }, { arbitrary: fc.constant("\r\n"), weight: 3 }, { arbitrary: fc.constantFrom("", "\r"), weight: 1 });
const text = fc
  .tuple(
    fc.option(fc.constantFrom(...FRONT)),
    fc.array(fc.tuple(line, eol), { maxLength: 30 }),
    fc.oneof({ arbitrary: fc.constant(""), weight: 8 }, { arbitrary: fc.constantFrom("\uFEFF", "\0", "\xff"), weight: 1 }),
  )
  .map(([front, body, odd]) => {
    const fm = front ? front.join("\n") + "\n" : "";
    const joined = fm + body.map(([l, e]) => l + e).join("");
    return odd === "\xff" ? Buffer.concat([Buffer.from(joined), Buffer.from([0xff])]) : Buffer.from(odd + joined);
  });

describe("the fast path to the index", () => {
  it("gives what the full parser gives on every file of a generated archive, the fixtures and the hostile corpus", () => {
    const { files } = generateArchive({ events: 400, seed: 12 }) as { files: Map<string, string> };
    let fast = 0;
    for (const [path, content] of files) {
      const bytes = Buffer.from(content);
      if (fastScan(path, parseArchivePath(path), bytes)) fast++;
      expect(scanned(path, bytes), path).toEqual(reference(path, bytes));
    }
    expect(fast).toBe(files.size);
    for (const root of [join(FIXTURES, "archive"), join(FIXTURES, "validate", "seeded"), buildHostileArchive()]) {
      for (const path of filesUnder(root)) {
        if (path === HOSTILE.unreadable) continue;
        const bytes = readFileSync(join(root, path));
        expect(scanned(path, bytes), `${root} ${path}`).toEqual(reference(path, bytes));
      }
    }
  });

  it("lists links in the order of the text, a Changes list before Related included", () => {
    // Found by the property below: the parser groups links by section, the fast scan reads them in order.
    const bytes = Buffer.from("### Changes:\n3. [ cover image ](htp//x.test/a.jpg)\n### Related:\n1. [ Title ](/news/2013/01/14/a.md) _Context: Diabaly, France, Mali_\n");
    expect(fastScan(EVENT, parseArchivePath(EVENT), bytes)).not.toBeNull();
    expect(scanned(EVENT, bytes)).toEqual(reference(EVENT, bytes));
  });

  it("gives what the full parser gives on any text, as an event and as a day page", () => {
    let fast = 0;
    fc.assert(
      fc.property(text, (bytes) => {
        if (fastScan(EVENT, parseArchivePath(EVENT), bytes)) fast++;
        expect(scanned(EVENT, bytes)).toEqual(reference(EVENT, bytes));
        expect(scanned(DAY, bytes)).toEqual(reference(DAY, bytes));
      }),
      { numRuns: 3000 },
    );
    // Most texts must take the fast path, or this proves little about it.
    expect(fast).toBeGreaterThan(1000);
  });

  it("reads newsctl's own front matter as gray-matter does, and leaves anything else to it", () => {
    const tag = fc.oneof(fc.constantFrom("Mali", "Côte", "a b", "x-y", "1", "", "a\\b", 'q"', "#c", ": d"), fc.string({ maxLength: 6 }));
    const value = fc.oneof(
      tag.map((t) => JSON.stringify(t)),
      fc.array(tag, { maxLength: 4 }).map((ts) => `[${ts.map((t) => JSON.stringify(t)).join(", ")}]`),
      fc.constantFrom("[]", "[ ]", "2017-08-25", "yes", "~", "null", "[a, b]", '"x" # c', "'x'"),
    );
    const key = fc.oneof(fc.constantFrom("contexts", "recorded", "True", "null", "NULL", "a-b", "a_b", "constructor", "toString", "__proto__", "x"), fc.string({ maxLength: 5 }));
    const block = fc.array(fc.tuple(key, value), { minLength: 0, maxLength: 4 }).map((pairs) => pairs.map(([k, v]) => `${k}: ${v}`).join("\n"));
    fc.assert(
      fc.property(block, fc.constantFrom("", "yaml", "YML", "json"), (b, lang) => {
        const simple = parseSimpleFrontMatter(b, lang);
        if (simple) expect(simple).toEqual(parseWithGrayMatter(b, lang));
      }),
      { numRuns: 3000 },
    );
    expect(parseSimpleFrontMatter('contexts: ["Mali", "France"]\nrecorded: "2017-08-25 03:37:18"', "")).not.toBeNull();
  });

  it("passes a source URL only where URL itself does", () => {
    const label = fc.constantFrom("www", "bbc", "co", "uk", "xn--abc", "XN--p", "0x1f", "123", "a-b", "-", "ex_ample", "é");
    const url = fc
      .tuple(fc.constantFrom("http://", "https://", "HTTP://", "ftp://", "http:/", "//"), fc.array(label, { minLength: 0, maxLength: 4 }), fc.constantFrom("", "/", "/a b", "/x?y#z", ":8080/", ":99999", "?q", "#f", "/%zz", "\\x", "/<>"))
      .map(([scheme, labels, rest]) => scheme + labels.join(".") + rest);
    fc.assert(
      fc.property(fc.oneof(url, fc.string({ maxLength: 30 })), (u) => {
        expect(sourceUrlProblem(u)).toBe(checkSourceUrl(u));
      }),
      { numRuns: 5000 },
    );
  });
});

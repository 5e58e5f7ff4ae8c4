// The byte-level edits of a tag rename: `_Context: …_` lists and front
// matter `contexts:` in every form, each checked against the file it gives
// when parsed again.

import { describe, expect, it } from "vitest";
import { buildArchive } from "../src/archive/model.js";
import { parseFile } from "../src/archive/read/read-archive.js";
import { planRetag, RetagRefused } from "../src/archive/retag.js";
import { retagContextLine } from "../src/archive/format/tag-edit.js";
import { eventText } from "./tags-helpers.js";

const retag = (from: string[], to: string) => ({ from: new Set(from), to });

describe("a _Context: …_ list", () => {
  const LINK = "1. [Title](/news/2020/01/1/a.md) ";
  const edit = (tail: string, from: string[], to: string) => retagContextLine(LINK + tail, LINK.length - 1, retag(from, to));

  it.each([
    ["_Context: Mali, France_", ["Mali"], "Mali Republic", "_Context: Mali Republic, France_"],
    ["_Context:  Mali ,France_", ["Mali"], "mali", "_Context:  mali ,France_"],
    ["_Context: France, mali_", ["mali"], "Mali", "_Context: France, Mali_"],
    ["_Context: Mali, mali, France_", ["mali"], "Mali", "_Context: Mali, France_"],
    ["_Context: mali, Mali, France_", ["mali"], "Mali", "_Context: Mali, France_"],
    ["_Context: France, Mali, mali_", ["mali"], "Mali", "_Context: France, Mali_"],
    ["_Context: a, b, c_", ["a", "b"], "c", "_Context: c_"],
    ["_Context: a, b, c_", ["a", "c"], "z", "_Context: z, b_"],
    ["_context:Mali,,France_ and more", ["France"], "Chad", "_context:Mali,,Chad_ and more"],
    ["_Context: Côte d'Ivoire_", ["Côte d'Ivoire"], "Cote d'Ivoire", "_Context: Cote d'Ivoire_"],
  ])("%s, %j -> %s", (tail, from, to, expected) => {
    expect(edit(tail, from, to)).toBe(LINK + expected);
  });

  it("leaves a list without the tag, and a line without a list, alone (null)", () => {
    expect(edit("_Context: France_", ["Mali"], "X")).toBeNull();
    expect(edit("_2017-08-25 03:37:18 (Update)_", ["Mali"], "X")).toBeNull();
    expect(edit("_Context: Malian_", ["Mali"], "X")).toBeNull();
  });

  it("reads only the list after the link: a tag-like word in the title is not touched", () => {
    const line = "1. [Mali _Context: Mali_ hoax](/news/2020/01/1/a.md) _Context: Mali_";
    expect(retagContextLine(line, line.indexOf(")") + 1, retag(["Mali"], "Chad"))).toBe("1. [Mali _Context: Mali_ hoax](/news/2020/01/1/a.md) _Context: Chad_");
  });
});

/** One event file with this front matter, renamed; the new text (or the refusal). */
function renameIn(frontMatter: string[], from: string[], to: string, fence = ""): string {
  const path = "news/2020/01/1/event.md";
  const text = eventText({ date: "2020-01-01", slug: "event", frontMatter, fence });
  const archive = buildArchive("/nowhere", [parseFile(path, Buffer.from(text))]);
  const plan = planRetag(archive, from, to);
  expect(plan.writes.map((w) => w.path)).toEqual([path]);
  const content = plan.writes[0]!.content;
  const end = content.indexOf("\n---\n");
  // Nothing below the front matter moves.
  expect(content.slice(end)).toBe(text.slice(text.indexOf("\n---\n")));
  return content.slice(0, end + 5);
}

const fm = (...lines: string[]) => ["---", ...lines, "---", ""].join("\n");
const fmJson = (...lines: string[]) => ["---json", ...lines, "---", ""].join("\n");

describe("front matter contexts:", () => {
  it.each([
    ["a flow list, plain", ["contexts: [Mali, France]"], ["Mali"], "Côte d'Ivoire", fm("contexts: [Côte d'Ivoire, France]")],
    ["a flow list, double-quoted", [`contexts: ["Mali", France] # tags`], ["Mali"], 'Say "yes"', fm(`contexts: ["Say \\"yes\\"", France] # tags`)],
    ["a flow list, single-quoted", ["contexts: ['Mali']"], ["Mali"], "Côte d'Ivoire", fm("contexts: ['Côte d''Ivoire']")],
    ["a flow list over lines", ["contexts: [Mali,", "   France]", "recorded: x"], ["France"], "Chad", fm("contexts: [Mali,", "   Chad]", "recorded: x")],
    ["a block list with comments", ["contexts:", "  - Mali # the country", "  - 'France'"], ["France", "Mali"], "Sahel", fm("contexts:", "  - Sahel # the country")],
    ["a quoted key", [`"contexts": [Mali]`], ["Mali"], "Chad", fm(`"contexts": [Chad]`)],
    ["stray spaces inside quotes", [`contexts: [" Mali ", France]`], ["Mali"], "Chad", fm(`contexts: ["Chad", France]`)],
    ["a number", ["contexts: [2012, Mali]"], ["2012"], "Year 2012", fm("contexts: [Year 2012, Mali]")],
    ["a name YAML would read as a number", ["contexts: [Mali, France]"], ["Mali"], "1e3", fm(`contexts: ["1e3", France]`)],
    ["a name YAML would read as a boolean", ["contexts:", "  - Mali"], ["Mali"], "true", fm("contexts:", `  - "true"`)],
    ["a name YAML would read as a comment", ["contexts: [Mali]"], ["Mali"], "#1", fm(`contexts: ["#1"]`)],
    ["merged into a tag it has: the old item goes", ["contexts: [mali, Mali, France]"], ["mali"], "Mali", fm("contexts: [Mali, France]")],
    ["merged, last item", ["contexts: [Mali, France, mali]"], ["mali"], "Mali", fm("contexts: [Mali, France]")],
    ["merged, block list: the line goes", ["contexts:", "  - Mali", "  - mali  # lower", "other: 1"], ["mali"], "Mali", fm("contexts:", "  - Mali", "other: 1")],
    ["an alias: the key is written anew", ["base: &t [Mali, France]", "contexts: *t"], ["Mali"], "Chad", fm("base: &t [Mali, France]", `contexts: ["Chad", "France"]`)],
  ])("%s", (_name, lines, from, to, expected) => {
    expect(renameIn(lines, from, to)).toBe(expected);
  });

  it.each([
    ["one line", [`{"contexts": ["Mali", "France"], "recorded": "x"}`], ["Mali"], "Côte d'Ivoire", fmJson(`{"contexts": ["Côte d'Ivoire", "France"], "recorded": "x"}`)],
    ["merged, item alone on its line", ["{", `  "contexts": [`, `    "Mali",`, `    "mali",`, `    "France"`, "  ]", "}"], ["mali"], "Mali", fmJson("{", `  "contexts": [`, `    "Mali",`, `    "France"`, "  ]", "}")],
    ["merged, last item alone on its line", ["{", `  "contexts": [`, `    "Mali",`, `    "mali"`, "  ]", "}"], ["mali"], "Mali", fmJson("{", `  "contexts": [`, `    "Mali"`, "  ]", "}")],
  ])("JSON: %s", (_name, lines, from, to, expected) => {
    expect(renameIn(lines, from, to, "json")).toBe(expected);
  });

  it("keeps CRLF endings and a byte-order mark", () => {
    const path = "news/2020/01/1/event.md";
    const text = "\uFEFF" + eventText({ date: "2020-01-01", slug: "event", frontMatter: ["contexts:", "  - Mali"] }).replace(/\n/g, "\r\n");
    const plan = planRetag(buildArchive("/nowhere", [parseFile(path, Buffer.from(text))]), ["Mali"], "Chad");
    expect(plan.writes[0]!.content).toBe(text.replace("  - Mali\r\n", "  - Chad\r\n"));
  });

  it("refuses a file it cannot rename so that it reads back", () => {
    // A tag with a line separator inside survives neither the line scanner nor YAML as the same name.
    const path = "news/2020/01/1/event.md";
    const text = eventText({ date: "2020-01-01", slug: "event", related: [{ path: "news/2020/01/1/x.md", tail: "_Context: Mali_" }] });
    const archive = buildArchive("/nowhere", [parseFile(path, Buffer.from(text))]);
    expect(() => planRetag(archive, ["Mali"], "Ma\nli")).toThrow(RetagRefused);
  });
});

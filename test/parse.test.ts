import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildArchive } from "../src/archive/model.js";
import { parseFile, readArchive } from "../src/archive/read/read-archive.js";
import type { EventFile } from "../src/archive/types.js";
import { FIXTURE_ARCHIVE, SEED_PATH } from "./helpers.js";

function parseText(path: string, text: string) {
  return parseFile(path, Buffer.from(text, "utf8"));
}

function parseEventText(text: string, path = "news/2013/01/21/x.md"): EventFile {
  const f = parseText(path, text);
  if (f.kind !== "event") throw new Error(`expected an event, got ${f.kind}`);
  return f;
}

describe("the seed file", () => {
  const seed = parseEventText(readFileSync(join(FIXTURE_ARCHIVE, SEED_PATH), "utf8"), SEED_PATH);

  it("reads the date line, title and summary", () => {
    expect(seed.dateLine).toMatchObject({ date: "2013-01-21", line: 1, column: 5, target: { kind: "internal", path: "news/2013/01/21/index.md" } });
    expect(seed.title).toMatchObject({ text: "French and Malian troops retake Diabaly and Douentza as Islamist forces retreat. ", line: 3 });
    expect(seed.summary).toBe(
      "French and Malian troops seize the key Malian towns of Diabaly and Douentza from militant Islamists, the French defence minister says.",
    );
    expect(seed.notes).toEqual([]);
  });

  it("reads sources, with the Cover Image marked, whatever the list numbers say", () => {
    expect(seed.sources.map((s) => [s.text, s.isCover, s.line])).toEqual([
      ["BBC", false, 10],
      ["France 24", false, 11],
      ["Cover Image", true, 12],
    ]);
  });

  it("reads related items with their contexts and stray spaces", () => {
    expect(seed.related).toHaveLength(5);
    expect(seed.related[3]).toMatchObject({
      text: " Fourteen Sufi mausoleums in the city of Timbuktu in northern Mali have been rebuilt, three years after they were destroyed by Islamist militants from Ansar Dine group. ",
      contexts: ["Islamist", "Mali"],
      line: 19,
      column: 4,
    });
    expect(seed.related[1]!.target).toEqual({ kind: "internal", path: "news/2012/09/1/islamist-rebels-in-northern-mali-seize-the-central-town-of-douentza.md" });
  });

  it("reads the Changes list numbered 1. 2. 2. in line order", () => {
    expect(seed.changes.map((c) => [c.kind, c.timestamp, c.line])).toEqual([
      ["first", "2017-08-25 03:37:18", 24],
      ["update", "2017-08-27 03:37:28", 25],
      ["current", null, 26],
    ]);
  });
});

describe("quirks of real data", () => {
  const body = (extra = "") =>
    `### [2013-01-21](/news/2013/01/21/index.md)\n\n# Title \n\nSummary.\n\n### Source:\n\n1. [BBC](http://x.test/a)\n${extra}`;

  it("reads CRLF files and a byte-order mark", () => {
    const f = parseEventText("\uFEFF" + body().replace(/\n/g, "\r\n"));
    expect(f.doc.bom).toBe(true);
    expect(f.title?.text.trim()).toBe("Title");
    expect(f.sources[0]!.dest).toBe("http://x.test/a");
  });

  it("reads <...> destinations and destinations with balanced parentheses", () => {
    const f = parseEventText(
      body() + "\n### Related:\n\n1. [A](</news/2013/01/21/a b.md>) _Context: X_\n2. [B](/news/2013/01/21/b_(film).md) _Context: Y, Z_\n",
    );
    expect(f.related.map((r) => r.target)).toEqual([
      { kind: "internal", path: "news/2013/01/21/a b.md" },
      { kind: "internal", path: "news/2013/01/21/b_(film).md" },
    ]);
    expect(f.related[1]!.contexts).toEqual(["Y", "Z"]);
  });

  it("takes empty and missing sections", () => {
    const f = parseEventText(body() + "\n### Related:\n\n### Changes:\n");
    expect(f.related).toEqual([]);
    expect(f.changes).toEqual([]);
    expect(f.sections.related).toBeDefined();
    expect(f.notes).toEqual([]);
  });

  it("turns an empty file, a file with no title and bad front matter into notes, never a throw", () => {
    expect(parseEventText("").notes[0]).toMatchObject({ rule: "parse-error", line: 1 });
    expect(parseEventText("just words\n").notes[0]).toMatchObject({ rule: "parse-error", message: expect.stringContaining("no title") });
    expect(parseEventText("---js\nprocess.exit(9)\n---\n# T\n").notes[0]).toMatchObject({ rule: "parse-error" });
    expect(parseEventText("---\n- a\n- b\n---\n# T\n").notes[0]).toMatchObject({ rule: "parse-error", message: expect.stringContaining("mapping") });
    expect(parseEventText("---\ncontexts: [a\n# T\n").notes[0]).toMatchObject({ rule: "parse-error" });
    expect(parseFile("news/2013/01/21/x.md", Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a]))).toMatchObject({ kind: "unreadable" });
    expect(parseFile("news/2013/01/21/x.md", Buffer.from("# a\0b\n"))).toMatchObject({ kind: "unreadable" });
  });

  it("uses front matter contexts where present, keeping unknown keys", () => {
    const f = parseEventText("---\ncontexts: [Mali, France]\nsomething: else\n---\n" + body());
    expect(f.frontMatter?.data).toEqual({ contexts: ["Mali", "France"], something: "else" });
    expect(f.title?.line).toBe(7);
  });

  it("resolves links that climb out of the archive as outside", () => {
    const f = parseEventText(body("\n### Related:\n\n1. [x](/news/../../etc/passwd) _Context: A_\n2. [y](../../../../etc/hosts) _Context: A_\n"));
    expect(f.related.map((r) => r.target.kind)).toEqual(["outside", "outside"]);
  });
});

describe("the fixture archive model", () => {
  const archive = readArchive(FIXTURE_ARCHIVE);

  it("groups the seed's three versions into one event, current last", () => {
    const event = archive.eventOf.get(SEED_PATH)!;
    expect(event.current.path).toBe(SEED_PATH);
    expect(event.versions.map((v) => v.path.split("/").pop())).toEqual([
      "northern-mali-conflict-pfrench-and-malian-troops-retake-diabaly-and-douentza-as-islamist-forces-retreat.md",
      "northern-mali-conflict-french-and-malian-troops-retake-diabaly-and-douentza-as-islamist-forces-retreat.md",
      "french-and-malian-troops-retake-diabaly-and-douentza-as-islamist-forces-retreat.md",
    ]);
    expect(event.contexts).toEqual(["Diabaly", "Douentza", "France", "Islamist", "Mali"]);
  });

  it("indexes days (unpadded folders included) and inbound links", () => {
    expect(archive.days.get("2012-09-01")?.dirs).toEqual(["news/2012/09/1"]);
    expect(archive.events).toHaveLength(6);
    const inbound = archive.inbound.get(SEED_PATH)!.map((l) => l.via).sort();
    expect(inbound).toContain("day");
    expect(inbound.filter((v) => v === "related").length).toBe(3);
    expect(inbound.filter((v) => v === "changes").length).toBe(3);
  });

  it("prefers front matter contexts over Related contexts", () => {
    const path = "news/2016/12/30/mali-returns-two-people-france-deported-on-the-same-planes-they-arrived-on.md";
    expect(archive.eventOf.get(path)?.contexts).toEqual(["Deportation", "France", "Mali"]);
  });
});

describe("which version is current", () => {
  const DIR = "news/2014/05/6";
  const file = (slug: string, list: [string, string][]) =>
    parseEventText(
      `# ${slug}\n\nText.\n\n### Changes:\n\n` + list.map(([s, kind], i) => `${i + 1}. [${s}](/${DIR}/${s}.md) _${kind === "Current version" ? "" : "2014-05-06 10:00:00 "}(${kind})_\n`).join(""),
      `${DIR}/${slug}.md`,
    );

  it("is the one whose own list marks it current, however many stale lists name another", () => {
    // Three old versions still carry a list that names b current; b and c carry the list that names c.
    const stale: [string, string][] = [["a1", "First version"], ["b", "Current version"]];
    const fresh: [string, string][] = [["a1", "First version"], ["a2", "Update"], ["a3", "Update"], ["b", "Update"], ["c", "Current version"]];
    const files = [file("a1", stale), file("a2", stale), file("a3", stale), file("b", fresh), file("c", fresh)];
    const archive = buildArchive("/nowhere", files);
    const event = archive.eventOf.get(`${DIR}/a1.md`)!;
    expect(event.versions).toHaveLength(5);
    expect(event.current.path).toBe(`${DIR}/c.md`);
  });
});

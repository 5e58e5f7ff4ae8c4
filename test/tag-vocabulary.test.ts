// One tag vocabulary: front matter `contexts:` and the Related items'
// `_Context: …_` lists, counted by the files that use each spelling, for
// add's and revise's flags and prompts alike.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readArchive } from "../src/archive/read/read-archive.js";
import { readTagVocabulary } from "../src/archive/read/tag-scan.js";
import { archiveVocabulary, spellTags } from "../src/archive/tags.js";
import { FIXTURE_ARCHIVE, readText, runCli, runMain, SEED_PATH, tempArchive } from "./helpers.js";
import { assertSeeded } from "./seeded.js";

const NOW = { now: () => new Date("2026-01-02T03:04:05Z") };

/** A minimal event on 2020-03-0N with front matter tags and Related context lists. */
function eventWith(n: number, fm: string[] | null, contexts: string[][]): [string, string] {
  const path = `news/2020/03/${n}/e${n}.md`;
  // Odd days write the tags as a flow list, even days as a block list (a line per tag, no "contexts" on it).
  const list = n % 2 ? ` [${(fm ?? []).map((t) => JSON.stringify(t)).join(", ")}]` : (fm ?? []).map((t) => `\n  - ${JSON.stringify(t)}`).join("") || " []";
  const front = fm ? `---\ncontexts:${list}\n---\n` : "";
  const related = contexts.map((c, i) => `${i + 1}. [R](/news/2020/01/1/r${i}.md) _Context: ${c.join(", ")}_`).join("\n");
  return [path, `${front}### [2020-03-0${n}](/news/2020/03/${n}/index.md)\n\n# E${n} mali Mali MALI.\n\nSummary names mali.\n\n### Source:\n\n1. [B](https://b.test/${n})\n\n### Related:\n\n${related}\n\n### Changes:\n\n1. [E${n}](/${path}) _(Current version)_\n`];
}

const archiveOf = (events: [string, string][]) => tempArchive({ from: null, files: Object.fromEntries(events) });

describe("the archive's tags", () => {
  it("are the front matter contexts and the Related context lists: add --tag islamist on the bundled archive writes Islamist", async () => {
    const r = await runCli(["add", "--archive", FIXTURE_ARCHIVE, "--yes", "--dry-run", "--date", "2013-02-01", "--title", "T", "--summary", "S.", "--source", "B=https://b.test", "--tag", "islamist", "--tag", "deportation", "--tag", "gao airport"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`contexts: ["Deportation", "gao airport", "Islamist"]`);
  });

  it("count each file once per spelling; the most used spelling wins, a tie goes to the one seen first", () => {
    const root = archiveOf([
      eventWith(1, ["mali"], [["MALI"]]),
      eventWith(2, null, [["Mali", "Gao"], ["Mali"]]),
      eventWith(3, ["Mali", "gao"], []),
      eventWith(4, null, [["GAO"]]),
    ]);
    const vocabulary = archiveVocabulary(readArchive(root));
    // Mali: "Mali" in 2 files, "mali" and "MALI" in 1 each. Gao: "Gao", "gao", "GAO" once each: the first seen (e2) wins.
    expect(vocabulary).toEqual([
      { tag: "Gao", count: 3 },
      { tag: "Mali", count: 3 },
    ]);
    expect(spellTags(["MALI", " gao ", "new"], vocabulary)).toEqual(["Mali", "Gao", "new"]);
    expect(spellTags(["mali", "GAO"], vocabulary, ["mali"])).toEqual(["mali", "Gao"]);
  });

  it("a tag named only in titles and summaries is no tag of the archive", () => {
    const root = archiveOf([eventWith(1, null, [["Gao"]])]);
    expect(readTagVocabulary(root, ["mali", "gao"])).toEqual([{ tag: "Gao", count: 1 }]);
  });

  it("read without parsing the archive are the same as read from the whole archive", () => {
    const spelling = fc.constantFrom("Mali", "mali", "MALI", "Gao", "gao", "Élection", "élection", "東京");
    const file = fc.tuple(fc.option(fc.array(spelling, { maxLength: 3 }), { nil: null }), fc.array(fc.array(spelling, { minLength: 1, maxLength: 3 }), { maxLength: 3 }));
    assertSeeded(
      fc.property(fc.array(file, { minLength: 1, maxLength: 6 }), (files) => {
        const root = archiveOf(files.map(([fm, ctx], i) => eventWith(i + 1, fm, ctx)));
        const whole = archiveVocabulary(readArchive(root));
        const asked = ["mali", "GAO", "élection", "東京", "absent"];
        const wanted = new Set(asked.map((t) => t.toLowerCase()));
        expect(readTagVocabulary(root, asked)).toEqual(whole.filter((v) => wanted.has(v.tag.toLowerCase())));
      }),
      25,
    );
  });
});

describe("revise --tag", () => {
  it("spells a tag as the archive does, and keeps one the event already spells its own way", async () => {
    const root = tempArchive();
    const r = await runMain(["revise", SEED_PATH, "--tag", "islamist", "--tag", "deportation", "--tag", "MALI", "--yes", "--archive", root], NOW);
    expect(r.code, r.stderr).toBe(0);
    expect(readText(root, r.stdout.trim())).toContain(`contexts: ["Deportation", "Islamist", "Mali"]`);
  });

  it("keeps a tag the event already spells its own way, and spells a new one as the archive does", async () => {
    const events = [eventWith(1, ["mali"], []), eventWith(2, ["Mali", "Gao"], []), eventWith(3, ["Mali"], [])];
    const root = archiveOf(events);
    const r = await runMain(["revise", events[0]![0], "--tag", "mali", "--tag", "gao", "--yes", "--archive", root], NOW);
    expect(r.code, r.stderr).toBe(0);
    expect(readText(root, r.stdout.trim())).toContain(`contexts: ["Gao", "mali"]`);
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readArchive } from "../src/archive/read/read-archive.js";
import { currentValues, planRevision } from "../src/archive/revision.js";
import { loadForRevision } from "../src/commands/revise/load.js";
// @ts-expect-error: plain JS module
import { generateArchive, writeArchive } from "../bench/generate.mjs";
import { changedPaths, FIXTURE_ARCHIVE, hashTree, readText, runCli, runMain, SEED_PATH, tempArchive, tempDir } from "./helpers.js";
import { expectSound } from "./revise-helpers.js";

const NOW = new Date("2026-01-02T03:04:05Z");
const at = { now: () => NOW };
const DAY = "news/2013/01/21";
const V1 = `${DAY}/northern-mali-conflict-pfrench-and-malian-troops-retake-diabaly-and-douentza-as-islamist-forces-retreat.md`;
const V2 = `${DAY}/northern-mali-conflict-french-and-malian-troops-retake-diabaly-and-douentza-as-islamist-forces-retreat.md`;
const NEW_TITLE = "French and Malian troops retake Diabaly, Douentza and Gao";
const NEW_PATH = `${DAY}/french-and-malian-troops-retake-diabaly-douentza-and-gao.md`;
const LINKERS = [
  "news/2013/01/14/islamists-rebels-capture-the-malian-town-of-diabaly-after-fierce-fighting-with-government-troops-as-french-airplanes-strike-targets-in-gao.md",
  "news/2013/04/29/a-sixth-french-soldier-is-killed-in-mali-when-his-vehicle-struck-a-roadside-bomb-seriously-injuring-two-more.md",
  "news/2016/12/30/mali-returns-two-people-france-deported-on-the-same-planes-they-arrived-on.md",
];

const fixture = (path: string) => readFileSync(join(FIXTURE_ARCHIVE, path), "utf8");
const link = (title: string, path: string) => `[${title}](/${path})`;

describe("newsctl revise on the seed event", () => {
  it("writes the new version and updates every file named in the issue, byte for byte", async () => {
    const root = tempArchive();
    const before = hashTree(root);
    const r = await runMain(["revise", "french-and-malian", "--title", NEW_TITLE, "--add-source", "Reuters=https://www.reuters.com/x", "--yes", "--archive", root], at);
    expect(r.stderr).toMatch(/has no recorded: time .* uses the revise time 2026-01-02 03:04:05/);
    expect([r.code, r.stdout]).toEqual([0, NEW_PATH + "\n"]);
    expect(changedPaths(before, hashTree(root))).toEqual([...LINKERS.slice(0, 2), SEED_PATH, `${DAY}/french-and-malian-troops-retake-diabaly-douentza-and-gao.md`, `${DAY}/index.md`, V2, V1, LINKERS[2]].sort());

    const oldCurrent = `2. ${link("French and Malian troops retake Diabaly and Douentza as Islamist forces retreat. ", SEED_PATH)} _(Current version)_`;
    const stamped = `2. ${link("French and Malian troops retake Diabaly and Douentza as Islamist forces retreat. ", SEED_PATH)} _2026-01-02 03:04:05 (Update)_`;
    const added = `4. ${link(NEW_TITLE, NEW_PATH)} _(Current version)_`;
    for (const v of [V1, V2, SEED_PATH]) {
      expect(readText(root, v), v).toBe(fixture(v).replace(oldCurrent + "\n", `${stamped}\n${added}\n`));
    }
    const seed = fixture(SEED_PATH);
    const expected =
      '---\nrecorded: "2026-01-02 03:04:05"\n---\n' +
      seed
        .replace("# French and Malian troops retake Diabaly and Douentza as Islamist forces retreat. \n", `# ${NEW_TITLE}\n`)
        .replace("2. [Cover Image]", "3. [Reuters](https://www.reuters.com/x)\n4. [Cover Image]")
        .replace(oldCurrent + "\n", `${stamped}\n${added}\n`);
    expect(readText(root, NEW_PATH)).toBe(expected);
    expect(readText(root, `${DAY}/index.md`)).toBe(`# 2013-01-21\n\n1. ${link(NEW_TITLE, NEW_PATH)}\n`);
    const oldLink = link("French and Malian troops retake Diabaly and Douentza as Islamist forces retreat. ", SEED_PATH);
    for (const p of LINKERS) {
      const text = fixture(p);
      expect(text).toContain(oldLink);
      expect(readText(root, p), p).toBe(text.replace(oldLink, link(NEW_TITLE, NEW_PATH)));
    }
    expectSound(readArchive(root), NEW_PATH);
  });

  it("gives a summary-only revision a suffixed slug, repoints without touching link texts, and takes the time from front matter next", async () => {
    const root = tempArchive();
    const first = await runMain(["revise", SEED_PATH, "--summary", "New summary.\n\nSecond paragraph.", "--yes", "--archive", root], at);
    const path = `${DAY}/french-and-malian-troops-retake-diabaly-and-douentza-as-islamist-forces-retreat-2.md`;
    expect([first.code, first.stdout]).toEqual([0, path + "\n"]);
    const lines = readText(root, path).split("\n");
    expect(lines.slice(0, 9)).toEqual([
      "---",
      'recorded: "2026-01-02 03:04:05"',
      "---",
      "### [2013-01-21](/news/2013/01/21/index.md)",
      "",
      "# French and Malian troops retake Diabaly and Douentza as Islamist forces retreat. ",
      "",
      "New summary.",
      "",
    ]);
    expect(lines[9]).toBe("Second paragraph.");
    expect(readText(root, LINKERS[2]!)).toContain(`[French and Malian troops retake Diabaly and Douentza as Islamist forces retreat. ](/${path}) _Context: France, Mali_`);

    // The new version has recorded: so its own stamp comes from there, not the clock.
    const later = { now: () => new Date("2026-05-06T07:08:09Z") };
    const second = await runMain(["revise", path, "--title", "Third take", "--yes", "--format", "json", "--archive", root], later);
    expect(second.code).toBe(0);
    const result = JSON.parse(second.stdout);
    expect(result).toMatchObject({ path: `${DAY}/third-take.md`, previous: path, previousRecorded: "2026-01-02 03:04:05", previousRecordedFrom: "front-matter", recorded: "2026-05-06 07:08:09", dryRun: false });
    expect(result.repointed).toEqual([...LINKERS].sort());
    expect(readText(root, `${DAY}/third-take.md`)).toContain(`(/${path}) _2026-01-02 03:04:05 (Update)_\n5. [Third take](/${DAY}/third-take.md) _(Current version)_\n`);
    expectSound(readArchive(root), `${DAY}/third-take.md`);
    const history = JSON.parse((await runMain(["history", "third-take", "--format", "json", "--archive", root])).stdout);
    expect(history.map((h: { kind: string; recorded: string | null }) => [h.kind, h.recorded])).toEqual([
      ["first", "2017-08-25 03:37:18"],
      ["update", "2017-08-27 03:37:28"],
      ["update", "2026-01-02 03:04:05"],
      ["update", "2026-01-02 03:04:05"],
      ["current", "2026-05-06 07:08:09"],
    ]);
    // versions: every version, oldest first, the new one last: the order history gives.
    expect(result.versions).toHaveLength(5);
    expect(result.versions).toEqual(history.map((h: { path: string }) => h.path));
    expect(result.versions.slice(-2)).toEqual([path, `${DAY}/third-take.md`]);
  });

  it("lists every version in --format json, the new one included, also with --dry-run", async () => {
    const root = tempArchive();
    const OLDER = [
      `${DAY}/northern-mali-conflict-pfrench-and-malian-troops-retake-diabaly-and-douentza-as-islamist-forces-retreat.md`,
      `${DAY}/northern-mali-conflict-french-and-malian-troops-retake-diabaly-and-douentza-as-islamist-forces-retreat.md`,
    ];
    const expected = [...OLDER, SEED_PATH, `${DAY}/a-new-title.md`];
    const dry = await runCli(["revise", "french-and-malian", "--title", "A new title", "--dry-run", "--format", "json", "--archive", root], { env: { NEWSCTL_NOW: "2026-01-02T03:04:05Z" } });
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout).versions).toEqual(expected);
    const real = await runCli(["revise", "french-and-malian", "--title", "A new title", "--yes", "--format", "json", "--archive", root], { env: { NEWSCTL_NOW: "2026-01-02T03:04:05Z" } });
    expect(real.code, real.stderr).toBe(0);
    expect(JSON.parse(real.stdout).versions).toEqual(expected);
  });

  it("replaces tags in front matter, keeping keys it does not know", async () => {
    const root = tempArchive();
    const p = LINKERS[2]!;
    const r = await runMain(["revise", p, "--tag", "Mali", "--tag", "Deportation", "--yes", "--archive", root], at);
    expect(r.code, r.stderr).toBe(0);
    const text = readText(root, r.stdout.trim());
    expect(text.startsWith('---\ncontexts: ["Deportation", "Mali"]\nrecorded: "2026-01-02 03:04:05"\n---\n### [2016-12-30]')).toBe(true);
    // Its only Changes item becomes the first version, stamped from its front matter.
    expect(readText(root, p)).toContain("(/news/2016/12/30/mali-returns-two-people-france-deported-on-the-same-planes-they-arrived-on.md) _2017-08-25 03:40:02 (First version)_\n2. [");
    expectSound(readArchive(root), r.stdout.trim());
  });
});

describe("reading only what a revision touches", () => {
  it("plans exactly what a full read of the archive plans, on a generated archive", () => {
    const root = tempDir();
    writeArchive(root, generateArchive({ events: 200, seed: 11 }).files);
    const full = readArchive(root);
    let compared = 0;
    for (const event of full.events.filter((_, i) => i % 10 === 0)) {
      if (!event.current.title) continue;
      const request = { ...currentValues(event), title: `Retitled ${compared}` };
      const expected = planRevision(full, event, request, NOW);
      const loaded = loadForRevision(root, event.current.path, root);
      expect(loaded.event.current.path).toBe(event.current.path);
      const got = planRevision(loaded.archive, loaded.event, request, NOW);
      expect(got.writes, event.current.path).toEqual(expected.writes);
      compared++;
    }
    expect(compared).toBeGreaterThan(15);
  });
});

describe("the new version changes only its own lines", () => {
  it("replaces sources and tags, keeps unknown front matter and a missing final newline", async () => {
    const path = "news/2020/01/2/t.md";
    const text = [
      "---",
      "desk: Africa",
      "contexts:",
      "  - A",
      "# a comment",
      "recorded: 2019-01-01 10:00:00",
      "other: [1, 2]",
      "---",
      "### [2020-01-02](/news/2020/01/2/index.md)",
      "",
      "# T",
      "",
      "S",
      "",
      "### Source:",
      "",
      "1. [A](http://a.test)",
      "1. [B](http://b.test)",
      "1. [Cover Image](http://c.test/x.jpg)",
      "",
      "### Changes:",
      "",
      `1. [T](/${path}) _(Current version)_`,
    ].join("\n");
    const root = tempArchive({ from: null, files: { [path]: text } });
    const r = await runMain(["revise", "t", "--source", "B=http://b.test", "--source", "D=http://d.test", "--tag", "X", "--yes", "--archive", root], at);
    expect([r.code, r.stdout], r.stderr).toEqual([0, "news/2020/01/2/t-2.md\n"]);
    const lines = text.split("\n");
    lines.splice(2, 2, 'contexts: ["X"]');
    lines.splice(lines.indexOf("recorded: 2019-01-01 10:00:00"), 1, 'recorded: "2026-01-02 03:04:05"');
    // The Cover Image keeps its place, so it keeps its bytes, old number and all.
    lines.splice(lines.indexOf("1. [A](http://a.test)"), 2, "1. [B](http://b.test)", "2. [D](http://d.test)");
    lines.splice(-1, 1, `1. [T](/${path}) _2019-01-01 10:00:00 (First version)_`, "2. [T](/news/2020/01/2/t-2.md) _(Current version)_");
    expect(readText(root, "news/2020/01/2/t-2.md")).toBe(lines.join("\n"));
    expect(readText(root, path)).toBe(text.replace(`_(Current version)_`, `_2019-01-01 10:00:00 (First version)_\n2. [T](/news/2020/01/2/t-2.md) _(Current version)_`));
  });
});

import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readArchive } from "../src/archive/read/read-archive.js";
import type { EventFile } from "../src/archive/types.js";
import { baseline, expectConsistentAdd } from "./add-check.js";
import { changedPaths, hashTree, readText, runCli, runMain, SEED_PATH, tempArchive, tempDir, writeFile } from "./helpers.js";

const MALI_2016 = "news/2016/12/30/mali-returns-two-people-france-deported-on-the-same-planes-they-arrived-on.md";
const GAO_2013 =
  "news/2013/01/14/islamists-rebels-capture-the-malian-town-of-diabaly-after-fierce-fighting-with-government-troops-as-french-airplanes-strike-targets-in-gao.md";
const SOLDIER_2013 = "news/2013/04/29/a-sixth-french-soldier-is-killed-in-mali-when-his-vehicle-struck-a-roadside-bomb-seriously-injuring-two-more.md";

/** Every required field, for the cases about something else. */
function required(title = "French troops enter Gao", date = "2013-02-01"): string[] {
  return ["--date", date, "--title", title, "--summary", "French forces take the airport of Gao.", "--source", "BBC=https://www.bbc.co.uk/news/gao"];
}

async function add(root: string, args: string[], spawned = false) {
  const all = ["add", "--archive", root, "--yes", ...args];
  return spawned ? runCli(all) : runMain(all);
}

describe("newsctl add by flags", () => {
  it("takes every flag and writes the event, its day page and backlinks", async () => {
    const root = tempArchive();
    const before = baseline(root);
    const hashes = hashTree(root);
    const result = await runCli([
      "add", "--archive", root, "--yes", "--format", "json",
      "--date", "2013-02-01",
      "--title", "French troops enter Gao",
      "--summary", "French forces take the airport of Gao.\n\nMalian troops follow.",
      "--source", "BBC=https://www.bbc.co.uk/news/gao",
      "--source", "France 24=https://www.france24.com/en/gao?a=b=c",
      "--cover", "https://example.org/gao.jpg",
      "--tag", "mali", "--tag", "France", "--tag", "Gao",
      "--related", SEED_PATH,
      "--suggest-related", "1",
      "--backlink",
    ]);
    expect(result.code, result.stderr).toBe(0);
    const item = JSON.parse(result.stdout);
    const path = "news/2013/02/1/french-troops-enter-gao.md";
    expect(item).toEqual({
      date: "2013-02-01",
      title: "French troops enter Gao",
      path,
      summary: "French forces take the airport of Gao.\n\nMalian troops follow.",
      contexts: ["France", "Gao", "Mali"],
      sources: [
        { name: "BBC", url: "https://www.bbc.co.uk/news/gao" },
        { name: "France 24", url: "https://www.france24.com/en/gao?a=b=c" },
      ],
      cover: "https://example.org/gao.jpg",
      related: [
        { title: "French and Malian troops retake Diabaly and Douentza as Islamist forces retreat.", path: SEED_PATH, contexts: ["France", "Mali"] },
        { title: expect.stringMatching(/^Islamists rebels capture/), path: GAO_2013, contexts: ["France", "Mali"] },
      ],
      versions: 1,
      current: true,
    });
    expect(changedPaths(hashes, hashTree(root))).toEqual([GAO_2013, SEED_PATH, "news/2013/02/1/index.md", path].sort());
    const event = expectConsistentAdd(root, path, before);
    expect(event.frontMatter?.data).toEqual({ contexts: ["France", "Gao", "Mali"], recorded: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) });
    expect(readText(root, "news/2013/02/1/index.md")).toBe(`# 2013-02-01\n\n1. [French troops enter Gao](/${path})\n`);
    // The JSON is what `list --format json` says of the same file.
    const listed = await runMain(["list", "--date", "2013-02-01", "--format", "json", "--archive", root]);
    expect(JSON.parse(listed.stdout)).toEqual([item]);
  });

  it("prints the archive path and writes the seed's shape, the recorded time from the clock", async () => {
    const root = tempArchive();
    const now = () => new Date("2026-03-04T05:06:07Z");
    const result = await runMain(["add", "--archive", root, "--yes", ...required("Gao airport falls", "2013-01-21"), "--tag", "Gao"], { now });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe("news/2013/01/21/gao-airport-falls.md\n");
    expect(readText(root, "news/2013/01/21/gao-airport-falls.md")).toBe(
      [
        "---",
        'contexts: ["Gao"]',
        'recorded: "2026-03-04 05:06:07"',
        "---",
        "### [2013-01-21](/news/2013/01/21/index.md)",
        "",
        "# Gao airport falls",
        "",
        "French forces take the airport of Gao.",
        "",
        "",
        "### Source:",
        "",
        "1. [BBC](https://www.bbc.co.uk/news/gao)",
        "",
        "### Related:",
        "",
        "### Changes:",
        "",
        "1. [Gao airport falls](/news/2013/01/21/gao-airport-falls.md) _(Current version)_",
        "",
      ].join("\n"),
    );
    // The existing day page gains one line; nothing else in it moves.
    expect(readText(root, "news/2013/01/21/index.md").split("\n")).toEqual([
      "# 2013-01-21",
      "",
      `1. [French and Malian troops retake Diabaly and Douentza as Islamist forces retreat. ](/${SEED_PATH})`,
      "2. [Gao airport falls](/news/2013/01/21/gao-airport-falls.md)",
      "",
    ]);
  });

  it("defaults the date to today, on the user's calendar", async () => {
    const root = tempArchive();
    const now = () => new Date(2024, 1, 29, 12, 0, 0);
    const args = ["add", "--archive", root, "--yes", "--title", "Leap day", "--summary", "S.", "--source", "BBC=https://bbc.co.uk/a"];
    const result = await runMain(args, { now });
    expect(result.stdout).toBe("news/2024/02/29/leap-day.md\n");
  });

  it("suggests related events by most shared tags, then closest in date", async () => {
    const root = tempArchive();
    const result = await add(root, [...required(), "--tag", "Islamist", "--tag", "Mali", "--tag", "France", "--suggest-related", "3", "--format", "json"]);
    expect(result.code, result.stderr).toBe(0);
    const item = JSON.parse(result.stdout);
    expect(item.related.map((r: { path: string }) => r.path)).toEqual([SEED_PATH, GAO_2013, SOLDIER_2013]);
    expect(item.related.map((r: { contexts: string[] }) => r.contexts)).toEqual([
      ["France", "Islamist", "Mali"],
      ["France", "Islamist", "Mali"],
      ["France", "Mali"],
    ]);
  });

  it("--dry-run prints the file and writes nothing", async () => {
    const root = tempArchive();
    const hashes = hashTree(root);
    const result = await add(root, [...required(), "--related", MALI_2016, "--backlink", "--dry-run"], true);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^---\ncontexts: \[\]\nrecorded: "[^"]+"\n---\n### \[2013-02-01\]\(\/news\/2013\/02\/1\/index\.md\)\n\n# French troops enter Gao\n/);
    expect(result.stdout).toContain(`1. [Mali returns two people France deported on the same planes they arrived on.](/${MALI_2016}) _Context: _`);
    expect(result.stderr).toContain("dry run, nothing written");
    expect(result.stderr).toContain(`${MALI_2016} (backlink`);
    expect(changedPaths(hashes, hashTree(root))).toEqual([]);
  });

  it("without a terminal and without --yes, exits 2 naming the missing fields, never reading stdin", async () => {
    const root = tempArchive();
    const hashes = hashTree(root);
    const missing = await runCli(["add", "--archive", root, "--title", "T"], { input: "2013-01-01\n", timeoutMs: 10_000 });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("newsctl add: no terminal to prompt on: missing --summary, --source; give every field as a flag and pass --yes\n");
    const complete = await runCli(["add", "--archive", root, ...required()], { timeoutMs: 10_000 });
    expect(complete.code).toBe(2);
    expect(complete.stderr).toMatch(/no terminal to confirm on: pass --yes/);
    expect(changedPaths(hashes, hashTree(root))).toEqual([]);
  });

  it("with --yes and a required field missing, exits 2 naming it", async () => {
    const root = tempArchive();
    const result = await add(root, ["--title", "T", "--source", "BBC=https://bbc.co.uk/a"], true);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("newsctl add: missing --summary: required when adding without prompts\n");
  });

  it.each([
    [["--source", "BBC"], /--source takes NAME=URL, not "BBC"/],
    [["--source", "BBC=ftp://bbc.co.uk/a"], /--source "BBC=ftp:\/\/bbc.co.uk\/a": not http\(s\) \(ftp:\)/],
    [["--source", "BBC=/news/a"], /not an absolute URL/],
    [["--source", "Cover Image=https://a.org/x.jpg"], /"Cover Image" is the event's picture, not a source \(add takes it as --cover/],
    [["--cover", "example.org/x.jpg"], /--cover "example.org\/x.jpg": not an absolute URL/],
    [["--cover", "https://a.org/x y.jpg"], /--cover "https:\/\/a.org\/x y.jpg": U\+0020 \(SPACE\) cannot be written in a URL \(write a space as %20\)/],
    [["--tag", "Mali, France"], /--tag "Mali, France": a tag cannot hold a comma/],
    [["--tag", "snake_case"], /underscore/],
    [["--summary", "Fine.\n## Not a heading"], /--summary: summary line 2 \("## Not a heading"\) would read as a heading/],
    [["--title", "   "], /--title "   ": a title cannot be empty/],
    [["--date", "2013-02-30"], /--date "2013-02-30" is not a calendar date/],
    [["--related", "news/2013/01/21/nope.md"], /--related news\/2013\/01\/21\/nope.md: no event file there/],
    [["--related", "../etc/passwd"], /--related \.\.\/etc\/passwd: no event file/],
    [["--suggest-related", "many"], /--suggest-related takes a whole number/],
    [["--format", "yaml"], /^newsctl add: --format "yaml" is not one of text, json; see newsctl add --help\n$/],
  ])("refuses %j with exit 2 and one line", async (extra, message) => {
    const root = tempArchive();
    const hashes = hashTree(root);
    const result = await add(root, [...required(), ...extra]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(changedPaths(hashes, hashTree(root))).toEqual([]);
  });

  it("accepts a related event by a superseded version or a padded path, and relates its current version", async () => {
    const root = tempArchive();
    const old = "news/2013/01/21/northern-mali-conflict-pfrench-and-malian-troops-retake-diabaly-and-douentza-as-islamist-forces-retreat.md";
    const result = await add(root, [...required(), "--tag", "Mali", "--related", "/" + old, "--related", "news/2012/09/01/islamist-rebels-in-northern-mali-seize-the-central-town-of-douentza.md", "--format", "json"]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).related.map((r: { path: string }) => r.path)).toEqual([
      SEED_PATH,
      "news/2012/09/1/islamist-rebels-in-northern-mali-seize-the-central-town-of-douentza.md",
    ]);
  });
});

describe("slugs", () => {
  it("gives non-Latin titles a readable, unique slug", async () => {
    const root = tempArchive();
    const before = baseline(root);
    const paths: string[] = [];
    for (const title of ["北京举行会议", "الحكومة تعلن", "北京举行会议", "Путин в Мали 2013"]) {
      const result = await add(root, [...required(title)]);
      expect(result.code, result.stderr).toBe(0);
      paths.push(result.stdout.trim());
    }
    expect(paths[0]).toMatch(/^news\/2013\/02\/1\/event-[0-9a-f]{8}\.md$/);
    expect(paths[1]).toMatch(/^news\/2013\/02\/1\/event-[0-9a-f]{8}\.md$/);
    expect(paths[1]).not.toBe(paths[0]);
    expect(paths[2]).toBe(paths[0]!.replace(/\.md$/, "-2.md"));
    expect(paths[3]).toBe("news/2013/02/1/2013.md");
    for (const path of paths) expectConsistentAdd(root, path, before);
    expect(readArchive(root).days.get("2013-02-01")!.page!.entries).toHaveLength(4);
  });

  it("never overwrites: a clash gets a suffix, long titles are cut at 140 characters", async () => {
    const root = tempArchive();
    const long = "A".repeat(150);
    writeFile(root, "news/2013/02/1/same-title.md", "not an event, but taken\n");
    const first = await add(root, required("Same title"));
    const second = await add(root, required("Same title!"));
    const third = await add(root, required(long));
    const index = await add(root, required("Index"));
    expect([first.stdout, second.stdout, third.stdout, index.stdout]).toEqual([
      "news/2013/02/1/same-title-2.md\n",
      "news/2013/02/1/same-title-3.md\n",
      `news/2013/02/1/${"a".repeat(140)}.md\n`,
      "news/2013/02/1/index-event.md\n",
    ]);
    expect(readText(root, "news/2013/02/1/same-title.md")).toBe("not an event, but taken\n");
    expect(second.stderr).toMatch(/warning: news\/2013\/02\/1\/same-title-2\.md has a near-identical title on 2013-02-01; added as a separate event/);
    // A dry run wrote nothing: it says what a real run would do.
    const dry = await add(root, [...required("Same title"), "--dry-run"]);
    expect(dry.stderr).toMatch(/near-identical title on 2013-02-01; it would be added as a separate event \(to change that one instead/);
    expect(dry.stderr).not.toMatch(/; added as/);
  });
});

describe("day folders", () => {
  it("follows the archive: an existing folder wins, else padded only when the archive pads", async () => {
    const padded = tempArchive({ from: null, files: { "news/2012/09/01/index.md": "# 2012-09-01\n", "news/2012/10/05/index.md": "# 2012-10-05\n" } });
    expect((await add(padded, required("A", "2013-03-07"))).stdout).toBe("news/2013/03/07/a.md\n");
    const mixed = tempArchive();
    writeFile(mixed, "news/2013/03/07/index.md", "# 2013-03-07\n");
    expect((await add(mixed, required("A", "2013-03-07"))).stdout).toBe("news/2013/03/07/a.md\n");
    expect((await add(mixed, required("B", "2013-03-08"))).stdout).toBe("news/2013/03/8/b.md\n");
    const fresh = tempDir();
    const made = await add(fresh, required("First event", "2020-01-02"));
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toBe("news/2020/01/2/first-event.md\n");
    expectConsistentAdd(fresh, "news/2020/01/2/first-event.md", { notes: [], broken: [] });
  });

  it("a day folder without a page gets one listing its events and the new one", async () => {
    const root = tempArchive();
    const page = "news/2013/01/21/index.md";
    const before = baseline(root);
    const { rmSync } = await import("node:fs");
    rmSync(join(root, page));
    const result = await add(root, required("Second event", "2013-01-21"));
    expect(result.code, result.stderr).toBe(0);
    expect(readText(root, page)).toBe(
      `# 2013-01-21\n\n1. [French and Malian troops retake Diabaly and Douentza as Islamist forces retreat.](/${SEED_PATH})\n2. [Second event](/news/2013/01/21/second-event.md)\n`,
    );
    expectConsistentAdd(root, "news/2013/01/21/second-event.md", before);
  });
});

describe("a broken day page", () => {
  it("is reported with its path, and nothing is written", async () => {
    const root = tempArchive({ files: { "news/2013/01/21/index.md": Buffer.from([0x23, 0x00, 0xff]) } });
    const hashes = hashTree(root);
    const result = await add(root, required("Another event", "2013-01-21"), true);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("newsctl add: news/2013/01/21/index.md: cannot add to the day page (binary file (holds NUL bytes): not an event); nothing was written\n");
    expect(changedPaths(hashes, hashTree(root))).toEqual([]);
  });
});

describe("backlinks", () => {
  it("adds one line to each related event's Related list, or makes the list before Changes; CRLF kept", async () => {
    const root = tempArchive();
    // The 2016 event without a Related section, and with CRLF line endings.
    const text = readText(root, MALI_2016).replace(/### Related:\n\n[^\n]*\n\n/, "").replace(/\n/g, "\r\n");
    writeFile(root, MALI_2016, text);
    const before = baseline(root);
    const hashes = hashTree(root);
    const result = await add(root, [...required(), "--tag", "France", "--tag", "Mali", "--tag", "Gao", "--related", MALI_2016, "--related", SEED_PATH, "--backlink"]);
    expect(result.code, result.stderr).toBe(0);
    const path = "news/2013/02/1/french-troops-enter-gao.md";
    expect(changedPaths(hashes, hashTree(root))).toEqual([SEED_PATH, "news/2013/02/1/index.md", path, MALI_2016].sort());
    const line = `[French troops enter Gao](/${path}) _Context: France, Mali_`;
    const seedBefore = readText(tempArchive(), SEED_PATH).split("\n");
    const seedAfter = readText(root, SEED_PATH).split("\n");
    expect(seedAfter).toEqual([...seedBefore.slice(0, 20), `6. ${line}`, ...seedBefore.slice(20)]);
    const mali = readText(root, MALI_2016);
    expect(mali).toBe(text.replace("### Changes:\r\n", `### Related:\r\n\r\n1. ${line}\r\n\r\n### Changes:\r\n`));
    expectConsistentAdd(root, path, before);
    const back = readArchive(root).files.get(MALI_2016) as EventFile;
    expect(back.related.map((r) => r.contexts)).toEqual([["France", "Mali"]]);
  });

  it("a failed write changes nothing (all-or-nothing)", async () => {
    const root = tempArchive();
    const hashes = hashTree(root);
    const result = await runCli(["add", "--archive", root, "--yes", ...required(), "--tag", "Mali", "--related", SEED_PATH, "--backlink"], {
      env: { NEWSCTL_FAULT: "rename:2" },
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/could not write the archive .*no file was changed/);
    expect(changedPaths(hashes, hashTree(root))).toEqual([]);
    expect(existsSync(join(root, "news/2013/02"))).toBe(false);
  });
});

describe("concurrency", () => {
  it("two adds at once on one day both land, and the day page lists both", async () => {
    const root = tempArchive();
    const before = baseline(root);
    const results = await Promise.all([
      add(root, required("First of two", "2013-01-21"), true),
      add(root, required("Second of two", "2013-01-21"), true),
      add(root, required("Same title at once", "2013-05-05"), true),
      add(root, required("Same title at once", "2013-05-05"), true),
    ]);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const paths = results.map((r) => r.stdout.trim());
    expect(paths.slice(0, 2)).toEqual(["news/2013/01/21/first-of-two.md", "news/2013/01/21/second-of-two.md"]);
    expect(paths.slice(2).sort()).toEqual(["news/2013/05/5/same-title-at-once-2.md", "news/2013/05/5/same-title-at-once.md"]);
    const archive = readArchive(root);
    const listed = (date: string) => archive.days.get(date)!.page!.entries.map((e) => (e.target as { path: string }).path);
    expect(listed("2013-01-21").sort()).toEqual([SEED_PATH, ...paths.slice(0, 2)].sort());
    expect(listed("2013-05-05").sort()).toEqual(paths.slice(2).sort());
    for (const path of paths) expectConsistentAdd(root, path, before);
    expect(readdirSync(join(root, ".newsctl")).filter((n) => n !== ".gitignore")).toEqual([]);
  });
});

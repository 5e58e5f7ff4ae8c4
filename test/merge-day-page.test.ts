// The day-page merge driver: the merge itself on texts, then git merges of
// real branches that add and revise events with newsctl, with the driver set
// up by `newsctl init-git`.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mergeDayPages } from "../src/archive/format/day-page-merge.js";
import { BIN, FIXTURES, runCli, runMain, SEED_PATH, tempArchive, tempDir, writeFile } from "./helpers.js";
import { commitAll, git, initRepo } from "./git-helpers.js";

const PAGE = "news/2013/01/21/index.md";
const merge = (base: string, ours: string, theirs: string, markerSize = 7) => mergeDayPages(base, ours, theirs, { path: PAGE, markerSize });
const entry = (n: number | string, title: string, slug = title.toLowerCase().replace(/ /g, "-")) => `${n}. [${title}](/news/2013/01/21/${slug}.md)`;
const page = (...lines: string[]) => ["# 2013-01-21", "", ...lines, ""].join("\n");

describe("merging day pages as sets of entries", () => {
  const base = page(entry(1, "One"), entry(2, "Two"));

  it("keeps both sides' new entries, numbered as the archive numbers them", () => {
    const r = merge(base, page(entry(1, "One"), entry(2, "Two"), entry(3, "Ours")), page(entry(1, "One"), entry(2, "Two"), entry(3, "Theirs")));
    expect(r).toEqual({ conflicts: 0, text: page(entry(1, "One"), entry(2, "Two"), entry(3, "Ours"), entry(4, "Theirs")) });
  });

  it("takes a revision's repointed entry from the side that made it, and the other side's additions", () => {
    const revised = entry(1, "One revised", "one-revised");
    const r = merge(base, page(revised, entry(2, "Two")), page(entry(1, "One"), entry(2, "Two"), entry(3, "Three")));
    expect(r).toEqual({ conflicts: 0, text: page(revised, entry(2, "Two"), entry(3, "Three")) });
    // The same the other way round, and with the revised entry last (an append right after it stays after it).
    const last = entry(2, "Two revised", "two-revised");
    expect(merge(base, page(entry(1, "One"), entry(2, "Two"), entry(3, "Three")), page(entry(1, "One"), last)).text).toBe(page(entry(1, "One"), last, entry(3, "Three")));
    expect(merge(base, page(entry(1, "One"), last, entry(3, "Mine")), page(entry(1, "One"), entry(2, "Two"), entry(3, "Yours"))).text).toBe(
      page(entry(1, "One"), last, entry(3, "Mine"), entry(4, "Yours")),
    );
  });

  it("keeps each side's removals, and a retitled entry (same file) from the side that retitled it", () => {
    const r = merge(base, page(entry(2, "Two")), page(entry(1, "One, retitled", "one"), entry(2, "Two"), entry(3, "Three")));
    // Ours removed One; theirs retitled it: both changed the same entry, differently.
    expect(r.conflicts).toBe(1);
    const clean = merge(base, page(entry(1, "One"), entry(2, "Two, retitled", "two")), page(entry(2, "Two"), entry(3, "Three")));
    // Three is new: numbered by its place in the merged page, as `newsctl add` would number it.
    expect(clean).toEqual({ conflicts: 0, text: page(entry(2, "Two, retitled", "two"), entry(2, "Three")) });
  });

  it("writes conflict markers only where both sides changed the same entry differently", () => {
    const r = merge(base, page(entry(1, "One by us", "one-by-us"), entry(2, "Two"), entry(3, "Ours")), page(entry(1, "One by them", "one-by-them"), entry(2, "Two")), 9);
    expect(r.conflicts).toBe(1);
    expect(r.text).toBe(
      page(
        `${"<".repeat(9)} ours`,
        entry(1, "One by us", "one-by-us"),
        "=".repeat(9),
        entry(1, "One by them", "one-by-them"),
        `${">".repeat(9)} theirs`,
        entry(2, "Two"),
        entry(3, "Ours"),
      ),
    );
    // The same change on both sides is no conflict.
    const same = page(entry(1, "One again", "one-again"), entry(2, "Two"));
    expect(merge(base, same, same)).toEqual({ conflicts: 0, text: same });
    // Both adding the same file: once when the lines agree, a conflict when not.
    expect(merge(base, page(entry(1, "One"), entry(2, "Two"), entry(3, "New")), page(entry(1, "One"), entry(2, "Two"), entry(3, "New"))).conflicts).toBe(0);
    expect(merge(base, page(entry(1, "One"), entry(2, "Two"), entry(3, "New")), page(entry(1, "One"), entry(2, "Two"), entry(3, "Other title", "new"))).conflicts).toBe(1);
  });

  it("keeps other lines and their changes, the archive's own numbers and bullets, and merges a page both sides created", () => {
    const quirky = ["# 2013-01-21", "", "Some note.", "", "1. [One](/news/2013/01/21/one.md)", "1. [Two](/news/2013/01/21/two.md)", "- [Three](/news/2013/01/21/three.md)", ""].join("\n");
    const ours = quirky.replace("Some note.", "Some longer note.");
    const theirs = quirky.replace("\n\n", "\n\n- [Four](/news/2013/01/21/four.md)\n").replace(/\n$/, "\n7. [Five](/news/2013/01/21/five.md)\n");
    expect(merge(quirky, ours, theirs)).toEqual({ conflicts: 0, text: theirs.replace("Some note.", "Some longer note.").replace("7. [Five]", "5. [Five]") });
    const created = merge("", page(entry(1, "Ours")), page(entry(1, "Theirs")));
    expect(created).toEqual({ conflicts: 0, text: page(entry(1, "Ours"), entry(2, "Theirs")) });
  });

  it("keeps ours' byte-order mark and line endings, and ours' missing newline at the end", () => {
    const crlf = (text: string) => "\uFEFF" + text.replace(/\n/g, "\r\n");
    const r = merge(base, crlf(page(entry(1, "One"), entry(2, "Two"), entry(3, "Ours"))), page(entry(1, "One"), entry(2, "Two"), entry(3, "Theirs")));
    expect(r.text).toBe(crlf(page(entry(1, "One"), entry(2, "Two"), entry(3, "Ours"), entry(4, "Theirs"))));
    // A line of ours with another ending than the rest keeps it.
    const mixed = (text: string) => crlf(text).replace("\r\n", "\n");
    const m = merge(base, mixed(page(entry(1, "One"), entry(2, "Two"), entry(3, "Ours"))), page(entry(1, "One"), entry(2, "Two"), entry(3, "Theirs")));
    expect(m.text).toBe(mixed(page(entry(1, "One"), entry(2, "Two"), entry(3, "Ours"), entry(4, "Theirs"))));
    const bare = (text: string) => text.replace(/\n$/, "");
    expect(merge(bare(base), bare(page(entry(1, "One"), entry(2, "Two"), entry(3, "A"))), bare(page(entry(1, "One"), entry(2, "Two"), entry(3, "B")))).text).toBe(
      bare(page(entry(1, "One"), entry(2, "Two"), entry(3, "A"), entry(4, "B"))),
    );
  });
});

/** A repository holding the fixture archive, with the driver set up by init-git (running this build). */
function repoWithDriver(): string {
  const root = tempArchive({ from: join(FIXTURES, "archive") });
  git(root, ["init", "-q", "-b", "main"]);
  return root;
}

async function initGit(root: string): Promise<void> {
  const r = await runCli(["init-git", "--command", `"${process.execPath}" "${BIN}"`, "--archive", root]);
  expect(r.code, r.stderr).toBe(0);
}

const NOW = { NEWSCTL_NOW: "2024-05-06T07:08:09Z" };
const add = async (root: string, title: string, date = "2013-01-21") => {
  const r = await runMain(["add", "--yes", "--date", date, "--title", title, "--summary", "Something happened.", "--source", "BBC=https://www.bbc.co.uk/news/1", "--archive", root], { env: { ...NOW } });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.trim();
};
const revise = async (root: string, event: string, title: string) => {
  const r = await runMain(["revise", event, "--title", title, "--yes", "--archive", root], { env: { ...NOW } });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.trim();
};
const branch = async (root: string, name: string, from: string, work: () => Promise<unknown>) => {
  git(root, ["checkout", "-q", "-b", name, from]);
  await work();
  commitAll(root, name);
};
const mergeBranch = (root: string, into: string, other: string) => {
  git(root, ["checkout", "-q", into]);
  return git(root, ["merge", "--no-edit", other], { allowFail: true });
};
const dayPage = (root: string, path = PAGE) => readFileSync(join(root, path), "utf8");
const validate = async (root: string) => (await runMain(["validate", "--archive", root])).code;

describe("git merges with the driver (real repositories)", () => {
  it("two branches each adding an event on one day: git's own merge conflicts, the driver merges", async () => {
    for (const driver of [false, true]) {
      const root = repoWithDriver();
      if (driver) await initGit(root);
      commitAll(root, "base");
      let a = "";
      let b = "";
      await branch(root, "a", "main", async () => (a = await add(root, "An event added on branch a")));
      await branch(root, "b", "main", async () => (b = await add(root, "An event added on branch b")));
      const r = mergeBranch(root, "a", "b");
      if (!driver) {
        expect(r.status).not.toBe(0);
        expect(dayPage(root)).toContain("<<<<<<<");
        continue;
      }
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(dayPage(root)).toBe(
        [
          "# 2013-01-21",
          "",
          "1. [French and Malian troops retake Diabaly and Douentza as Islamist forces retreat. ](/news/2013/01/21/french-and-malian-troops-retake-diabaly-and-douentza-as-islamist-forces-retreat.md)",
          `2. [An event added on branch a](/${a})`,
          `3. [An event added on branch b](/${b})`,
          "",
        ].join("\n"),
      );
      expect(await validate(root)).toBe(0);
    }
  });

  it("one branch revises an event while the other adds events on its day and on a new day", async () => {
    const root = repoWithDriver();
    await initGit(root);
    commitAll(root, "base");
    let revised = "";
    await branch(root, "reviser", "main", async () => (revised = await revise(root, SEED_PATH, "French and Malian troops retake two towns")));
    await branch(root, "adder", "main", async () => {
      await add(root, "Another event that day");
      await add(root, "An event on a new day", "2013-01-22");
    });
    // A new day page on both sides too (git's add/add), merged with an empty base.
    git(root, ["checkout", "-q", "reviser"]);
    await add(root, "A second event on the new day", "2013-01-22");
    commitAll(root, "reviser adds too");
    const r = mergeBranch(root, "reviser", "adder");
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const text = dayPage(root);
    expect(text).toContain(`1. [French and Malian troops retake two towns](/${revised})`);
    expect(text).toContain("2. [Another event that day](/news/2013/01/21/another-event-that-day.md)");
    expect(text).not.toContain(SEED_PATH);
    const newDay = dayPage(root, "news/2013/01/22/index.md");
    expect(newDay).toMatch(/^# 2013-01-22\n\n1\. \[A second event on the new day\]\(.*\)\n2\. \[An event on a new day\]\(.*\)\n$/);
    expect(await validate(root)).toBe(0);
    // The other way round gives the same entries.
    git(root, ["checkout", "-q", "-b", "other-way", "adder"]);
    expect(mergeBranch(root, "other-way", "reviser~0").status).toBe(0);
  });

  it("both branches revising the same event: a real conflict, with markers in the day page", async () => {
    const root = repoWithDriver();
    await initGit(root);
    commitAll(root, "base");
    await branch(root, "a", "main", () => revise(root, SEED_PATH, "Revised on branch a"));
    await branch(root, "b", "main", () => revise(root, SEED_PATH, "Revised on branch b"));
    const r = mergeBranch(root, "a", "b");
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain(`CONFLICT (content): Merge conflict in ${PAGE}`);
    expect(dayPage(root)).toMatch(/<<<<<<< ours\n1\. \[Revised on branch a\].*\n=======\n1\. \[Revised on branch b\].*\n>>>>>>> theirs/);
  });
});

describe("newsctl merge-day-page as a command", () => {
  it("writes the merge into OURS; exit 0 when clean, 1 with conflicts", async () => {
    const dir = tempDir();
    const files = { base: page(entry(1, "One")), ours: page(entry(1, "One"), entry(2, "A")), theirs: page(entry(1, "One"), entry(2, "B")) };
    for (const [name, text] of Object.entries(files)) writeFile(dir, name, text);
    const r = await runCli(["merge-day-page", "base", "ours", "theirs", "7", "site/news/2013/01/21/index.md"], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: "", stderr: "" });
    expect(readFileSync(join(dir, "ours"), "utf8")).toBe(page(entry(1, "One"), entry(2, "A"), entry(3, "B")));
    writeFile(dir, "ours", page(entry(1, "Uno", "uno")));
    writeFile(dir, "theirs", page(entry(1, "Eins", "eins")));
    const c = await runCli(["merge-day-page", "base", "ours", "theirs"], { cwd: dir });
    expect(c.code).toBe(1);
    expect(c.stderr).toBe("newsctl: ours: 1 conflict (both sides changed the same entry differently); resolve it by hand\n");
    expect(readFileSync(join(dir, "ours"), "utf8")).toContain("<<<<<<< ours\n");
  });

  it("refuses what is not text, or missing, in one line (exit 2), leaving OURS as it was", async () => {
    const dir = tempDir();
    writeFile(dir, "base", page());
    writeFile(dir, "ours", page(entry(1, "One")));
    writeFile(dir, "theirs", Buffer.from([0x23, 0x00, 0xff]));
    for (const args of [["base", "ours", "theirs"], ["base", "ours", "missing"], ["base", "ours", "theirs", "x"]]) {
      const r = await runCli(["merge-day-page", ...args], { cwd: dir });
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n")[0]).toMatch(/^newsctl merge-day-page: /);
      expect(readFileSync(join(dir, "ours"), "utf8")).toBe(page(entry(1, "One")));
    }
  });
});

describe("newsctl init-git", () => {
  it("adds the .gitattributes line and the git config once, keeping what is there", async () => {
    const root = repoWithDriver();
    writeFileSync(join(root, ".gitattributes"), "*.jpg binary\r\n*.md text");
    git(root, ["config", "--local", "merge.newsctl-day-page.name", "my own name"]);
    const first = await runCli(["init-git", "--archive", root]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      '.gitattributes: added "news/**/index.md merge=newsctl-day-page" (commit it)\ngit config merge.newsctl-day-page.driver: newsctl merge-day-page %O %A %B %L %P\n',
    );
    const after = readFileSync(join(root, ".gitattributes"), "utf8");
    expect(after).toBe("*.jpg binary\r\n*.md text\r\nnews/**/index.md merge=newsctl-day-page\r\n");
    const again = await runCli(["init-git", "--command", "other", "--archive", root]);
    expect(again.stdout).toContain("already sends day pages to the newsctl-day-page driver");
    expect(again.stdout).toContain("(already set; kept)");
    expect(readFileSync(join(root, ".gitattributes"), "utf8")).toBe(after);
    expect(git(root, ["config", "--local", "--get-all", "merge.newsctl-day-page.driver"]).stdout).toBe("newsctl merge-day-page %O %A %B %L %P\n");
    expect(git(root, ["config", "--local", "--get", "merge.newsctl-day-page.name"]).stdout).toBe("my own name\n");
  });

  it("sees a line already routing day pages elsewhere in the repository, and an archive in a sub-folder", async () => {
    const repo = tempDir();
    const root = join(repo, "site");
    writeFile(root, "news/.keep", "");
    writeFile(repo, ".gitattributes", "site/news/**/index.md merge=newsctl-day-page\n");
    git(repo, ["init", "-q"]);
    const r = await runCli(["init-git"], { cwd: root });
    expect(r.stdout).toContain("site/.gitattributes: already sends day pages");
    expect(existsSync(join(root, ".gitattributes"))).toBe(false);
  });

  it("outside a git repository: exit 2 in one line", async () => {
    const root = tempArchive();
    const r = await runCli(["init-git", "--archive", root]);
    expect(r).toMatchObject({ code: 2, stderr: `newsctl init-git: ${root} is not inside a git repository (init-git needs one)\n` });
  });
});

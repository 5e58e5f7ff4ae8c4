// Symbolic links are never written through, nor read to decide a write: a
// link may lead anywhere on the machine. A command that would have to is
// refused with one line naming the link (exit 2), and nothing outside the
// archive (the "victim" folder beside it) changes. Readers never write their
// caches through a link either: they go without the cache and say so.

import { lstatSync, mkdirSync, rmSync, statSync, symlinkSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain JS module
import { generateArchive, writeArchive } from "../bench/generate.mjs";
import { changedPaths, hashTree, runCli, runMain, SEED_PATH } from "./helpers.js";
import { expectRefusal, sandbox } from "./attack-helpers.js";

const EVENT = ["--title", "Written through a link", "--summary", "S.", "--source", "BBC=https://www.bbc.co.uk/news/x", "--tag", "Mali", "--yes"];
const LINK_NOTE = "is a symbolic link \\(newsctl never reads or writes through links\\)";

describe("add never writes through a symbolically linked year, month or day folder", () => {
  const cases: [string, string, string][] = [
    ["year", "news/2099", "news/2099"],
    ["month", "news/2099/01", "news/2099/01"],
    ["day", "news/2099/01/1", "news/2099/01/1"],
  ];
  for (const [what, link, target] of cases) {
    for (const dryRun of [false, true]) {
      it(`a linked ${what} folder${dryRun ? " (--dry-run)" : ""}: exit 2 naming the link, nothing written anywhere`, async () => {
        const s = sandbox();
        mkdirSync(join(s.root, link, ".."), { recursive: true });
        symlinkSync(join(s.victim, target), join(s.root, link));
        const before = hashTree(s.root);
        const r = await runMain(["add", "--date", "2099-01-01", ...EVENT, ...(dryRun ? ["--dry-run"] : []), "--archive", s.root]);
        expect(r.code, r.stderr).toBe(2);
        expectRefusal(r.stderr, new RegExp(`^newsctl [a-z -]+: cannot write news/2099/01/1/[^ ]+\\.md: ${link} ${LINK_NOTE}; nothing was written$`));
        s.expectVictimUntouched();
        expect(changedPaths(before, hashTree(s.root))).toEqual([]);
      });
    }
  }
});

describe("add --related never reads through a link, and --backlink never replaces one", () => {
  const LINK = "news/2013/01/21/outside.md";
  for (const backlink of [false, true]) {
    it(`--related naming a linked event file${backlink ? " with --backlink" : ""}: exit 2, the link stays a link`, async () => {
      const s = sandbox();
      symlinkSync(join(s.victim, "event.md"), join(s.root, LINK));
      const before = hashTree(s.root);
      const r = await runCli(["add", "--date", "2013-02-01", ...EVENT, "--related", LINK, ...(backlink ? ["--backlink"] : []), "--archive", s.root]);
      expect(r.code, r.stderr).toBe(2);
      expectRefusal(r.stderr, new RegExp(`^newsctl add: --related ${LINK}: it ${LINK_NOTE}$`));
      expect(lstatSync(join(s.root, LINK)).isSymbolicLink()).toBe(true);
      s.expectVictimUntouched();
      expect(changedPaths(before, hashTree(s.root))).toEqual([]);
    });
  }

  it("revise never replaces a link standing where its new version goes", async () => {
    const s = sandbox();
    const link = "news/2013/01/21/a-title-where-a-link-is.md";
    symlinkSync(join(s.victim, "gone.md"), join(s.root, link));
    for (const mode of ["--yes", "--dry-run"]) {
      const r = await runMain(["revise", SEED_PATH, "--title", "A title where a link is", mode, "--archive", s.root]);
      expect(r.code, r.stderr).toBe(2);
      expectRefusal(r.stderr, new RegExp(`${link} ${LINK_NOTE}; nothing was written$`));
    }
    expect(lstatSync(join(s.root, link)).isSymbolicLink()).toBe(true);
    s.expectVictimUntouched();
  });

  it("news/ itself as a link: every command exits 2 naming it, reading nothing through it", async () => {
    const s = sandbox({ fixture: false });
    rmSync(join(s.root, "news"), { recursive: true });
    symlinkSync(join(s.victim, "news"), join(s.root, "news"));
    for (const args of [["validate"], ["list"], ["add", "--date", "2099-01-01", ...EVENT]]) {
      const r = await runMain([...args, "--archive", s.root]);
      expect(r.code, r.stderr).toBe(2);
      expectRefusal(r.stderr, new RegExp(`^newsctl [a-z -]+: ${s.root}/news ${LINK_NOTE}; make it a folder$`));
    }
    s.expectVictimUntouched();
  });

  it("list --date never reads a day folder through a link", async () => {
    const s = sandbox({ victimFiles: { "day/outside.md": "### [2013-01-22](/news/2013/01/22/index.md)\n\n# Outside the archive\n" } });
    symlinkSync(join(s.victim, "day"), join(s.root, "news/2013/01/22"));
    const r = await runMain(["list", "--date", "2013-01-22", "--format", "json", "--archive", s.root]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });
});

describe("readers never write their caches through a link", () => {
  /** A large archive (24+ month folders, so the caches are used), its files aged so that results are saved. */
  function largeSandbox() {
    const s = sandbox({ fixture: false });
    const { files } = generateArchive({ events: 150, seed: 11 });
    writeArchive(s.root, files);
    const past = new Date(Date.now() - 3_600_000);
    for (const path of (files as Map<string, string>).keys()) utimesSync(join(s.root, path), past, past);
    return s;
  }

  for (const link of [".newsctl", ".newsctl/cache"]) {
    it(`${link} as a link out of the archive: validate and list warn, go without the cache, write nothing there`, async () => {
      const s = largeSandbox();
      mkdirSync(join(s.root, link, ".."), { recursive: true });
      symlinkSync(join(s.victim, "empty"), join(s.root, link));
      for (const args of [["validate"], ["list", "--tag", "mali"]]) {
        const r = await runCli([...args, "--archive", s.root]);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).toMatch(new RegExp(`^newsctl: warning: ${link.replace(".", "\\.")} ${LINK_NOTE}: `));
      }
      s.expectVictimUntouched();
    });
  }

  it("a link planted at the result cache's old predictable temp name is never followed", async () => {
    const s = largeSandbox();
    mkdirSync(join(s.root, ".newsctl/cache"), { recursive: true });
    // In-process, so the run's pid is this one: the name the temp file once had.
    symlinkSync(join(s.victim, "file"), join(s.root, `.newsctl/cache/validate-result.json.${process.pid}.tmp`));
    const r = await runMain(["validate", "--archive", s.root]);
    expect(r.code, r.stderr).toBe(0);
    s.expectVictimUntouched();
    expect(statSync(join(s.root, ".newsctl/cache/validate-result.json")).isFile()).toBe(true);
  });
});

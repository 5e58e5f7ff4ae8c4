// One resolver for every event argument: revise, history and add --related
// take the same paths and slugs, and refuse the same way, naming the
// argument once.

import { mkdirSync, symlinkSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { changedPaths, hashTree, runMain, tempArchive, tempDir } from "./helpers.js";

const DOUENTZA = "news/2012/09/1/islamist-rebels-in-northern-mali-seize-the-central-town-of-douentza.md";
const GAO = "news/2013/01/14/islamists-rebels-capture-the-malian-town-of-diabaly-after-fierce-fighting-with-government-troops-as-french-airplanes-strike-targets-in-gao.md";
const OLD = "news/2013/01/21/northern-mali-conflict-pfrench-and-malian-troops-retake-diabaly-and-douentza-as-islamist-forces-retreat.md";
const SEED = "news/2013/01/21/french-and-malian-troops-retake-diabaly-and-douentza-as-islamist-forces-retreat.md";
const NOW = { now: () => new Date("2026-01-02T03:04:05Z") };

type Command = "revise" | "history" | "add --related";

/** Runs `command` on `arg` (writing nothing) and returns the current version it found. */
async function resolveWith(command: Command, arg: string, root: string, cwd: string): Promise<{ code: number; found: string | null; stderr: string }> {
  const args =
    command === "revise"
      ? ["revise", arg, "--title", "Renamed", "--dry-run", "--format", "json"]
      : command === "history"
        ? ["history", arg, "--format", "json"]
        : ["add", "--yes", "--dry-run", "--format", "json", "--date", "2013-02-01", "--title", "T", "--summary", "S.", "--source", "B=https://b.test", "--related", arg];
  const r = await runMain([...args, "--archive", root], { ...NOW, cwd });
  if (r.code !== 0) return { code: r.code, found: null, stderr: r.stderr };
  const out = JSON.parse(r.stdout);
  const found = command === "revise" ? out.previous : command === "history" ? out.find((v: { kind: string }) => v.kind === "current").path : out.related[0].path;
  return { code: r.code, found, stderr: r.stderr };
}

const COMMANDS: Command[] = ["revise", "history", "add --related"];

describe("every event argument, in every command that takes one", () => {
  const forms: { name: string; arg: (root: string) => string; cwd?: (root: string) => string; expected: string }[] = [
    { name: "an archive path", arg: () => DOUENTZA, expected: DOUENTZA },
    { name: "a padded day", arg: () => DOUENTZA.replace("/09/1/", "/09/01/"), expected: DOUENTZA },
    { name: "a leading slash and a padded day", arg: () => "/" + DOUENTZA.replace("/09/1/", "/09/01/"), expected: DOUENTZA },
    { name: "no news/", arg: () => DOUENTZA.slice("news/".length), expected: DOUENTZA },
    { name: "no .md", arg: () => DOUENTZA.slice(0, -3), expected: DOUENTZA },
    { name: "a superseded version", arg: () => "/" + OLD, expected: SEED },
    { name: "an absolute path", arg: (root) => join(root, DOUENTZA), expected: DOUENTZA },
    { name: "a path from a folder inside the archive", arg: () => "09/1/islamist-rebels-in-northern-mali-seize-the-central-town-of-douentza.md", cwd: (root) => join(root, "news/2012"), expected: DOUENTZA },
    { name: "./ in the day folder", arg: () => "./islamist-rebels-in-northern-mali-seize-the-central-town-of-douentza.md", cwd: (root) => join(root, "news/2012/09/1"), expected: DOUENTZA },
    { name: "a file name in the day folder", arg: () => "islamist-rebels-in-northern-mali-seize-the-central-town-of-douentza.md", cwd: (root) => join(root, "news/2012/09/1"), expected: DOUENTZA },
    { name: "a path from outside the archive", arg: (root) => relative(join(root, ".."), join(root, DOUENTZA)), cwd: (root) => join(root, ".."), expected: DOUENTZA },
    { name: "a slug", arg: () => "islamist-rebels-in-northern-mali-seize-the-central-town-of-douentza", expected: DOUENTZA },
    { name: "the unique start of a slug, in any case", arg: () => "Islamist-Rebels", expected: DOUENTZA },
    { name: "the start of two versions' slugs (one event)", arg: () => "northern-mali-conflict", expected: SEED },
  ];
  for (const command of COMMANDS) {
    it.each(forms)(`${command}: $name`, async ({ arg, cwd, expected }) => {
      const root = tempArchive();
      const before = hashTree(root);
      const r = await resolveWith(command, arg(root), root, cwd ? cwd(root) : tempDir());
      expect(r.stderr.includes("\n  at "), r.stderr).toBe(false);
      expect([r.code, r.found], r.stderr).toEqual([0, expected]);
      expect(changedPaths(before, hashTree(root))).toEqual([]);
    });
  }
});

describe("an argument that names no single event", () => {
  const refusals: { name: string; arg: string; stderr: RegExp }[] = [
    { name: "a missing file", arg: "news/2013/01/21/nope.md", stderr: /^no event file there; give an archive path/ },
    { name: "a day page", arg: "news/2013/01/21/index.md", stderr: /^a day page, not an event$/ },
    { name: "a path out of the archive", arg: "../etc/passwd", stderr: /^no event file there/ },
    { name: "an unknown slug", arg: "no-such-event", stderr: /^no event file is named so, nor starts so/ },
    { name: "an empty argument", arg: " ", stderr: /^empty: give an archive path/ },
  ];
  for (const command of COMMANDS) {
    it.each(refusals)(`${command}: $name exits 2, naming the argument once`, async ({ arg, stderr }) => {
      const root = tempArchive();
      const r = await resolveWith(command, arg, root, root);
      expect(r.code, r.stderr).toBe(2);
      const label = command === "add --related" ? "--related " : "";
      const shown = arg.trim() === "" ? JSON.stringify(arg) : arg;
      const prefix = `newsctl ${command.split(" ")[0]}: ${label}${shown}: `;
      expect(r.stderr.startsWith(prefix), r.stderr).toBe(true);
      expect(r.stderr.slice(prefix.length).trimEnd()).toMatch(stderr);
      expect(r.stderr.split(arg.trim() || '" "').length - 1, r.stderr).toBe(1);
    });

    it(`${command}: an ambiguous slug lists the candidates' current versions`, async () => {
      const root = tempArchive();
      const r = await resolveWith(command, "islamist", root, root);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/islamist: 2 events match; give one's path:\n {2}news\/2012\/09\/1\/islamist-rebels.*\n {2}news\/2013\/01\/14\/islamists-rebels.*\n$/);
      expect(r.stderr).toContain(`\n  ${DOUENTZA}\n  ${GAO}\n`);
    });

    it(`${command}: never reads through a linked day folder`, async () => {
      const root = tempArchive();
      const outside = tempDir();
      mkdirSync(join(root, "news/2014/01"), { recursive: true });
      symlinkSync(join(root, "news/2012/09/1"), join(root, "news/2014/01/2"));
      const r = await resolveWith(command, "news/2014/01/2/islamist-rebels-in-northern-mali-seize-the-central-town-of-douentza.md", root, outside);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/: news\/2014\/01\/2 is a symbolic link \(newsctl never reads or writes through links\)\n$/);
    });
  }
});

describe("--backlink without a related event", () => {
  const base = ["add", "--yes", "--date", "2013-02-01", "--title", "T", "--summary", "S.", "--source", "B=https://b.test"];
  it("is a usage error when no flag could name one", async () => {
    const root = tempArchive();
    const before = hashTree(root);
    const r = await runMain([...base, "--backlink", "--archive", root], NOW);
    expect([r.code, r.stderr]).toEqual([2, "newsctl add: --backlink needs a related event to list this event in: give --related or --suggest-related\n"]);
    expect(changedPaths(before, hashTree(root))).toEqual([]);
  });

  it("is a warning when --suggest-related found none", async () => {
    const root = tempArchive();
    const r = await runMain([...base, "--suggest-related", "2", "--backlink", "--archive", root], NOW);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("newsctl: warning: --backlink: no related event to list this event in, so no backlink\n");
  });
});

// Recovery acts only on a journal newsctl could have written. .newsctl/ is a
// folder in the repository, so a pull request can bring any journal; run by
// CI's `validate` (or any command), a journal naming paths outside the
// archive must change nothing there: it is reported, never acted on.

import { existsSync, lstatSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempName } from "../src/archive/write/journal.js";
import { changedPaths, hashTree, runCli, runMain, writeFile } from "./helpers.js";
import { expectRefusal, sandbox, type Sandbox } from "./attack-helpers.js";

const TXID = "4242-lzabc123-deadbeef";
const JOURNAL = `.newsctl/journal-${TXID}.json`;
const PAGE = "news/2013/01/21/index.md";
const TEMP = tempName(PAGE, TXID, 0);
const ADD = ["add", "--yes", "--date", "2013-01-21", "--title", "Anything", "--summary", "S.", "--source", "BBC=https://bbc.test/x"];

type JournalData = Record<string, unknown> & { entries: Record<string, unknown>[] };

function journal(state: string, extra: Partial<JournalData> = {}): JournalData {
  return { txid: TXID, state, entries: [{ path: PAGE, temp: TEMP }], createdDirs: [], ...extra };
}

interface Attack {
  name: string;
  /** Plants the journal (and whatever else) in the archive. */
  plant: (s: Sandbox) => void;
  /** What the writer's message says. */
  refusal: RegExp;
  /** Files the victim holds from the start, for attacks that aim at them. */
  victimFiles?: Record<string, string>;
  /** validate's exit code (1 when the attack also leaves a finding). */
  validateCode?: number;
}

const planted = (data: (s: Sandbox) => unknown, name = JOURNAL) => (s: Sandbox) => {
  writeFile(s.root, TEMP, "planted temp\n");
  writeFile(s.root, name, JSON.stringify(data(s)));
};

const NOT_OURS = /journal-4242-lzabc123-deadbeef\.json: not a journal newsctl could have written \(.+\); it was not acted on/;

const ATTACKS: Attack[] = [
  {
    // Its temp is the very name newsctl would give it: only the path check stands between it and the victim.
    name: "entries[].path ../victim/file (commit)",
    victimFiles: { [`.newsctl-${TXID}-1.tmp`]: "attacker's bytes\n" },
    plant: planted(() => journal("commit", { entries: [{ path: "../victim/file", temp: tempName("../victim/file", TXID, 0) }] })),
    refusal: /\(entry 1: path "\.\.\/victim\/file" is not normalised \(empty, \. or \.\. parts\)\); it was not acted on/,
  },
  {
    name: "entries[].path absolute (commit)",
    plant: planted((s) => journal("commit", { entries: [{ path: join(s.victim, "file"), temp: tempName(join(s.victim, "file"), TXID, 0) }] })),
    refusal: /\(entry 1: path "\/.*\/victim\/file" is an absolute path\)/,
  },
  { name: "entries[].temp ../victim/file (prepare)", plant: planted(() => journal("prepare", { entries: [{ path: PAGE, temp: "../victim/file" }] })), refusal: NOT_OURS },
  { name: "entries[].temp news/../../victim/file", plant: planted(() => journal("prepare", { entries: [{ path: PAGE, temp: "news/../../victim/file" }] })), refusal: NOT_OURS },
  { name: "entries[].temp absolute", plant: planted((s) => journal("prepare", { entries: [{ path: PAGE, temp: join(s.victim, "file") }] })), refusal: NOT_OURS },
  { name: "entries[].temp not beside its file", plant: planted(() => journal("prepare", { entries: [{ path: PAGE, temp: "news/2013/01/.newsctl-x.tmp" }] })), refusal: NOT_OURS },
  { name: "undo[].path ../victim/file", plant: planted(() => journal("undo", { undo: [{ path: "../victim/file", saved: null }] })), refusal: NOT_OURS },
  { name: "undo[].saved ../victim/file", plant: planted(() => journal("undo", { undo: [{ path: PAGE, saved: "../victim/file" }] })), refusal: NOT_OURS },
  { name: "createdDirs ../victim/empty", plant: planted(() => journal("prepare", { createdDirs: ["../victim/empty"] })), refusal: NOT_OURS },
  { name: "createdDirs absolute", plant: planted((s) => journal("prepare", { createdDirs: [join(s.victim, "empty")] })), refusal: NOT_OURS },
  { name: "createdDirs news/../../victim/empty", plant: planted(() => journal("prepare", { createdDirs: ["news/../../victim/empty"] })), refusal: NOT_OURS },
  { name: "an unknown field", plant: planted(() => ({ ...journal("prepare"), run: "rm -rf /" })), refusal: NOT_OURS },
  { name: "a txid that is not its name's", plant: planted(() => ({ ...journal("prepare"), txid: "1-a-00000000" })), refusal: NOT_OURS },
  { name: "not JSON", plant: (s) => writeFile(s.root, JOURNAL, "{"), refusal: NOT_OURS },
  {
    name: "a name newsctl never gives a journal",
    plant: planted(() => journal("prepare"), ".newsctl/journal-evil.json"),
    refusal: /journal-evil\.json: not a journal newsctl could have written \(not a journal name newsctl writes\)/,
  },
  {
    // Well-formed, but its day folder is a link out of the archive: acting on it would remove the victim's file.
    name: "a well-formed journal whose year folder is a symbolic link",
    victimFiles: { [`news/2099/01/1/.newsctl-${TXID}-1.tmp`]: "the victim's own file\n" },
    plant: (s) => {
      symlinkSync(join(s.victim, "news/2099"), join(s.root, "news/2099"));
      const path = "news/2099/01/1/x.md";
      writeFile(s.root, JOURNAL, JSON.stringify(journal("prepare", { entries: [{ path, temp: tempName(path, TXID, 0) }], createdDirs: ["news/2099/01/1"] })));
    },
    refusal: /not a journal newsctl could have written \(news\/2099 is a symbolic link/,
    validateCode: 1,
  },
];

describe("recovery never acts on a journal newsctl could not have written", () => {
  for (const attack of ATTACKS) {
    it(`${attack.name}: readers warn and read, writers exit 3, nothing outside the archive changes`, async () => {
      const s = sandbox({ victimFiles: attack.victimFiles });
      attack.plant(s);
      const before = hashTree(join(s.root, "news"));

      const validate = await runMain(["validate", "--format", "json", "--archive", s.root]);
      expect(validate.code, validate.stderr).toBe(attack.validateCode ?? 0);
      expect(JSON.parse(validate.stdout).summary.errors).toBe(attack.validateCode ?? 0);
      expect(validate.stderr).toMatch(/^newsctl: warning: \.newsctl\/journal-.*it was not acted on; if no newsctl is running, delete it\n/);
      expect(validate.stderr).toMatch(attack.refusal);

      const list = await runMain(["list", "--date", "2013-01-21", "--archive", s.root]);
      expect(list.code, list.stderr).toBe(0);
      expect(list.stdout).toContain("French and Malian troops retake Diabaly");

      const add = await runMain([...ADD, "--archive", s.root]);
      expect(add.code, add.stderr).toBe(3);
      expectRefusal(add.stderr, attack.refusal);
      expect(add.stderr).toMatch(/nothing was written\n$/);

      s.expectVictimUntouched();
      expect(changedPaths(before, hashTree(join(s.root, "news")))).toEqual([]);
      expect(hashTree(join(s.root, ".newsctl")).size, "the journal is left where it is").toBe(1);
    });
  }

  it("through the real binary: validate in CI on a hostile journal exits 0 and touches nothing outside", async () => {
    const s = sandbox();
    planted(() => journal("prepare", { entries: [{ path: PAGE, temp: "../victim/file" }], createdDirs: ["../victim/empty"] }))(s);
    const run = await runCli(["validate", "--max-warnings", "0", "--archive", s.root]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(NOT_OURS);
    s.expectVictimUntouched();
  });

  it("a .newsctl that is a link to elsewhere is never read or written: readers warn, writers exit 2", async () => {
    const s = sandbox({ victimFiles: { [`state/journal-${TXID}.json`]: JSON.stringify(journal("prepare")) } });
    symlinkSync(join(s.victim, "state"), join(s.root, ".newsctl"));
    const list = await runMain(["list", "--date", "2013-01-21", "--archive", s.root]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stderr).toMatch(/^newsctl: warning: \.newsctl is a symbolic link .*: \.newsctl\/ is not used/);
    const add = await runMain([...ADD, "--archive", s.root]);
    expect(add.code).toBe(2);
    expectRefusal(add.stderr, /\.newsctl is a symbolic link .*remove it .*nothing was written$/);
    s.expectVictimUntouched();
    expect(lstatSync(join(s.root, ".newsctl")).isSymbolicLink()).toBe(true);
  });

  it("a journal newsctl did write is still finished, and a half-written one removed", async () => {
    const s = sandbox();
    writeFile(s.root, TEMP, "# 2013-01-21\n\nRolled forward.\n");
    writeFile(s.root, JOURNAL, JSON.stringify(journal("commit")));
    writeFile(s.root, `.newsctl/journal-${TXID.replace("4242", "4243")}.json.tmp`, "{\"half");
    mkdirSync(join(s.root, ".newsctl/cache"), { recursive: true });
    writeFileSync(join(s.root, ".newsctl/cache/x"), "");
    const list = await runMain(["list", "--date", "2013-01-21", "--archive", s.root]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stderr).toBe("newsctl: finished a change an earlier run left half-done (1 file)\n");
    expect(hashTree(s.root).has(TEMP)).toBe(false);
    expect(existsSync(join(s.root, ".newsctl", `journal-${TXID.replace("4242", "4243")}.json.tmp`))).toBe(false);
    expect(existsSync(join(s.root, JOURNAL))).toBe(false);
  });
});

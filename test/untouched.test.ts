// Untouched means untouched: every file of the archive is hashed before and
// after each command, and the files that changed must be exactly the ones
// the command is meant to write; read-only runs, dry runs and failed runs
// change nothing, and leave no .newsctl/ behind them: a run that writes
// nothing creates nothing.

import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { changedPaths, hashTree, readText, runCli, runMain, SEED_PATH, tempArchive, writeFile } from "./helpers.js";

const NOW = "2026-03-04T05:06:07Z";
const DAY = "news/2013/01/21";
const PAGE = `${DAY}/index.md`;
const SEED_OLDER = [
  `${DAY}/northern-mali-conflict-pfrench-and-malian-troops-retake-diabaly-and-douentza-as-islamist-forces-retreat.md`,
  `${DAY}/northern-mali-conflict-french-and-malian-troops-retake-diabaly-and-douentza-as-islamist-forces-retreat.md`,
];
const GAO = "news/2013/01/14/islamists-rebels-capture-the-malian-town-of-diabaly-after-fierce-fighting-with-government-troops-as-french-airplanes-strike-targets-in-gao.md";
const SOLDIER = "news/2013/04/29/a-sixth-french-soldier-is-killed-in-mali-when-his-vehicle-struck-a-roadside-bomb-seriously-injuring-two-more.md";
const DOUENTZA = "news/2012/09/1/islamist-rebels-in-northern-mali-seize-the-central-town-of-douentza.md";
const TIMBUKTU = "news/2015/07/19/fourteen-sufi-mausoleums-in-the-city-of-timbuktu-in-northern-mali-have-been-rebuilt-three-years-after-they-were-destroyed-by-islamist-mili.md";
const MALI_2016 = "news/2016/12/30/mali-returns-two-people-france-deported-on-the-same-planes-they-arrived-on.md";
/** What a revision of the seed writes: its new version, every version's Changes list, the day page, the Related items naming it. */
const REVISE_WRITES = (newPath: string) => [newPath, ...SEED_OLDER, SEED_PATH, PAGE, GAO, SOLDIER, MALI_2016];

const EVENT = ["--summary", "French forces take the airport of Gao.", "--source", "BBC=https://www.bbc.co.uk/news/gao", "--tag", "Mali"];
const ADD = (date: string, title: string, ...extra: string[]) => ["add", "--date", date, "--title", title, ...EVENT, ...extra];

interface Case {
  name: string;
  args: string[];
  code: number;
  /** The archive paths the command must change, and no other. */
  writes?: string[];
  fault?: string;
  /** Commands run first (a second --fix run after a first). */
  before?: string[][];
}

const CASES: Case[] = [
  // Reading never writes.
  { name: "list --date", args: ["list", "--date", "2013-01-21"], code: 0 },
  { name: "list --all-versions --format json", args: ["list", "--all-versions", "--format", "json"], code: 0 },
  { name: "list --tag", args: ["list", "--tag", "mali", "--from", "2013-01-01"], code: 0 },
  { name: "history", args: ["history", "french-and-malian"], code: 0 },
  { name: "history --format json", args: ["history", SEED_PATH, "--format", "json"], code: 0 },
  { name: "validate", args: ["validate"], code: 0 },
  { name: "validate PATH --format sarif", args: ["validate", DAY, "--format", "sarif"], code: 0 },
  { name: "validate --format github --max-warnings 0", args: ["validate", "--format", "github", "--max-warnings", "0"], code: 1 },
  // Dry runs never write.
  { name: "validate --fix --dry-run", args: ["validate", "--fix", "--dry-run"], code: 0 },
  { name: "validate --fix --dry-run --format json", args: ["validate", "--fix", "--dry-run", "--format", "json"], code: 0 },
  { name: "add --dry-run", args: [...ADD("2013-01-21", "French troops enter Gao"), "--dry-run"], code: 0 },
  { name: "add --dry-run --backlink --format json", args: [...ADD("2014-06-01", "On a new day", "--related", SEED_PATH, "--backlink"), "--dry-run", "--format", "json"], code: 0 },
  { name: "revise --dry-run", args: ["revise", SEED_PATH, "--title", "A new title", "--dry-run"], code: 0 },
  { name: "revise --dry-run --format json", args: ["revise", "french-and-malian", "--summary", "New.", "--dry-run", "--format", "json"], code: 0 },
  // Refused input never writes.
  { name: "add without a terminal or --yes", args: ADD("2013-01-21", "Not confirmed"), code: 2 },
  { name: "add --yes without --title", args: ["add", "--yes", "--date", "2013-01-21", ...EVENT], code: 2 },
  { name: "add --yes on no such date", args: [...ADD("2013-02-30", "Nowhere"), "--yes"], code: 2 },
  { name: "revise an unknown event", args: ["revise", "no-such-event", "--title", "X", "--yes"], code: 2 },
  { name: "revise with the current values", args: ["revise", SEED_PATH, "--title", "French and Malian troops retake Diabaly and Douentza as Islamist forces retreat.", "--yes"], code: 2 },
  { name: "validate --dry-run without --fix", args: ["validate", "--dry-run"], code: 2 },
  { name: "validate --changed-since outside a git repository", args: ["validate", "--changed-since", "HEAD"], code: 2 },
  // Nothing to write: no lock taken, nothing created.
  { name: "validate --fix with nothing to fix", args: ["validate", "--fix", DAY], code: 0 },
  // A write that fails part-way puts every file back.
  { name: "add --backlink, 3rd rename fails", args: [...ADD("2013-01-21", "Fails", "--related", SEED_PATH, "--backlink"), "--yes"], code: 3, fault: "rename:3" },
  { name: "revise, 5th rename fails", args: ["revise", SEED_PATH, "--title", "Fails half-way", "--yes"], code: 3, fault: "rename:5" },
  { name: "validate --fix, 1st rename fails", args: ["validate", "--fix"], code: 3, fault: "rename:1" },
  // Writes change exactly what they must.
  { name: "add", args: [...ADD("2013-01-21", "French troops enter Gao"), "--yes"], code: 0, writes: [`${DAY}/french-troops-enter-gao.md`, PAGE] },
  { name: "add on a new day", args: [...ADD("2014-06-01", "On a new day"), "--yes"], code: 0, writes: ["news/2014/06/1/on-a-new-day.md", "news/2014/06/1/index.md"] },
  {
    name: "add --backlink",
    args: [...ADD("2013-01-22", "Backlinked", "--related", SEED_OLDER[0]!, "--related", GAO, "--backlink"), "--yes"],
    code: 0,
    writes: ["news/2013/01/22/backlinked.md", "news/2013/01/22/index.md", SEED_PATH, GAO],
  },
  { name: "revise --title", args: ["revise", SEED_PATH, "--title", "A new title", "--yes"], code: 0, writes: REVISE_WRITES(`${DAY}/a-new-title.md`) },
  {
    name: "revise --summary (same title)",
    args: ["revise", "french-and-malian", "--summary", "New.", "--yes"],
    code: 0,
    writes: REVISE_WRITES(`${DAY}/french-and-malian-troops-retake-diabaly-and-douentza-as-islamist-forces-retreat-2.md`),
  },
  { name: "validate --fix", args: ["validate", "--fix"], code: 0, writes: [SOLDIER] },
  { name: "validate --fix, a second time", args: ["validate", "--fix"], code: 0, before: [["validate", "--fix"]] },
  // Tags, stats and completion.
  { name: "tags", args: ["tags"], code: 0 },
  { name: "tags --similar --format json", args: ["tags", "--similar", "--format", "json"], code: 0 },
  { name: "stats", args: ["stats"], code: 0 },
  { name: "stats --year --format json", args: ["stats", "--year", "2013", "--format", "json"], code: 0 },
  { name: "__complete tags", args: ["__complete", "tags", "--", "newsctl", "list", "--tag", "M"], code: 0 },
  { name: "tags rename --dry-run", args: ["tags", "rename", "Mali", "Republic of Mali", "--dry-run"], code: 0 },
  { name: "tags rename a tag nobody has", args: ["tags", "rename", "Atlantis", "Mu", "--yes"], code: 2 },
  { name: "tags rename to a name with a comma", args: ["tags", "rename", "Mali", "Mali, Chad", "--yes"], code: 2 },
  { name: "tags rename, 2nd rename fails", args: ["tags", "rename", "Islamist", "Islamists", "--yes"], code: 3, fault: "rename:2" },
  { name: "tags rename", args: ["tags", "rename", "Islamist", "Islamists", "--yes"], code: 0, writes: [DOUENTZA, GAO, SEED_PATH, TIMBUKTU] },
];

/** The fixture archive, with one stale Related title for validate --fix to repair. */
function archiveWithStaleTitle(): string {
  const root = tempArchive();
  const text = readText(root, SOLDIER);
  writeFile(root, SOLDIER, text.replace("2. [Islamists rebels capture", "2. [Islamists capture"));
  return root;
}

async function run(args: string[], root: string, spawned: boolean, fault?: string) {
  const env: Record<string, string> = { NO_COLOR: "1", NEWSCTL_NOW: NOW, NEWSCTL_LOCK_TIMEOUT_MS: "5000" };
  const all = [...args, "--archive", root];
  const withFault = fault ? { ...env, NEWSCTL_FAULT: fault } : env;
  return spawned ? runCli(all, { env: withFault }) : runMain(all, { env: withFault });
}

// Every case in-process; through the real binary, the writes, the failures and one run of each reader.
const SPAWNED = (c: Case) =>
  Boolean(c.writes || c.fault) ||
  ["list --date", "history", "validate", "validate --fix --dry-run", "add --dry-run", "revise --dry-run", "revise with the current values", "validate --fix with nothing to fix", "tags", "stats", "tags rename --dry-run"].includes(c.name);

for (const mode of ["in-process", "spawned"] as const) {
  describe(`untouched means untouched (${mode})`, () => {
    for (const c of mode === "spawned" ? CASES.filter(SPAWNED) : CASES) {
      it(`${c.name}: ${c.writes ? `changes exactly ${c.writes.length} files` : "changes nothing"}`, async () => {
        const root = archiveWithStaleTitle();
        for (const args of c.before ?? []) expect((await run(args, root, false)).code).toBe(0);
        const hadState = existsSync(join(root, ".newsctl"));
        const before = hashTree(root);
        const result = await run(c.args, root, mode === "spawned", c.fault);
        expect(result.code, result.stderr).toBe(c.code);
        expect(changedPaths(before, hashTree(root))).toEqual([...(c.writes ?? [])].sort());
        // No lock, journal or temp left; a run that writes nothing (a reader, a dry run, refused
        // input, a --fix with nothing left to fix) makes no .newsctl/ at all.
        const state = existsSync(join(root, ".newsctl")) ? readdirSync(join(root, ".newsctl")) : null;
        if (!c.writes && !c.fault && !hadState) expect(state).toBeNull();
        else if (state !== null) expect(state).toEqual([".gitignore"]);
        if (c.writes || c.fault) expect(state).not.toBeNull();
      });
    }
  });
}

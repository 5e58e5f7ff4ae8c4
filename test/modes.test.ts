// Read-only files are the user's decision, and a file's mode and owner are
// part of it: every writer refuses a file (or folder) whose mode gives its
// owner no write permission, before writing anything, even as root (CI runs
// as root); a file it rewrites keeps its mode, and its owner.

import { chmodSync, chownSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { changedPaths, hashTree, readText, runCli, runMain, SEED_PATH, tempArchive, writeFile } from "./helpers.js";
import { expectRefusal } from "./attack-helpers.js";

const NOW = { env: { NO_COLOR: "1", NEWSCTL_NOW: "2026-03-04T05:06:07Z" } };
const DAY = "news/2013/01/21";
const GAO = "news/2013/01/14/islamists-rebels-capture-the-malian-town-of-diabaly-after-fierce-fighting-with-government-troops-as-french-airplanes-strike-targets-in-gao.md";
const SOLDIER = "news/2013/04/29/a-sixth-french-soldier-is-killed-in-mali-when-his-vehicle-struck-a-roadside-bomb-seriously-injuring-two-more.md";
const EVENT = ["--summary", "S.", "--source", "BBC=https://www.bbc.co.uk/news/x", "--tag", "Mali", "--yes"];

interface Writer {
  name: string;
  args: string[];
  /** A file this command rewrites. */
  target: string;
}

const WRITERS: Writer[] = [
  { name: "add (its day page)", args: ["add", "--date", "2013-01-21", "--title", "Mode test", ...EVENT], target: `${DAY}/index.md` },
  { name: "add --backlink (the related event)", args: ["add", "--date", "2013-02-01", "--title", "Mode test", "--related", SEED_PATH, "--backlink", ...EVENT], target: SEED_PATH },
  { name: "revise (a file linking to the event)", args: ["revise", SEED_PATH, "--title", "A new title for the mode test", "--yes"], target: GAO },
  { name: "validate --fix (a stale Related title)", args: ["validate", "--fix"], target: SOLDIER },
];

/** The fixture archive, with one stale Related title for validate --fix to repair. */
function archive(): string {
  const root = tempArchive();
  writeFile(root, SOLDIER, readText(root, SOLDIER).replace("2. [Islamists rebels capture", "2. [Islamists capture"));
  return root;
}

const modeOf = (root: string, path: string) => statSync(join(root, path)).mode & 0o7777;

describe("read-only files are refused by every writer, even as root", () => {
  for (const w of WRITERS) {
    it(`${w.name}: mode 444 is refused with exit 3, nothing written`, async () => {
      const root = archive();
      chmodSync(join(root, w.target), 0o444);
      const before = hashTree(root);
      const r = await runMain([...w.args, "--archive", root], NOW);
      expect(r.code, r.stderr).toBe(3);
      expectRefusal(r.stderr, new RegExp(`^newsctl [a-z -]+: cannot write ${w.target.replace(/[.]/g, "\\.")}: it is read-only \\(mode 444\\); .*nothing was written$`));
      expect(changedPaths(before, hashTree(root))).toEqual([]);
      expect(modeOf(root, w.target)).toBe(0o444);
    });
  }

  it("a read-only day folder: add refuses to create a file in it (exit 3)", async () => {
    const root = archive();
    chmodSync(join(root, DAY), 0o555);
    const before = hashTree(root);
    const r = await runCli(["add", "--date", "2013-01-21", "--title", "Into a read-only folder", ...EVENT, "--archive", root]);
    chmodSync(join(root, DAY), 0o755);
    expect(r.code, r.stderr).toBe(3);
    expectRefusal(r.stderr, /cannot write news\/2013\/01\/21\/into-a-read-only-folder\.md: news\/2013\/01\/21\/ is read-only \(mode 555\); nothing was written$/);
    expect(changedPaths(before, hashTree(root))).toEqual([]);
  });
});

describe("a rewritten file keeps its mode and owner", () => {
  for (const w of WRITERS) {
    for (const mode of [0o755, 0o664, 0o600]) {
      it(`${w.name}: mode ${mode.toString(8)} is kept`, async () => {
        const root = archive();
        chmodSync(join(root, w.target), mode);
        const before = hashTree(root);
        const r = await runMain([...w.args, "--archive", root], NOW);
        expect(r.code, r.stderr).toBe(0);
        expect(changedPaths(before, hashTree(root))).toContain(w.target);
        expect(modeOf(root, w.target).toString(8)).toBe(mode.toString(8));
      });
    }
  }

  it.runIf(process.getuid?.() === 0)("as root, a rewritten file keeps its owner and group", async () => {
    const root = archive();
    const w = WRITERS[2]!;
    chownSync(join(root, w.target), 1234, 2345);
    const r = await runCli([...w.args, "--archive", root], NOW);
    expect(r.code, r.stderr).toBe(0);
    const st = statSync(join(root, w.target));
    expect([st.uid, st.gid]).toEqual([1234, 2345]);
  });
});

import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acquireLock } from "../src/archive/write/lock.js";
import { readArchive } from "../src/archive/read/read-archive.js";
import { checkArchive } from "../src/commands/validate/check.js";
import { changedPaths, FIXTURES, hashTree, readText, runCli, runMain, SEED_PATH, tempArchive, tempDir, writeFile } from "./helpers.js";

const SEEDED = join(FIXTURES, "validate", "seeded");
const FIXED_FILES = ["news/2014/03/5/index.md", "news/2014/03/5/stale-links.md", "news/2014/03/7/index.md", "news/2014/03/9/index.md"];

describe("newsctl validate --fix", () => {
  it("repairs stale titles, superseded links and day pages, changing only the lines it must", async () => {
    const root = tempArchive({ from: SEEDED });
    const before = hashTree(root);
    const original = readText(root, "news/2014/03/5/stale-links.md").split("\n");
    const { code, stdout, stderr } = await runCli(["validate", "--fix", "--archive", root]);
    expect(changedPaths(before, hashTree(root))).toEqual(FIXED_FILES);
    // What was fixed is a note on stderr; what is left is the report, on stdout.
    expect(stderr).toMatch(/^newsctl: fixed superseded-link: news\/2014\/03\/5\/stale-links\.md:15: now links to news\/2013\/01\/21\/french-/m);
    expect(stderr).toMatch(/newsctl: fixed 7 problems in 4 files\n$/);
    expect(stdout).not.toMatch(/fixed/);
    expect(stdout).toMatch(/\n26 problems \(20 errors, 6 warnings\) in 42 files, 26 events\n$/);
    // The errors --fix does not touch remain, so the exit code stays 1.
    expect(code).toBe(1);

    const after = readText(root, "news/2014/03/5/stale-links.md").split("\n");
    const changed = after.map((l, i) => (l === original[i] ? -1 : i + 1)).filter((i) => i > 0);
    expect(changed).toEqual([14, 15]);
    expect(after[13]).toBe(
      "1. [Islamist rebels in northern Mali seize the central town of Douentza.](/news/2012/09/1/islamist-rebels-in-northern-mali-seize-the-central-town-of-douentza.md) _Context: Islamist, Mali_",
    );
    expect(readText(root, "news/2014/03/7/index.md")).toBe("# 2014-03-07\n\n1. [Second take](/news/2014/03/7/second-take.md)\n");
    expect(readText(root, "news/2014/03/9/index.md")).toBe("# 2014-03-09\n\n1. [A day without a day page](/news/2014/03/9/no-day-page.md)\n");
    expect(readText(root, "news/2014/03/5/index.md")).toMatch(
      /\n10\. \[Two Source headings\]\(\/news\/2014\/03\/5\/duplicate-section\.md\)\n11\. \[An event its day page leaves out\]\(\/news\/2014\/03\/5\/left-out\.md\)\n$/,
    );

    // Nothing fixable is left, and a second run changes nothing.
    expect(checkArchive(readArchive(root), null).filter((d) => d.fix)).toEqual([]);
    const settled = hashTree(root);
    const again = await runMain(["validate", "--fix", "--archive", root]);
    expect(again.stderr).toMatch(/^newsctl: nothing to fix\n/);
    expect(changedPaths(settled, hashTree(root))).toEqual([]);
  });

  it("--dry-run shows unified diffs and writes nothing", async () => {
    const root = tempArchive({ from: SEEDED });
    const before = hashTree(root);
    const { code, stdout, stderr } = await runCli(["validate", "--fix", "--dry-run", "--archive", root]);
    expect(changedPaths(before, hashTree(root))).toEqual([]);
    expect(existsSync(join(root, ".newsctl", "lock"))).toBe(false);
    expect(stdout).toContain("--- a/news/2014/03/7/index.md\n+++ b/news/2014/03/7/index.md\n@@ -1,3 +1,3 @@\n # 2014-03-07\n \n-1. [First take](/news/2014/03/7/first-take.md)\n+1. [Second take](/news/2014/03/7/second-take.md)\n");
    expect(stdout).toContain("--- /dev/null\n+++ b/news/2014/03/9/index.md\n");
    expect(stderr).toMatch(/newsctl: would fix 7 problems in 4 files; nothing was written\n$/);
    // What a real run would leave (the new day page also mends its event's date line), after the diffs.
    expect(stdout).toMatch(/\n26 problems \(20 errors, 6 warnings\) in 41 files, 26 events\n$/);
    expect(stdout.indexOf("26 problems")).toBeGreaterThan(stdout.lastIndexOf("+++ b/"));
    expect(code).toBe(1);
  });

  it("--dry-run's output applies with git apply, giving what a real run writes", async () => {
    const previewed = tempArchive({ from: SEEDED });
    const fixed = tempArchive({ from: SEEDED });
    const { stdout } = await runCli(["validate", "--fix", "--dry-run", "--archive", "."], { cwd: previewed });
    // The whole of stdout, report included: git apply reads the diffs and ignores the rest.
    const patch = join(tempDir(), "fix.patch");
    writeFileSync(patch, stdout);
    execFileSync("git", ["apply", "--unsafe-paths", patch], { cwd: previewed, stdio: "pipe" });
    await runCli(["validate", "--fix", "--archive", fixed]);
    expect(hashTree(previewed)).toEqual(hashTree(fixed));
  });

  it("with nothing to fix, writes nothing and creates nothing, not even .newsctl/", async () => {
    const root = tempArchive();
    const { code, stdout, stderr } = await runCli(["validate", "--fix", "--archive", root]);
    expect(code).toBe(0);
    expect(stderr).toBe("newsctl: nothing to fix\n");
    expect(stdout).toBe("no problems in 14 files, 6 events\n");
    expect(existsSync(join(root, ".newsctl"))).toBe(false);
  });

  it("keeps stdout for the report in machine formats: diffs go to stderr", async () => {
    const root = tempArchive({ from: SEEDED });
    const { stdout, stderr } = await runMain(["validate", "--fix", "--dry-run", "--format", "json", "--archive", root]);
    const report = JSON.parse(stdout);
    expect(report.problems.some((p: { rule: string }) => p.rule === "superseded-link")).toBe(false);
    expect(stderr).toContain("+++ b/news/2014/03/7/index.md");
  });

  it("keeps CRLF and a missing final newline in the pages it edits", async () => {
    const path = "news/2013/01/14/index.md";
    const root = tempArchive();
    const page = readText(root, path).trimEnd().replace(/\n/g, "\r\n").replace("Islamists rebels capture", "Islamists capture");
    execFileSync("sh", ["-c", `printf '%s' "$1" > "$2"`, "sh", page, join(root, path)]);
    await runMain(["validate", "--fix", "--archive", root]);
    const fixed = readText(root, path);
    expect(fixed).toBe(page.replace("Islamists capture", "Islamists rebels capture").replace(/ \]\(/, "]("));
  });

  it("waits for the lock, then gives up with exit 3 and changes nothing", async () => {
    const root = tempArchive({ from: SEEDED });
    const before = hashTree(root);
    const release = await acquireLock(root);
    try {
      const r = await runCli(["validate", "--fix", "--archive", root], { env: { NEWSCTL_LOCK_TIMEOUT_MS: "300" } });
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/locked by another newsctl/);
    } finally {
      release();
    }
    expect(changedPaths(before, hashTree(root))).toEqual([]);
  });

  it("never overwrites a day page it cannot read", async () => {
    const root = tempArchive({ files: { "news/2013/01/14/index.md": Buffer.from([0x31, 0x00, 0x32]) } });
    const before = hashTree(root);
    const { stdout } = await runMain(["validate", "--fix", "--format", "json", "--archive", root]);
    expect(changedPaths(before, hashTree(root))).toEqual([]);
    expect(JSON.parse(stdout).problems.map((p: { rule: string }) => p.rule)).toEqual(["parse-error"]);
  });

  describe("never acts on an event a version of which cannot be read", () => {
    const V1 = "news/2013/01/21/northern-mali-conflict-pfrench-and-malian-troops-retake-diabaly-and-douentza-as-islamist-forces-retreat.md";
    const DAY = "news/2013/01/21/index.md";
    const LINKER = "news/2016/12/30/mali-returns-two-people-france-deported-on-the-same-planes-they-arrived-on.md";
    const spoil = {
      binary: (text: string) => Buffer.concat([Buffer.from(text), Buffer.from([0, 0xff])]),
      "a parse error": (text: string) => "---\ncontexts: [unclosed\n---\n" + text,
    };

    it.each([
      ["binary", spoil.binary, ["not-in-index", "stale-title"]],
      ["a parse error", spoil["a parse error"], []],
    ] as const)("its current version %s: the first version is never listed, nothing is repointed", async (_, damage, left) => {
      const root = tempArchive();
      writeFile(root, SEED_PATH, damage(readText(root, SEED_PATH)));
      // The day page lists none of its versions, and another event links to its first version.
      writeFile(root, DAY, "# 2013-01-21\n");
      writeFile(root, LINKER, readText(root, LINKER).replace(`(/${SEED_PATH})`, `(/${V1})`));
      const before = hashTree(root);
      const { code, stderr } = await runCli(["validate", "--fix", "--archive", root]);
      expect(code).toBe(1);
      expect(changedPaths(before, hashTree(root))).toEqual([]);
      expect(stderr).toMatch(/^newsctl: nothing to fix$/m);
      const withheld = [...stderr.matchAll(/^newsctl: left ([a-z-]+) at (\S+) unfixed: an event it concerns has a version that cannot be read; fix that file first$/gm)];
      expect(withheld.map((m) => m[1])).toEqual(left);
    });

    it("its current version unreadable and listed: no not-in-index for the version read in its place", async () => {
      const root = tempArchive();
      writeFile(root, SEED_PATH, spoil.binary(readText(root, SEED_PATH)));
      const before = hashTree(root);
      const { stdout } = await runMain(["validate", "--fix", "--format", "json", "--archive", root]);
      expect(changedPaths(before, hashTree(root))).toEqual([]);
      expect(JSON.parse(stdout).problems.map((p: { rule: string }) => p.rule)).not.toContain("not-in-index");
    });
  });
});


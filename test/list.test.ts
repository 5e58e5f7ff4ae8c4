import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { Capture, FIXTURE_ARCHIVE, runCli, runMain, SEED_PATH, tempArchive, writeFile } from "./helpers.js";
import { runInPty } from "./pty.js";

const A = ["--archive", FIXTURE_ARCHIVE];

// One table, run in-process and through the spawned binary.
const cases: { name: string; args: string[]; code: number; stdout?: RegExp; stderr?: RegExp; count?: number }[] = [
  { name: "one day, current versions only", args: ["list", "--date", "2013-01-21", "--format", "json", ...A], code: 0, count: 1 },
  { name: "an unpadded day folder", args: ["list", "--date", "2012-09-01", ...A], code: 0, stdout: /^2012-09-01 {2}Islamist rebels in northern Mali seize the central town of Douentza\./ },
  { name: "a range", args: ["list", "--from", "2013-01-01", "--to", "2013-12-31", "--format", "json", ...A], code: 0, count: 3 },
  { name: "tags, all must match, any case", args: ["list", "--tag", "mali", "--tag", "ISLAMIST", "--format", "json", ...A], code: 0, count: 4 },
  { name: "every version", args: ["list", "--date", "2013-01-21", "--all-versions", "--format", "json", ...A], code: 0, count: 3 },
  { name: "a day with no events", args: ["list", "--date", "2001-01-01", "--format", "json", ...A], code: 0, count: 0 },
  { name: "not a calendar date", args: ["list", "--date", "2013-02-30", ...A], code: 2, stderr: /2013-02-30.*not a calendar date/ },
  { name: "not a date at all", args: ["list", "--from", "yesterday", ...A], code: 2, stderr: /--from "yesterday"/ },
  { name: "a range backwards", args: ["list", "--from", "2014-01-01", "--to", "2013-01-01", ...A], code: 2, stderr: /after --to/ },
  { name: "an unknown option", args: ["list", "--colour", ...A], code: 2, stderr: /unknown option '--colour'/ },
  { name: "an unknown format", args: ["list", "--format", "xml", ...A], code: 2, stderr: /^newsctl list: --format "xml" is not one of text, json; see newsctl list --help\n$/ },
  { name: "an archive folder that is not there", args: ["list", "--archive", "/nonexistent/x"], code: 2, stderr: /--archive \/nonexistent\/x: no such folder/ },
];

describe.each([
  ["in-process", (args: string[]) => runMain(args)],
  ["spawned", (args: string[]) => runCli(args)],
])("newsctl list (%s)", (_how, run) => {
  it.each(cases)("$name", async ({ args, code, stdout, stderr, count }) => {
    const result = await run(args);
    expect(result.code, result.stderr).toBe(code);
    if (stdout) expect(result.stdout).toMatch(stdout);
    if (stderr) expect(result.stderr).toMatch(stderr);
    if (count !== undefined) expect(JSON.parse(result.stdout)).toHaveLength(count);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("newsctl list --format json", () => {
  it("gives the seed's event with exactly the documented keys", async () => {
    const { stdout } = await runCli(["list", "--date", "2013-01-21", "--format", "json", ...A]);
    const [item] = JSON.parse(stdout);
    expect(Object.keys(item)).toEqual(["date", "title", "path", "summary", "contexts", "sources", "cover", "related", "versions", "current"]);
    expect(item).toMatchObject({
      date: "2013-01-21",
      title: "French and Malian troops retake Diabaly and Douentza as Islamist forces retreat.",
      path: SEED_PATH,
      contexts: ["Diabaly", "Douentza", "France", "Islamist", "Mali"],
      sources: [
        { name: "BBC", url: "http://www.bbc.co.uk/news/world-africa-21121262" },
        { name: "France 24", url: "http://www.france24.com/en/20130121-french-malian-troops-advance-diabaly-france-aims-total-reconquest" },
      ],
      cover: "https://ichef.bbci.co.uk/news/1024/media/images/65407000/jpg/_65407363_65407362.jpg",
      versions: 3,
      current: true,
    });
    expect(item.related[3]).toEqual({
      title: "Fourteen Sufi mausoleums in the city of Timbuktu in northern Mali have been rebuilt, three years after they were destroyed by Islamist militants from Ansar Dine group.",
      path: "news/2015/07/19/fourteen-sufi-mausoleums-in-the-city-of-timbuktu-in-northern-mali-have-been-rebuilt-three-years-after-they-were-destroyed-by-islamist-mili.md",
      contexts: ["Islamist", "Mali"],
    });
  });

  it("marks every item current or not, with or without --all-versions", async () => {
    const OLDER = [
      "news/2013/01/21/northern-mali-conflict-pfrench-and-malian-troops-retake-diabaly-and-douentza-as-islamist-forces-retreat.md",
      "news/2013/01/21/northern-mali-conflict-french-and-malian-troops-retake-diabaly-and-douentza-as-islamist-forces-retreat.md",
    ];
    const all = JSON.parse((await runCli(["list", "--date", "2013-01-21", "--all-versions", "--format", "json", ...A])).stdout);
    expect(all.map((i: { path: string; current: boolean }) => [i.path, i.current])).toEqual([
      [OLDER[0], false],
      [OLDER[1], false],
      [SEED_PATH, true],
    ]);
    // The same key, always: current versions only, by tag, by range, the whole archive.
    for (const args of [["--tag", "mali"], ["--from", "2012-01-01", "--to", "2013-12-31"], [], ["--all-versions"]]) {
      const items = JSON.parse((await runMain(["list", ...args, "--format", "json", ...A])).stdout) as { current: unknown; path: string }[];
      expect(items.length, args.join(" ")).toBeGreaterThan(0);
      for (const item of items) expect(typeof item.current, `${args.join(" ")} ${item.path}`).toBe("boolean");
      if (!args.includes("--all-versions")) expect(items.every((i) => i.current === true)).toBe(true);
    }
  });

  it("sorts by date, then by order in the day page", async () => {
    const root = tempArchive({
      files: {
        "news/2020/05/3/b.md": "### [2020-05-03](/news/2020/05/3/index.md)\n\n# Bee\n",
        "news/2020/05/3/a.md": "### [2020-05-03](/news/2020/05/3/index.md)\n\n# Ay\n",
        "news/2020/05/3/index.md": "# 2020-05-03\n\n1. [Bee](/news/2020/05/3/b.md)\n2. [Ay](/news/2020/05/3/a.md)\n",
      },
    });
    const { stdout } = await runCli(["list", "--from", "2020-01-01", "--format", "json", "--archive", root]);
    expect(JSON.parse(stdout).map((i: { title: string }) => i.title)).toEqual(["Bee", "Ay"]);
  });
});

describe("reading and finding the archive", () => {
  it("--date reads only that day's folder, padded or not", async () => {
    const root = tempArchive({
      files: { "news/2019/03/07/padded.md": "### [2019-03-07](/news/2019/03/07/index.md)\n\n# Padded day\n" },
    });
    // A FIFO elsewhere in the archive: reading it would hang, so it must not be read.
    execFileSync("mkfifo", [`${root}/news/2013/01/21/trap.md`]);
    const result = await runCli(["list", "--date", "2019-03-07", "--archive", root], { timeoutMs: 10_000 });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/2019-03-07 {2}Padded day/);
  });

  it("finds the archive from NEWSCTL_ARCHIVE, else the nearest folder above holding news/", async () => {
    const root = tempArchive();
    writeFile(root, "news/2013/01/21/deep/x.txt", "");
    const fromEnv = await runCli(["list", "--date", "2013-01-21"], { env: { NEWSCTL_ARCHIVE: root } });
    expect(fromEnv.stdout).toMatch(/French and Malian troops/);
    const fromCwd = await runCli(["list", "--date", "2013-01-21"], { cwd: `${root}/news/2013/01/21/deep` });
    expect(fromCwd.stdout).toMatch(/French and Malian troops/);
  });

  it("says clearly when there is no archive", async () => {
    const root = tempArchive({ from: null });
    const result = await runCli(["list"], { cwd: `${root}/news` , env: { NEWSCTL_ARCHIVE: undefined } });
    // news/ itself holds no news/ folder, but its parent does: that parent is the archive.
    expect(result.code).toBe(0);
    const none = await runCli(["list"], { cwd: "/", env: { NEWSCTL_ARCHIVE: undefined } });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no archive found/);
  });

  it("colours only on a terminal and never with NO_COLOR", async () => {
    const plain = await runCli(["list", ...A], { env: { NO_COLOR: undefined } });
    expect(plain.stdout).not.toMatch(/\x1b\[/);
    const forced = await runCli(["list", ...A], { env: { NO_COLOR: undefined, FORCE_COLOR: "1" } });
    expect(forced.stdout).toMatch(/\x1b\[/);
    const both = await runCli(["list", ...A], { env: { NO_COLOR: "1", FORCE_COLOR: "1" } });
    expect(both.stdout).not.toMatch(/\x1b\[/);
  });
});

describe("a progress line while list reads more than a day", () => {
  const CLEAR = "\r\x1b[2K";

  it("shows validate's progress line at a terminal, and clears it before the list", async () => {
    for (const args of [["--tag", "mali"], ["--from", "2012-01-01"], ["--all-versions"]]) {
      const tty = new Capture(true);
      const r = await runMain(["list", ...args, ...A], { stderr: tty });
      expect(r.code).toBe(0);
      expect(tty.text, args.join(" ")).toBe(`${CLEAR}newsctl: reading the archive…${CLEAR}`);
      expect(r.stdout).toMatch(/^20\d\d-\d\d-\d\d {2}/);
    }
  });

  it("shows nothing when stderr is not a terminal, under CI, or for one day", async () => {
    expect((await runMain(["list", "--tag", "mali", ...A])).stderr).toBe("");
    const ci = new Capture(true);
    await runMain(["list", "--tag", "mali", ...A], { stderr: ci, env: { NO_COLOR: "1", CI: "true" } });
    expect(ci.text).toBe("");
    const oneDay = new Capture(true);
    await runMain(["list", "--date", "2013-01-21", ...A], { stderr: oneDay });
    expect(oneDay.text).toBe("");
  });

  it("shows it in a real terminal", async () => {
    const r = await runInPty(["list", "--tag", "mali", ...A], []);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/^newsctl: reading the archive…2012-09-01 {2}Islamist rebels/);
  });
});

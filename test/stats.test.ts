import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { displayWidth } from "../src/commands/stats/format.js";
import { main } from "../src/main.js";
import { Capture, runCli, runMain, stripAnsi, tempArchive } from "./helpers.js";
import { runInPty } from "./pty.js";
import { archiveFiles, type Ev } from "./tags-helpers.js";

describe("newsctl stats --format json", () => {
  it("describes the fixture archive's current events", async () => {
    const r = await runCli(["stats", "--format", "json", "--top", "3", "--archive", tempArchive()]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(JSON.parse(r.stdout)).toEqual({
      year: null,
      events: 6,
      versions: 8,
      first: "2012-09-01",
      last: "2016-12-30",
      timeline: {
        unit: "year",
        counts: [
          { period: "2012", events: 1 },
          { period: "2013", events: 3 },
          { period: "2014", events: 0 },
          { period: "2015", events: 1 },
          { period: "2016", events: 1 },
        ],
      },
      versionsPerEvent: { mean: 1.33, max: 3, counts: [{ n: 1, events: 5 }, { n: 3, events: 1 }] },
      sourcesPerEvent: { mean: 1.17, max: 2, counts: [{ n: 1, events: 5 }, { n: 2, events: 1 }] },
      topTags: [
        { tag: "Mali", count: 6 },
        { tag: "France", count: 4 },
        { tag: "Islamist", count: 4 },
      ],
      topDomains: [
        { domain: "france24.com", count: 2 },
        { domain: "aljazeera.com", count: 1 },
        { domain: "bbc.co.uk", count: 1 },
      ],
      noSource: { count: 0, paths: [] },
      noRelated: { count: 0, paths: [] },
    });
  });

  it("--year: that year's events only, per month, every month listed", async () => {
    const r = await runMain(["stats", "--year", "2013", "--format", "json", "--archive", tempArchive()]);
    const s = JSON.parse(r.stdout);
    expect([s.year, s.events, s.versions, s.first, s.last]).toEqual([2013, 3, 5, "2013-01-14", "2013-04-29"]);
    expect(s.timeline.unit).toBe("month");
    expect(s.timeline.counts.map((p: { period: string; events: number }) => `${p.period}:${p.events}`)).toEqual([
      "2013-01:2", "2013-02:0", "2013-03:0", "2013-04:1", "2013-05:0", "2013-06:0",
      "2013-07:0", "2013-08:0", "2013-09:0", "2013-10:0", "2013-11:0", "2013-12:0",
    ]);
    const none = JSON.parse((await runMain(["stats", "--year", "1990", "--format", "json", "--archive", tempArchive()])).stdout);
    expect([none.events, none.first, none.timeline.counts.length, none.versionsPerEvent]).toEqual([0, null, 12, { mean: 0, max: 0, counts: [] }]);
  });

  it("finds the events with no source and no related event (a link out of the archive is none)", async () => {
    const files = archiveFiles([
      { date: "2021-03-01", slug: "bare", sources: [] },
      { date: "2021-03-01", slug: "cover-only", sources: ["[Cover Image](https://example.org/x.jpg)"] },
      { date: "2021-03-02", slug: "linked", related: [{ path: "news/2021/03/1/bare.md", tail: "_Context: Peru_" }] },
      { date: "2021-03-02", slug: "outward", related: [{ path: "../../etc/passwd", title: "Out", tail: "_Context: Peru_" }] },
      { date: "2021-03-03", slug: "many", sources: Array.from({ length: 12 }, (_, i) => `[S${i}](https://WWW.Example.org/${i})`), related: [{ path: "news/2021/03/2/linked.md", tail: "_Context: Peru_" }] },
    ]);
    const s = JSON.parse((await runMain(["stats", "--format", "json", "--archive", tempArchive({ from: null, files })])).stdout);
    expect(s.noSource).toEqual({ count: 2, paths: ["news/2021/03/1/bare.md", "news/2021/03/1/cover-only.md"] });
    expect(s.noRelated).toEqual({ count: 3, paths: ["news/2021/03/1/bare.md", "news/2021/03/1/cover-only.md", "news/2021/03/2/outward.md"] });
    expect(s.sourcesPerEvent).toEqual({ mean: 2.8, max: 12, counts: [{ n: 0, events: 2 }, { n: 1, events: 2 }, { n: 12, events: 1 }] });
    expect(s.topDomains).toEqual([{ domain: "example.org", count: 12 }, { domain: "bbc.co.uk", count: 2 }]);
  });
});

/** main() with stdout a terminal of `columns`; env as given (NO_COLOR unset unless given). */
async function atTerminal(args: string[], columns: number, env: Record<string, string> = {}) {
  const stdout = Object.assign(new Capture(true), { columns });
  const stderr = new Capture(true);
  const code = await main(args, { stdout, stderr, stdin: Object.assign(Readable.from([]), { isTTY: true }) as never, env });
  return { code, stdout: stdout.text };
}

const widest = (text: string) => Math.max(...stripAnsi(text).split("\n").map(displayWidth));

/** Events over many years, with long and wide tags: labels that could push a line past the edge. */
function wideArchive(): string {
  const events: Ev[] = [];
  for (let y = 1990; y <= 2024; y++) {
    for (let n = 0; n < (y % 7) + 1; n++) {
      const tags = ["Mali", "一个非常长的中文标签用来测试终端宽度", "A very long tag name that goes on and on and on"];
      events.push({ date: `${y}-0${(n % 9) + 1}-1${n}`, slug: `event-${y}-${n}`, frontMatter: [`contexts: [${tags.map((t) => JSON.stringify(t)).join(", ")}]`], sources: Array.from({ length: n * 2 }, (_, i) => `[S](https://news${i}.example.org/${y}/${n})`) });
    }
  }
  return tempArchive({ from: null, files: archiveFiles(events) });
}

describe("newsctl stats as text", () => {
  it("draws bars within 80 columns at a terminal, and colours them unless NO_COLOR", async () => {
    const root = wideArchive();
    const coloured = await atTerminal(["stats", "--archive", root], 80);
    expect(coloured.code).toBe(0);
    expect(coloured.stdout).toContain("\x1b[");
    expect(coloured.stdout).toMatch(/█/);
    expect(widest(coloured.stdout)).toBeLessThan(80);
    const plainColour = await atTerminal(["stats", "--archive", root], 80, { NO_COLOR: "1" });
    expect(plainColour.stdout).not.toContain("\x1b[");
    expect(plainColour.stdout).toBe(stripAnsi(coloured.stdout));
    expect(plainColour.stdout).toMatch(/^Events per year  [▁▂▃▄▅▆▇█ ]+$/m);
    expect(plainColour.stdout).toMatch(/^ {2}10\+ {2}█+[▏▎▍▌▋▊▉]? +\d+$/m);
  });

  it("fits a narrow terminal and caps a wide one", async () => {
    const root = wideArchive();
    expect(widest((await atTerminal(["stats", "--archive", root], 50, { NO_COLOR: "1" })).stdout)).toBeLessThan(50);
    const wide = (await atTerminal(["stats", "--archive", root], 300, { NO_COLOR: "1" })).stdout;
    expect(widest(wide)).toBeLessThanOrEqual(100);
    expect(widest(wide)).toBeGreaterThan(90);
  });

  it("prints plain aligned numbers when not at a terminal", async () => {
    const r = await runCli(["stats", "--archive", tempArchive()], { env: { NO_COLOR: undefined, FORCE_COLOR: undefined } });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\x1b█▏▁]/);
    expect(r.stdout).toContain(["Events per year", "  2012  1", "  2013  3", "  2014  0", "  2015  1", "  2016  1", ""].join("\n"));
    expect(r.stdout).toContain(["Top tags", "  Mali         6", "  France       4"].join("\n"));
    expect(r.stdout.startsWith("6 events, 8 versions, 2012-09-01 to 2016-12-30\n")).toBe(true);
  });

  it("shows bars in a real terminal", async () => {
    const result = await runInPty(["stats", "--archive", tempArchive()], []);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/^ {2}2013 {2}█+ +3$/m);
    expect(widest(result.output)).toBeLessThanOrEqual(100);
  });

  it("refuses a year that is not one (exit 2)", async () => {
    for (const year of ["13x", "0", "12345", "-1"]) {
      expect((await runMain(["stats", "--year", year, "--archive", tempArchive()])).code, year).toBe(2);
    }
  });

  it("says little about an empty archive, and exits 0", async () => {
    const r = await runMain(["stats", "--archive", tempArchive({ from: null, files: {} })]);
    expect(r).toEqual({ code: 0, stdout: "0 events, 0 versions\n\nNo source: 0 events\nNo related event: 0 events\n", stderr: "" });
  });
});

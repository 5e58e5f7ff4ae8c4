import { chmodSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readArchive } from "../src/archive/read/read-archive.js";
import { renderEvent, type NewEvent } from "../src/archive/format/write.js";
import { main } from "../src/main.js";
import type { Prompter } from "../src/cli/prompts.js";
import { Capture, changedPaths, hashTree, readText, runCli, runMain, SEED_PATH, tempArchive, writeFile } from "./helpers.js";
import { expectSound } from "./revise-helpers.js";

const NOW = new Date("2026-01-02T03:04:05Z");
const at = { now: () => NOW };

function event(date: string, title: string, slug: string, related: NewEvent["related"], extra: Partial<NewEvent> = {}): [string, string] {
  const dayDir = `news/${date.slice(0, 4)}/${date.slice(5, 7)}/${Number(date.slice(8))}`;
  const path = `${dayDir}/${slug}.md`;
  const e: NewEvent = {
    date,
    dayDir,
    title,
    summary: `${title} Summary.`,
    sources: [{ name: "BBC", url: "https://www.bbc.co.uk/news/1" }],
    cover: null,
    related,
    changes: [{ title, path, timestamp: null, kind: "current" }],
    contexts: ["Mali"],
    recorded: "2020-03-05 10:00:00",
    ...extra,
  };
  return [path, renderEvent(e)];
}

/** An event on 2020-03-05 that five current events link to, plus a superseded version that links to it too. */
function hubArchive(): { root: string; hub: string; linkers: string[]; superseded: string } {
  const [hub, hubText] = event("2020-03-05", "Hub event.", "hub-event", []);
  const files: Record<string, string> = { [hub]: hubText, "news/2020/03/5/index.md": `# 2020-03-05\n\n1. [Hub event.](/${hub})\n` };
  const linkers: string[] = [];
  for (let i = 1; i <= 5; i++) {
    const [p, text] = event(`2020-04-0${i}`, `Linker ${i}.`, `linker-${i}`, [
      { title: "Hub event. ", path: hub, contexts: ["Mali"] },
      { title: "Elsewhere", path: "news/2020/03/5/hub-event.md", contexts: ["X"] },
    ]);
    files[p] = text;
    files[`news/2020/04/${i}/index.md`] = `# 2020-04-0${i}\n\n1. [Linker ${i}.](/${p})\n`;
    linkers.push(p);
  }
  // Linker 1 has an older version that also links to the hub: history, never repointed.
  const old = "news/2020/04/1/linker-1-old.md";
  const changes: NewEvent["changes"] = [
    { title: "Linker 1 old", path: old, timestamp: "2020-04-01 09:00:00", kind: "first" },
    { title: "Linker 1.", path: linkers[0]!, timestamp: null, kind: "current" },
  ];
  files[old] = event("2020-04-01", "Linker 1 old", "linker-1-old", [{ title: "Hub event.", path: hub, contexts: ["Mali"] }], { changes })[1];
  files[linkers[0]!] = event("2020-04-01", "Linker 1.", "linker-1", [{ title: "Hub event. ", path: hub, contexts: ["Mali"] }], { changes })[1];
  return { root: tempArchive({ from: null, files }), hub, linkers, superseded: old };
}

describe("newsctl revise with five events linking to it", () => {
  it("repoints all five current versions and leaves the superseded one alone", async () => {
    const { root, hub, linkers, superseded } = hubArchive();
    const before = hashTree(root);
    const r = await runMain(["revise", "hub", "--title", "Hub event, revised.", "--yes", "--archive", root], at);
    expect(r.code, r.stderr).toBe(0);
    const path = "news/2020/03/5/hub-event-revised.md";
    expect(r.stdout).toBe(path + "\n");
    expect(changedPaths(before, hashTree(root))).toEqual([hub, path, "news/2020/03/5/index.md", ...linkers].sort());
    for (const p of linkers) {
      expect(readText(root, p)).toContain(`1. [Hub event, revised.](/${path}) _Context: Mali_`);
      expect(readText(root, p)).not.toContain(`(/${hub})`);
    }
    expect(readText(root, superseded)).toContain(`(/${hub}) _Context: Mali_`);
    // The hub's recorded: time stamps its now superseded item.
    expect(readText(root, hub)).toContain(`1. [Hub event.](/${hub}) _2020-03-05 10:00:00 (First version)_\n2. [Hub event, revised.](/${path}) _(Current version)_\n`);
    expectSound(readArchive(root), path);
  });

  it("serialises two concurrent runs: both revisions are kept, in one history", async () => {
    const { root } = hubArchive();
    const runs = await Promise.all(
      ["First rewrite", "Second rewrite"].map((title) => runCli(["revise", "hub-event", "--title", title, "--yes", "--archive", root])),
    );
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    const archive = readArchive(root);
    const current = archive.files.get(runs.map((r) => r.stdout.trim()).find((p) => archive.eventOf.get(p)?.current.path === p)!);
    expect(archive.eventOf.get(current!.path)!.versions).toHaveLength(3);
    expectSound(archive, current!.path);
  });
});

describe("all or nothing", () => {
  it("leaves the archive byte-identical when any one of the eight renames fails", async () => {
    const root = tempArchive();
    const before = hashTree(root);
    for (let n = 1; n <= 8; n++) {
      const r = await runMain(["revise", SEED_PATH, "--title", "Anything", "--yes", "--archive", root], { ...at, env: { NO_COLOR: "1", NEWSCTL_FAULT: `rename:${n}` } });
      expect([n, r.code, r.stderr]).toEqual([n, 3, expect.stringMatching(/could not write the archive .*no file was changed/)]);
      expect(changedPaths(before, hashTree(root))).toEqual([]);
    }
  });

  it("does the same through the real binary", async () => {
    const root = tempArchive();
    const before = hashTree(root);
    const r = await runCli(["revise", SEED_PATH, "--title", "Anything", "--yes", "--archive", root], { env: { NEWSCTL_FAULT: "rename:6" } });
    expect(r.code).toBe(3);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(changedPaths(before, hashTree(root))).toEqual([]);
  });

  it("refuses before writing when one file is read-only, even as root", async () => {
    const root = tempArchive();
    const target = join(root, "news/2016/12/30/mali-returns-two-people-france-deported-on-the-same-planes-they-arrived-on.md");
    chmodSync(target, 0o444);
    const before = hashTree(root);
    const r = await runMain(["revise", SEED_PATH, "--title", "Anything", "--yes", "--archive", root], at);
    chmodSync(target, 0o644);
    expect([r.code, r.stderr]).toEqual([3, expect.stringMatching(/^newsctl revise: cannot write news\/2016\/12\/30\/.*: it is read-only \(mode 444\); .*nothing was written\n$/)]);
    expect(changedPaths(before, hashTree(root))).toEqual([]);
  });
});

describe("revise input", () => {
  const cases: { name: string; args: string[]; stderr: RegExp }[] = [
    { name: "no terminal and no --yes", args: ["revise", SEED_PATH, "--title", "X"], stderr: /not a terminal: pass --yes/ },
    { name: "no change given", args: ["revise", SEED_PATH, "--yes"], stderr: /nothing to change/ },
    { name: "the values it already has", args: ["revise", SEED_PATH, "--title", "French and Malian troops retake Diabaly and Douentza as Islamist forces retreat.", "--yes"], stderr: /nothing to change.*current ones/ },
    { name: "an unknown slug", args: ["revise", "no-such-event", "--title", "X", "--yes"], stderr: /^newsctl revise: no-such-event: no event file is named so, nor starts so/ },
    { name: "an ambiguous slug", args: ["revise", "i", "--title", "X", "--yes"], stderr: /^newsctl revise: i: 2 events match; give one's path:\n  news\/2012\/09\/1\/islamist-rebels.*\n  news\/2013\/01\/14\/islamists-rebels/ },
    { name: "a day page", args: ["revise", "news/2013/01/21/index.md", "--title", "X", "--yes"], stderr: /^newsctl revise: news\/2013\/01\/21\/index.md: a day page, not an event\n$/ },
    { name: "a bad source URL", args: ["revise", SEED_PATH, "--add-source", "X=ftp://x", "--yes"], stderr: /--add-source "X=ftp:\/\/x": not http\(s\)/ },
    { name: "a source without a name", args: ["revise", SEED_PATH, "--source", "http://x.test", "--yes"], stderr: /--source takes NAME=URL/ },
    { name: "removing a source it lacks", args: ["revise", SEED_PATH, "--remove-source", "CNN", "--yes"], stderr: /no source of that name \(it has: BBC, France 24\)/ },
    { name: "a tag with a comma", args: ["revise", SEED_PATH, "--tag", "a,b", "--yes"], stderr: /cannot hold a comma/ },
    { name: "an empty title", args: ["revise", SEED_PATH, "--title", "  ", "--yes"], stderr: /--title "  ": a title cannot be empty/ },
  ];
  it.each(cases)("exits 2 on $name, writing nothing", async ({ args, stderr }) => {
    const root = tempArchive();
    const before = hashTree(root);
    const r = await runMain([...args, "--archive", root], at);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(stderr);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(changedPaths(before, hashTree(root))).toEqual([]);
  });

  it("exits 2 through the real binary too, without waiting for input that never comes", async () => {
    const r = await runCli(["revise", SEED_PATH, "--title", "X", "--archive", tempArchive()], { timeoutMs: 10_000 });
    expect([r.code, r.signal]).toEqual([2, null]);
    expect(r.stderr).toBe("newsctl revise: revise asks before it writes, and this is not a terminal: pass --yes to write, or --dry-run to see the change\n");
  });

  it("--dry-run prints the diff of every file and writes nothing", async () => {
    const root = tempArchive();
    const before = hashTree(root);
    const r = await runCli(["revise", SEED_PATH, "--remove-source", "france 24", "--dry-run", "--archive", root]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.match(/^\+\+\+ /gm)).toHaveLength(8);
    // The new version shows as a diff from the version it supersedes.
    expect(r.stdout).toContain(`--- a/${SEED_PATH}\n+++ b/news/2013/01/21/french-and-malian-troops-retake-diabaly-and-douentza-as-islamist-forces-retreat-2.md\n@@ -1,3 +1,6 @@\n+---\n+recorded: "`);
    expect(r.stdout).toMatch(/^-2\. \[France 24\]/m);
    expect(r.stdout).toMatch(/^ 2\. \[Cover Image\]/m);
    expect(r.stderr).toMatch(/would write 8 files/);
    expect(changedPaths(before, hashTree(root))).toEqual([]);
  });
});

describe("revise on a terminal", () => {
  function stubPrompter(answers: Record<string, string>, confirm: boolean, asked: string[]): Prompter {
    const input = async (o: { message: string; default?: string }) => {
      asked.push(`${o.message}=${o.default}`);
      return answers[o.message] ?? o.default ?? "";
    };
    return {
      input,
      editor: input,
      confirm: async (o) => (asked.push(o.message), confirm),
      // The summary prompt: what to do with it (the first choice is "keep" when there is one).
      select: async <T>(o: { message: string; choices: { value: T }[] }) => {
        asked.push(`${o.message}?${o.choices.map((c) => String(c.value)).join("/")}`);
        return (answers[o.message] as T | undefined) ?? o.choices[0]!.value;
      },
      checkbox: async () => { throw new Error("not asked"); },
      search: async () => { throw new Error("not asked"); },
    };
  }

  async function runTty(args: string[], prompter: Prompter) {
    const stdout = new Capture(true);
    const stderr = new Capture(true);
    const stdin = Object.assign(Readable.from([]), { isTTY: true });
    const code = await main(args, { stdout, stderr, stdin: stdin as never, env: { NO_COLOR: "1" }, prompter, ...at });
    return { code, stdout: stdout.text, stderr: stderr.text };
  }

  it("prompts prefilled with the current values, previews the diff, and writes on yes", async () => {
    const root = tempArchive();
    const asked: string[] = [];
    const r = await runTty(["revise", SEED_PATH, "--archive", root], stubPrompter({ Title: "Retaken" }, true, asked));
    expect(r.code, r.stderr).toBe(0);
    expect(asked).toEqual([
      "Title=French and Malian troops retake Diabaly and Douentza as Islamist forces retreat.",
      "Summary?keep/type/editor/remove",
      'Sources (NAME=URL, separated by "|")=BBC=http://www.bbc.co.uk/news/world-africa-21121262 | France 24=http://www.france24.com/en/20130121-french-malian-troops-advance-diabaly-france-aims-total-reconquest',
      "Context tags (comma-separated)=Diabaly, Douentza, France, Islamist, Mali",
      "Write these 8 files?",
    ]);
    expect(r.stdout).toContain("+++ b/news/2013/01/21/retaken.md\n");
    expect(r.stdout.endsWith("news/2013/01/21/retaken.md\n")).toBe(true);
    expectSound(readArchive(root), "news/2013/01/21/retaken.md");
  });

  it("writes nothing when the answer is no, or when no prompt changed anything (answers: exit 0)", async () => {
    const root = tempArchive();
    const before = hashTree(root);
    const declined = await runTty(["revise", SEED_PATH, "--archive", root], stubPrompter({ Title: "Retaken" }, false, []));
    expect([declined.code, declined.stderr]).toEqual([0, "newsctl: not confirmed; nothing was written\n"]);
    const unchanged = await runTty(["revise", SEED_PATH, "--archive", root], stubPrompter({}, true, []));
    expect([unchanged.code, unchanged.stderr]).toEqual([0, "newsctl: nothing changed; nothing was written\n"]);
    expect(changedPaths(before, hashTree(root))).toEqual([]);
  });
});

describe("files from many hands", () => {
  it("keeps a version's CRLF endings and byte-order mark", async () => {
    const [hub, text] = event("2020-03-05", "Hub event.", "hub-event", []);
    const root = tempArchive({ from: null, files: { [hub]: "\uFEFF" + text.replace(/\n/g, "\r\n") } });
    const r = await runMain(["revise", hub, "--summary", "Changed.", "--yes", "--archive", root], at);
    expect(r.code, r.stderr).toBe(0);
    const written = readText(root, r.stdout.trim());
    expect(written.startsWith("\uFEFF---\r\n")).toBe(true);
    expect(written.replace(/\r\n/g, "")).not.toMatch(/\n/);
    expect(readText(root, hub)).toContain(`_2020-03-05 10:00:00 (First version)_\r\n2. [Hub event.](/news/2020/03/5/hub-event-2.md) _(Current version)_\r\n`);
    expect(readText(root, "news/2020/03/5/index.md")).toBe(`# 2020-03-05\n\n1. [Hub event.](/news/2020/03/5/hub-event-2.md)\n`);
  });
});

describe("an event a version of which cannot be read", () => {
  it("is not revised through the version read in its place (exit 2, nothing written)", async () => {
    const root = tempArchive();
    writeFile(root, SEED_PATH, Buffer.concat([Buffer.from(readText(root, SEED_PATH)), Buffer.from([0])]));
    const before = hashTree(root);
    const v1 = "news/2013/01/21/northern-mali-conflict-pfrench-and-malian-troops-retake-diabaly-and-douentza-as-islamist-forces-retreat.md";
    const r = await runMain(["revise", v1, "--title", "Forked", "--yes", "--archive", root], at);
    expect([r.code, r.stderr]).toEqual([2, `newsctl revise: ${SEED_PATH}: binary file (holds NUL bytes): not an event; this event's Changes list names it, so fix it before revising the event\n`]);
    expect(changedPaths(before, hashTree(root))).toEqual([]);
  });
});

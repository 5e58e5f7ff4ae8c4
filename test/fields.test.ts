// Every value add or revise accepts reads back from the file exactly as
// given (trimmed; a summary's line breaks as LF; tags as a sorted set);
// every other value is refused with a message naming the flag and, where a
// character is to blame, the character.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanName, cleanSummary, cleanTitle, cleanUrl, uniqueTags } from "../src/archive/format/fields.js";
import { sortTags } from "../src/archive/format/contexts.js";
import { parseEvent } from "../src/archive/format/parse-event.js";
import { parseArchivePath } from "../src/archive/format/paths.js";
import { planRevision } from "../src/archive/revision.js";
import type { EventFile } from "../src/archive/types.js";
import { eventValues, type EventValues } from "../src/archive/format/verify.js";
import { completeDraft, draftFromFlags, type AddOptions } from "../src/commands/add/draft.js";
import { planAdd } from "../src/commands/add/plan.js";
import { loadForRevision } from "../src/commands/revise/load.js";
import { promptEntry } from "../src/commands/add/interactive.js";
import { promptRequest, requestFromFlags, type ReviseFlags } from "../src/commands/revise/request.js";
import type { Prompter } from "../src/cli/prompts.js";
import { NewsctlError } from "../src/errors.js";
import { changedPaths, hashTree, readText, runCli, runMain, SEED_PATH, tempArchive } from "./helpers.js";
import { assertSeeded } from "./seeded.js";

const NOW = new Date("2026-01-02T03:04:05Z");
const BASE: AddOptions = { date: "2013-02-01", title: "T", summary: "S.", source: ["BBC=https://bbc.test/a"], format: "text" };

/** One character or a trap: line and paragraph separators, heading and fence starts, link syntax, controls. */
const TRAPS = ["\u2028", "\u2029", "\u00a0", "\u000b", "\u000c", "\r", "\n", "\r\n", "\u0000", "\u0085", "\u007f", "\ufeff", "\ufffe", "\t", " ", "#", "## ", "##\u00a0", "###Source:", "\n##Changes:", "\n---", "\n...", "\\", ")", "(", "[", "]", "<", ">", "_", ",", "=", "|", "*", "`", "%", "%2D", "Cover Image"];
const unit = fc.oneof(fc.string({ unit: "binary", minLength: 1, maxLength: 1 }), fc.constantFrom(...TRAPS));
const anything = fc.string({ unit, maxLength: 12 });
const text = fc.oneof(anything, anything.map((s) => `Mali ${s} Gao`));
const name = text.filter((s) => !s.includes("="));
const url = fc.oneof(anything, anything.map((s) => `https://a.test/${s}`), anything.map((s) => ` https://a.test/p?q=${s}#${s} `));

function readBack(path: string, content: string): EventValues {
  const file = parseEvent(path, parseArchivePath(path)!, content);
  expect(file.notes.filter((n) => n.severity === "error"), content).toEqual([]);
  return eventValues(file);
}

/** Run `plan`; a refusal must be a usage error that names `flag`. Returns null when refused. */
function attempt<T>(flag: string, plan: () => T): T | null {
  try {
    return plan();
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(NewsctlError);
    expect((error as NewsctlError).exitCode).toBe(2);
    expect((error as Error).message.startsWith(flag), (error as Error).message).toBe(true);
    expect((error as Error).message).not.toMatch(/\n/);
    return null;
  }
}

describe("add: every field reads back as given, or is refused naming it", () => {
  const addOnce = (root: string, flag: string, opts: Partial<AddOptions>) =>
    attempt(flag, () => {
      const draft = completeDraft(draftFromFlags({ ...BASE, ...opts }), NOW);
      const plan = planAdd(root, draft, "2026-01-02 03:04:05");
      return readBack(plan.path, plan.content);
    });

  it.each([
    ["--title", text, (v: string) => ({ title: v }), (got: EventValues, v: string) => expect(got.title).toBe(cleanTitle(v))],
    ["--summary", fc.string({ unit, maxLength: 30 }), (v: string) => ({ summary: v }), (got: EventValues, v: string) => expect(got.summary).toBe(cleanSummary(v))],
    ["--source", name, (v: string) => ({ source: [`${v}=https://a.test/x`] }), (got: EventValues, v: string) => expect(got.sources).toEqual([{ name: cleanName(v), url: "https://a.test/x" }])],
    ["--source", url, (v: string) => ({ source: [`Name=${v}`] }), (got: EventValues, v: string) => expect(got.sources).toEqual([{ name: "Name", url: cleanUrl(v) }])],
    ["--cover", url, (v: string) => ({ cover: v }), (got: EventValues, v: string) => expect(got.covers).toEqual([cleanUrl(v)])],
    ["--tag", fc.array(text, { maxLength: 3 }), (v: string[]) => ({ tag: v }), (got: EventValues, v: string[]) => expect(got.tags).toEqual(sortTags(uniqueTags(v)))],
  ] as [string, fc.Arbitrary<never>, (v: never) => Partial<AddOptions>, (got: EventValues, v: never) => void][])("%s", (flag, values, opts, check) => {
    const root = tempArchive();
    assertSeeded(
      fc.property(values, (v) => {
        const got = addOnce(root, flag, opts(v));
        if (got) check(got, v);
      }),
      150,
    );
  });
});

describe("revise: every field reads back as given, or is refused naming it", () => {
  const reviseOnce = ({ archive, event }: ReturnType<typeof loadForRevision>, flag: string, flags: ReviseFlags) =>
    attempt(flag, () => {
      const plan = planRevision(archive, event, requestFromFlags(event, flags), NOW);
      return readBack(plan.path, plan.writes[0]!.content);
    });

  it.each([
    ["--title", text, (v: string) => ({ title: v }), (got: EventValues, v: string) => expect(got.title).toBe(cleanTitle(v))],
    ["--summary", fc.string({ unit, maxLength: 30 }), (v: string) => ({ summary: v }), (got: EventValues, v: string) => expect(got.summary).toBe(cleanSummary(v))],
    ["--add-source", url, (v: string) => ({ addSource: [`Name=${v}`] }), (got: EventValues, v: string) => expect(got.sources.at(-1)).toEqual({ name: "Name", url: cleanUrl(v) })],
    ["--source", name, (v: string) => ({ source: [`${v}=https://a.test/x`] }), (got: EventValues, v: string) => expect(got.sources).toEqual([{ name: cleanName(v), url: "https://a.test/x" }])],
    ["--tag", fc.array(text, { minLength: 1, maxLength: 3 }), (v: string[]) => ({ tag: v }), (got: EventValues, v: string[]) => {
      const given = sortTags(uniqueTags(v.filter((t) => t.trim() !== "")));
      if (given.join() !== "Diabaly,Douentza,France,Islamist,Mali") expect(got.tags).toEqual(given);
    }],
  ] as [string, fc.Arbitrary<never>, (v: never) => ReviseFlags, (got: EventValues, v: never) => void][])("%s", (flag, values, flags, check) => {
    const root = tempArchive();
    const loaded = loadForRevision(root, SEED_PATH, root);
    assertSeeded(
      fc.property(values, (v) => {
        const got = reviseOnce(loaded, flag, flags(v));
        if (got) check(got, v);
      }),
      150,
    );
  });
});

describe("the traps the issue names, through the real binary", () => {
  const addArgs = (root: string, extra: string[]) => ["add", "--archive", root, "--yes", "--date", "2013-02-01", "--title", "Gao", "--summary", "S.", "--source", "BBC=https://bbc.test/a", ...extra];

  it.each([
    [["--title", "Gao\u2028airport"], '--title "Gao\\u2028airport": U+2028 (LINE SEPARATOR) cannot be written in a title: it is one line'],
    [["--title", "Gao\u2029airport"], "U+2029 (PARAGRAPH SEPARATOR) cannot be written in a title"],
    [["--summary", "Fine.\n##Changes:"], '--summary: summary line 2 ("##Changes:") would read as a heading'],
    [["--summary", "Fine.\n###Source:"], '--summary: summary line 2 ("###Source:") would read as a heading'],
    [["--summary", "Fine.\n##\u00a0Then"], '--summary: summary line 2 ("##\\u00a0Then") would read as a heading'],
    [["--summary", "Fine.\n##\u000bThen"], "U+000B (LINE TABULATION) cannot be written in a summary"],
    [["--summary", "Fine.\n---"], '--summary: summary line 2 ("---") cannot be --- or ...'],
    [["--summary", "Fine.\u0000"], "U+0000 (NULL) cannot be written in a summary"],
    [["--tag", "Mali\rGao"], "U+000D (CARRIAGE RETURN) cannot be written in a tag: it is one line"],
    [["--source", "B\u0085BC=https://bbc.test/b"], "U+0085 (NEXT LINE) cannot be written in a source name"],
  ])("add and revise refuse %j the same way, writing nothing", async (extra, message) => {
    const root = tempArchive();
    const before = hashTree(root);
    // A NUL cannot be passed to a process: that case runs in-process.
    const run = extra.some((a) => a.includes("\u0000")) ? runMain : runCli;
    const added = await run(addArgs(root, extra));
    expect([added.code, added.stderr]).toEqual([2, expect.stringContaining(message)]);
    const revised = await run(["revise", SEED_PATH, ...(extra[0] === "--source" ? ["--add-source", extra[1]!] : extra), "--yes", "--archive", root]);
    expect([revised.code, revised.stderr]).toEqual([2, expect.stringContaining(message.replace("--source", "--add-source"))]);
    expect(revised.stderr.split("\n")).toHaveLength(2);
    expect(changedPaths(before, hashTree(root))).toEqual([]);
  });

  it("writes URLs with ')', an unclosed '(', '\\' or '<>' so that they read back the same, and validate passes", async () => {
    const root = tempArchive();
    const urls = ["https://a.test/x)y", "https://a.test/x(y", "https://a.test/end\\", "https://a.test/q?a=<b>", "https://en.test/wiki/Mali_(country)"];
    const r = await runCli([...addArgs(root, ["--cover", "https://a.test/c(1.jpg", "--format", "json"]), ...urls.flatMap((u, i) => ["--source", `S${i}=${u}`])]);
    expect(r.code, r.stderr).toBe(0);
    const path = JSON.parse(r.stdout).path as string;
    const got = readBack(path, readText(root, path));
    expect(got.sources).toEqual([{ name: "BBC", url: "https://bbc.test/a" }, ...urls.map((u, i) => ({ name: `S${i}`, url: u }))]);
    expect(got.covers).toEqual(["https://a.test/c(1.jpg"]);
    expect(readText(root, path)).toContain("[S4](https://en.test/wiki/Mali_(country))");
    const v = await runCli(["validate", "--max-warnings", "0", "--archive", root]);
    expect(v.code, v.stderr).toBe(0);
  });

  it("revise keeps a title with a no-break space and a tab inside, trimmed at its ends", async () => {
    const root = tempArchive();
    const r = await runCli(["revise", SEED_PATH, "--title", "  Gao\u00a0airport\tretaken  ", "--yes", "--format", "json", "--archive", root]);
    expect(r.code, r.stderr).toBe(0);
    const { path } = JSON.parse(r.stdout) as { path: string };
    expect((parseEvent(path, parseArchivePath(path)!, readText(root, path)) as EventFile).title?.text).toBe("Gao\u00a0airport\tretaken");
  });
});

describe("the prompts hold the same rules as the flags", () => {
  /** Answers every input with its default, after asking its validator about each trap. */
  function probingPrompter(traps: string[], seen: Map<string, (string | true)[]>): Prompter {
    const input = async (o: { message: string; default?: string; validate?: (v: string) => boolean | string }) => {
      if (o.validate) seen.set(o.message, traps.map((t) => o.validate!(t) as string | true));
      return o.default ?? (o.message === "Title" ? "Gao" : "Fine.");
    };
    const never = async () => {
      throw new Error("not asked");
    };
    // The summary prompt asks what to do first: type it here, where the validator is.
    const select = async <T>(o: { choices: { value: T }[] }) => o.choices.find((c) => c.value === ("type" as T))!.value;
    return { input, editor: input, confirm: async () => true, select, checkbox: never, search: never };
  }
  const traps = ["Gao\u2028airport", "Fine.\n##\u00a0Then", "Fine.\n---", "Mali_Gao"];

  it("revise's Title, Summary and tag prompts refuse what the flags refuse, with the same reason", async () => {
    const root = tempArchive();
    const { event } = loadForRevision(root, SEED_PATH, root);
    const seen = new Map<string, (string | true)[]>();
    await promptRequest(probingPrompter(traps, seen), requestFromFlags(event, {}), event);
    expect(seen.get("Title")![0]).toBe('title "Gao\\u2028airport": U+2028 (LINE SEPARATOR) cannot be written in a title: it is one line');
    expect(seen.get("Summary (one paragraph)")![1]).toMatch(/^summary: summary line 2 \("##\\u00a0Then"\) would read as a heading/);
    expect(seen.get("Summary (one paragraph)")![2]).toMatch(/^summary: summary line 2 \("---"\) cannot be --- or \.\.\./);
    expect(seen.get("Context tags (comma-separated)")![3]).toMatch(/a tag cannot hold a comma or an underscore/);
  });

  it("add's Title and Summary prompts give the same reasons", async () => {
    const root = tempArchive();
    const seen = new Map<string, (string | true)[]>();
    const env = { prompter: probingPrompter(traps, seen), say: () => {}, root, archive: null as never, vocabulary: [], editor: "vim", now: NOW, relatedFor: () => [] };
    await promptEntry(env, { date: "2013-02-01", sources: [{ name: "BBC", url: "https://bbc.test/a" }], cover: null, tags: [], backlink: false });
    expect(seen.get("Title")![0]).toBe("U+2028 (LINE SEPARATOR) cannot be written in a title: it is one line");
    expect(seen.get("Summary (one paragraph)")![1]).toMatch(/^summary line 2 \("##\\u00a0Then"\) would read as a heading/);
    expect(seen.get("Summary (one paragraph)")![2]).toMatch(/^summary line 2 \("---"\) cannot be --- or \.\.\./);
  });
});

describe("summary lines markdown would render as headings", () => {
  it("are refused up to three spaces in; four make a code line, which is kept", async () => {
    const { checkSummary } = await import("../src/archive/format/fields.js");
    expect(checkSummary("Fine.\n   ## Then")).toMatch(/^summary line 2 \("   ## Then"\) would read as a heading/);
    expect(checkSummary("Fine.\n #\tThen")).toMatch(/would read as a heading/);
    expect(checkSummary("Fine.\n    ## Then")).toBeNull();
    expect(checkSummary("Fine.\n#hashtag and ##no-space and ####### seven")).toBeNull();
  });
});

// One voice for errors: every error is one line on stderr, `newsctl <command>:
// <message>`, whoever found it (commander, an option's check, the command);
// a mistake in the command line points at that command's help. Through the
// real binary: streams and exit codes are the contract.

import { describe, expect, it } from "vitest";
import { CommanderError } from "commander";
import { acquireLock } from "../src/archive/write/lock.js";
import { describeCommanderError } from "../src/cli/error-line.js";
import { FIXTURE_ARCHIVE, runCli, tempArchive } from "./helpers.js";

const A = ["--archive", FIXTURE_ARCHIVE];
const COMMANDS = "list, validate, add, revise, history, merge-day-page, init-git, tags, stats, completion, help";

const CASES: { args: string[]; line: string }[] = [
  // An option's own check.
  { args: ["list", "--date", "2013-13-01", ...A], line: 'newsctl list: --date "2013-13-01" is not a calendar date (YYYY-MM-DD); see newsctl list --help' },
  { args: ["validate", "--max-warnings", "x", ...A], line: 'newsctl validate: --max-warnings takes a whole number, not "x"; see newsctl validate --help' },
  { args: ["add", "--suggest-related", "many", ...A], line: 'newsctl add: --suggest-related takes a whole number, not "many"; see newsctl add --help' },
  // Commander's errors, reworded.
  { args: ["list", "--frob", ...A], line: "newsctl list: unknown option '--frob' (did you mean --from?); see newsctl list --help" },
  { args: ["validate", "--format", "xml", ...A], line: 'newsctl validate: --format "xml" is not one of text, json, github, sarif; see newsctl validate --help' },
  { args: ["revise", ...A], line: "newsctl revise: missing required argument 'event'; see newsctl revise --help" },
  { args: ["add", "--title"], line: "newsctl add: option '--title <text>' argument missing; see newsctl add --help" },
  { args: ["list", "extra", ...A], line: "newsctl list: too many arguments for 'list': expected 0 arguments but got 1; see newsctl list --help" },
  { args: ["frob"], line: "newsctl: unknown command 'frob'; see newsctl --help" },
  { args: ["lsit"], line: "newsctl: unknown command 'lsit' (did you mean list?); see newsctl --help" },
  { args: ["--frob"], line: "newsctl: unknown option '--frob'; see newsctl --help" },
  { args: ["help", "frob"], line: `newsctl help: unknown command 'frob'; the commands are ${COMMANDS}` },
  // The command's own refusals.
  { args: ["list", "--date", "2013-01-01", "--from", "2013-01-02", ...A], line: "newsctl list: --date cannot be combined with --from/--to" },
  { args: ["history", "no-such-event", ...A], line: expect.stringMatching(/^newsctl history: .*no-such-event/) as unknown as string },
  { args: ["validate", "--dry-run", ...A], line: "newsctl validate: --dry-run goes with --fix (validate alone never writes)" },
];

describe("every error is one line naming the command", () => {
  const named = CASES.map((c) => ({ ...c, name: c.args.filter((a) => !A.includes(a)).join(" ") }));
  it.each(named)("newsctl $name", async ({ args, line }) => {
    const r = await runCli(args);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe("");
    expect(lines[0]).toEqual(line);
  });

  it("so is a failure to finish (exit 3)", async () => {
    const root = tempArchive({ files: { "news/2013/01/14/index.md": "# 2013-01-14\n\n1. [Stale](/news/2013/01/14/islamists-rebels-capture-the-malian-town-of-diabaly-after-fierce-fighting-with-government-troops-as-french-airplanes-strike-targets-in-gao.md)\n" } });
    const release = await acquireLock(root);
    try {
      const r = await runCli(["validate", "--fix", "--archive", root], { env: { NEWSCTL_LOCK_TIMEOUT_MS: "300" } });
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/^newsctl validate: the archive is locked by another newsctl \(pid \d+ on .*\): .*; try again, or remove the file if no newsctl is running\n$/);
    } finally {
      release();
    }
  });
});

describe("help and the version are not errors", () => {
  it.each([
    [["--version"], /^\d+\.\d+\.\d+\n$/],
    [["--help"], /^Usage: newsctl \[options\] \[command\]\n/],
    [["help"], /^Usage: newsctl \[options\] \[command\]\n/],
    [["list", "--help"], /^Usage: newsctl list \[options\]\n/],
    [["help", "list"], /^Usage: newsctl list \[options\]\n/],
    [["help", "help"], /^Usage: newsctl help \[options\] \[command\]\n/],
  ])("%j: exit 0, on stdout", async (args, out) => {
    const r = await runCli(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(out);
    expect(r.stderr).toBe("");
  });

  it("no command at all prints the help on stderr, exit 2", async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^Usage: newsctl \[options\] \[command\]\n/);
  });
});

describe("commander's messages in newsctl's words", () => {
  const reword = (code: string, message: string) => describeCommanderError(new CommanderError(1, code, message));

  it("keeps an option parser's own message, which names its flag, and nothing around it", () => {
    const invalid = "commander.invalidArgument";
    expect(reword(invalid, `error: option '--date <YYYY-MM-DD>' argument '2013-13-01' is invalid. --date "2013-13-01" is not a calendar date (YYYY-MM-DD).`)).toBe(
      '--date "2013-13-01" is not a calendar date (YYYY-MM-DD)',
    );
    expect(reword(invalid, "error: option '--n <n>' argument 'x' is invalid. Not a number.")).toBe('--n "x": Not a number');
    expect(reword(invalid, "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json.")).toBe('--format "xml" is not one of text, json');
  });

  it("puts a suggestion on the same line, and is silent for help and the version", () => {
    expect(reword("commander.unknownOption", "error: unknown option '--dat'\n(Did you mean --date?)")).toBe("unknown option '--dat' (did you mean --date?)");
    expect(reword("commander.helpDisplayed", "(outputHelp)")).toBeNull();
    expect(reword("commander.version", "0.1.0")).toBeNull();
  });
});

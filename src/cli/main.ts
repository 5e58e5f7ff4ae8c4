// The command line: registers commands and turns every outcome into an
// exit code. Each action only normalises options and hands them to its
// command module, imported lazily so start-up stays small.

import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { describeOsError, EXIT, isOsError, NewsctlError } from "../errors.js";
import { packageVersion } from "../version.js";
import { createContext, type Context } from "./context.js";
import { parseDateOption, parseDuration, parseHttpUrl, parsePositiveInt, parseRegexList } from "./options.js";

const collect = (value: string, previous: string[] = []) => [...previous, value];

function archiveOption(): Option {
  return new Option("--archive <dir>", "the archive folder (default: $NEWSCTL_ARCHIVE, else the nearest folder holding news/)");
}

function formatOption(choices: string[]): Option {
  return new Option("--format <format>", "output format").choices(choices).default("text");
}

export function buildProgram(ctx: Context, setExit: (code: number) => void): Command {
  const program = new Command("newsctl")
    .description("Add, revise, list and validate a markdown archive of news events")
    .version(packageVersion(), "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
    });

  program
    .command("list")
    .description("list events by day, date range or context tag")
    .addOption(new Option("--date <YYYY-MM-DD>", "one day (reads only that day's folder)").argParser(parseDateOption("--date")))
    .addOption(new Option("--from <YYYY-MM-DD>", "first day of a range, inclusive").argParser(parseDateOption("--from")))
    .addOption(new Option("--to <YYYY-MM-DD>", "last day of a range, inclusive").argParser(parseDateOption("--to")))
    .option("--tag <name>", "only events with this context tag (repeatable: all must match; any case)", collect)
    .option("--all-versions", "include superseded versions")
    .addOption(formatOption(["text", "json"]))
    .addOption(archiveOption())
    .action(async (opts) => {
      const { runList } = await import("../commands/list/index.js");
      setExit(await runList(ctx, opts));
    });

  program
    .command("validate")
    .description("check links and archive structure; exit 1 on errors")
    .argument("[paths...]", "report only on these files (checks still use the whole archive)")
    .addOption(formatOption(["text", "json", "github", "sarif"]))
    .option("--fix", "repair what is safe to repair: stale titles, superseded links, day-page entries")
    .option("--dry-run", "with --fix: show the diff, write nothing")
    .addOption(new Option("--max-warnings <n>", "exit 1 when there are more warnings than this").argParser(parsePositiveInt("--max-warnings", 0)))
    .option("--no-cache", "read every file (and with --online ask every URL), ignoring .newsctl/cache")
    .option("--online", "also ask every Source and Cover Image URL whether it still answers")
    .addOption(new Option("--concurrency <n>", "with --online: requests at once (default 16; at most 2 per host)").argParser(parsePositiveInt("--concurrency")))
    .addOption(new Option("--timeout <duration>", "with --online: per request, e.g. 10s, 500ms (default 10s)").argParser(parseDuration("--timeout", { bareMsFrom: 100 })))
    .addOption(new Option("--max-age <duration>", "with --online: reuse successful checks this recent, e.g. 12h, 7d, 0 (default 1d)").argParser(parseDuration("--max-age", { allowZero: true })))
    .addOption(new Option("--exclude <regex>", "with --online: do not ask URLs that match (repeatable)").argParser(parseRegexList("--exclude")))
    .option("--suggest-archived", "with --online: name an archived copy of each dead URL (written only with --fix)")
    .addOption(new Option("--wayback-url <url>", "with --suggest-archived: the availability endpoint (default: $NEWSCTL_WAYBACK_URL, else archive.org's)").argParser(parseHttpUrl("--wayback-url")))
    .addOption(archiveOption())
    .action(async (paths: string[], opts) => {
      const { runValidate } = await import("../commands/validate/index.js");
      setExit(await runValidate(ctx, { ...opts, paths }));
    });

  program
    .command("add")
    .description("add a new event (prompts on a terminal; every field is also a flag)")
    .addOption(new Option("--date <YYYY-MM-DD>", "the event's day (default: today)").argParser(parseDateOption("--date")))
    .option("--title <text>", "the title")
    .option("--summary <text>", "the summary paragraph(s)")
    .option("--source <name=url>", "a source (repeatable)", collect)
    .option("--cover <url>", "the cover image URL")
    .option("--tag <name>", "a context tag (repeatable)", collect)
    .option("--related <event>", "a related event: archive path or slug, as revise takes it (repeatable)", collect)
    .addOption(new Option("--suggest-related <n>", "also relate the N best suggestions").argParser(parsePositiveInt("--suggest-related", 0)))
    .option("--backlink", "also add this event to the Related list of each related event")
    .option("-y, --yes", "no prompts: take the flags as they are")
    .option("--dry-run", "print the file that would be written, write nothing")
    .addOption(formatOption(["text", "json"]))
    .addOption(archiveOption())
    .action(async (opts) => {
      const { runAdd } = await import("../commands/add/index.js");
      setExit(await runAdd(ctx, opts));
    });

  program
    .command("revise")
    .description("record a new revision of an event, repointing every link to it")
    .argument("<event>", "archive path or slug of the event (any of its versions)")
    .option("--title <text>", "the new title")
    .option("--summary <text>", "the new summary")
    .option("--source <name=url>", "replace the sources (repeatable)", collect)
    .option("--add-source <name=url>", "add a source (repeatable)", collect)
    .option("--remove-source <name>", "remove the sources with this name (repeatable)", collect)
    .option("--tag <name>", "replace the context tags (repeatable)", collect)
    .option("-y, --yes", "no prompts: take the flags as they are")
    .option("--dry-run", "print the diff of every file it would touch, write nothing")
    .addOption(formatOption(["text", "json"]))
    .addOption(archiveOption())
    .action(async (event: string, opts) => {
      const { runRevise } = await import("../commands/revise/index.js");
      setExit(await runRevise(ctx, { ...opts, event }));
    });

  program
    .command("history")
    .description("the versions of an event, oldest first")
    .argument("<event>", "archive path or slug of the event (any of its versions)")
    .addOption(formatOption(["text", "json"]))
    .addOption(archiveOption())
    .action(async (event: string, opts) => {
      const { runHistory } = await import("../commands/revise/history.js");
      setExit(await runHistory(ctx, { ...opts, event }));
    });

  return program;
}


export async function main(argv: string[], overrides: Partial<Context> = {}): Promise<number> {
  const ctx = createContext(overrides);
  let code: number = EXIT.ok;
  const program = buildProgram(ctx, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (error) {
    return exitCodeFor(ctx, error);
  }
}

function exitCodeFor(ctx: Context, error: unknown): number {
  if (error instanceof InvalidArgumentError) {
    // Thrown by our own option parsing inside an action: commander has not printed it.
    ctx.stderr.write(`newsctl: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof CommanderError) {
    // Commander has printed its message already.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof NewsctlError) {
    ctx.stderr.write(`newsctl: ${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof Error && error.name === "ExitPromptError") {
    ctx.stderr.write("newsctl: cancelled; nothing was written\n");
    return EXIT.cancelled;
  }
  if (isOsError(error)) {
    // A permission, a full disk, a name too long: the user's to fix, not a bug.
    ctx.stderr.write(`newsctl: ${describeOsError(error)}\n`);
    return EXIT.failure;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  ctx.stderr.write(`newsctl: internal error, please report it with this text:\n${detail}\n`);
  return EXIT.failure;
}

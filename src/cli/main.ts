// The command line: registers commands and turns every outcome into an
// exit code. Each action only normalises options and hands them to its
// command module, imported lazily so start-up stays small.

import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { ArgumentError, EXIT, NewsctlError, UsageError } from "../errors.js";
import { packageVersion } from "../version.js";
import { createContext, type Context } from "./context.js";
import { describeCommanderError, errorLine } from "./error-line.js";
import { parseDateOption, parsePositiveInt } from "./options.js";

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
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
      // Commander's errors are printed by main(), in newsctl's words (error-line.ts).
      outputError: () => {},
    })
    // Ours, so that `newsctl help frob` says frob is unknown (commander's prints the general help).
    .helpCommand(false);

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
    .option("--no-cache", "read every file, ignoring .newsctl/cache")
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
    .option("--related <path>", "archive path of a related event (repeatable)", collect)
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

  program
    .command("help")
    .description("display help for a command")
    .argument("[command]", "the command")
    .action((name?: string) => {
      const target = name === undefined ? program : program.commands.find((c) => c.name() === name);
      if (!target) throw new UsageError(`unknown command '${name}'; the commands are ${program.commands.map((c) => c.name()).join(", ")}`);
      target.outputHelp();
    });

  return program;
}


export async function main(argv: string[], overrides: Partial<Context> = {}): Promise<number> {
  const ctx = createContext(overrides);
  let code: number = EXIT.ok;
  const program = buildProgram(ctx, (c) => {
    code = c;
  });
  // Which subcommand runs, known before it parses its options, so every error can name it.
  let command: string | null = null;
  program.hook("preSubcommand", (_program, sub) => {
    command = sub.name();
  });
  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (error) {
    return exitCodeFor(ctx, command, error);
  }
}

function exitCodeFor(ctx: Context, command: string | null, error: unknown): number {
  const say = (message: string, hint = false) => ctx.stderr.write(errorLine(command, message, { hint }));
  if (error instanceof CommanderError && !(error instanceof InvalidArgumentError)) {
    const message = describeCommanderError(error);
    // Help or the version, printed already; `newsctl` alone prints the help as its error.
    if (message === null) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    say(message, true);
    return EXIT.usage;
  }
  if (error instanceof InvalidArgumentError || error instanceof ArgumentError) {
    say(error.message.replace(/\.$/, ""), true);
    return EXIT.usage;
  }
  if (error instanceof NewsctlError) {
    say(error.message);
    return error.exitCode;
  }
  if (error instanceof Error && error.name === "ExitPromptError") {
    say("cancelled; nothing was written");
    return EXIT.cancelled;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  say(`internal error, please report it with this text:\n${detail}`);
  return EXIT.failure;
}

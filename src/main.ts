// The command line: registers commands and turns every outcome into an
// exit code. Each action only normalises options and hands them to its
// command module, imported lazily so start-up stays small.

import { Argument, Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { ArgumentError, describeOsError, EXIT, isOsError, NewsctlError, UsageError } from "./errors.js";
import { packageVersion } from "./version.js";
import { createContext, type Context } from "./cli/context.js";
import { describeCommanderError, errorLine } from "./cli/error-line.js";
import { parseDateOption, parseDuration, parseHttpUrl, parsePositiveInt, parseRegexList } from "./cli/options.js";

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
    // Options belong to the command they follow: `tags rename … --archive X` is rename's, not tags'.
    .enablePositionalOptions()
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
      const { runList } = await import("./commands/list/index.js");
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
    .option("--changed-since <ref>", "report only on files changed since this git ref, and the files linked to and from them")
    .option("--config <file>", "read this configuration file (default: newsctl.config.json at the archive root)")
    .option("--no-config", "read no configuration file")
    .addOption(archiveOption())
    .action(async (paths: string[], opts) => {
      const { runValidate } = await import("./commands/validate/index.js");
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
      const { runAdd } = await import("./commands/add/index.js");
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
      const { runRevise } = await import("./commands/revise/index.js");
      setExit(await runRevise(ctx, { ...opts, event }));
    });

  program
    .command("history")
    .description("the versions of an event, oldest first")
    .argument("<event>", "archive path or slug of the event (any of its versions)")
    .addOption(formatOption(["text", "json"]))
    .addOption(archiveOption())
    .action(async (event: string, opts) => {
      const { runHistory } = await import("./commands/revise/history.js");
      setExit(await runHistory(ctx, { ...opts, event }));
    });

  program
    .command("merge-day-page")
    .description("git merge driver for day pages: merges entry by entry (see init-git)")
    .argument("<base>", "the common ancestor's version (git's %O)")
    .argument("<ours>", "our version, where the merge is written (git's %A)")
    .argument("<theirs>", "their version (git's %B)")
    .argument("[marker-size]", "conflict marker length (git's %L)", parsePositiveInt("marker-size"))
    .argument("[path]", "the day page's path in the repository (git's %P)")
    .action(async (base: string, ours: string, theirs: string, markerSize: number | undefined, path: string | undefined) => {
      const { runMergeDayPage } = await import("./commands/merge-day-page/index.js");
      setExit(await runMergeDayPage(ctx, { base, ours, theirs, markerSize, path }));
    });

  program
    .command("init-git")
    .description("set git up to merge day pages with newsctl (.gitattributes and git config)")
    .option("--command <cmd>", "how git should run newsctl", "newsctl")
    .addOption(archiveOption())
    .action(async (opts) => {
      const { runInitGit } = await import("./commands/init-git/index.js");
      setExit(await runInitGit(ctx, opts));
    });

  const tags = program
    .command("tags")
    .description("every context tag with its count of current events; rename and merge tags")
    .addOption(new Option("--sort <order>", "most used first, or by name").choices(["count", "name"]).default("count"))
    .option("--similar", "group likely duplicates (case, diacritics, punctuation, plural, prefix); the most used spelling wins")
    .addOption(formatOption(["text", "json"]))
    .addOption(archiveOption())
    .enablePositionalOptions()
    .action(async (opts) => {
      const { runTags } = await import("./commands/tags/index.js");
      setExit(await runTags(ctx, opts));
    });

  tags
    .command("rename")
    .description("rename a context tag in every current version")
    .argument("<old>", "the tag as the archive spells it")
    .argument("<new>", "the new name")
    .option("-y, --yes", "no question: write at once")
    .option("--dry-run", "print the diff of every file it would change, write nothing")
    .addOption(formatOption(["text", "json"]))
    .addOption(archiveOption())
    .action(async (old: string, name: string, opts) => {
      const { runRetag } = await import("./commands/tags/retag.js");
      setExit(await runRetag(ctx, { ...opts, from: [old], to: name }));
    });

  tags
    .command("merge")
    .description("merge context tags into one: TAG [TAG…] INTO TAG")
    .argument("<tags...>", "the tags to merge, then INTO and the tag they become")
    .option("-y, --yes", "no question: write at once")
    .option("--dry-run", "print the diff of every file it would change, write nothing")
    .addOption(formatOption(["text", "json"]))
    .addOption(archiveOption())
    .action(async (words: string[], opts) => {
      const { runRetag } = await import("./commands/tags/retag.js");
      const { parseMergeArgs } = await import("./commands/tags/check.js");
      setExit(await runRetag(ctx, { ...opts, ...parseMergeArgs(words) }));
    });

  program
    .command("stats")
    .description("the shape of the archive: events per year, versions, sources, top tags and domains, gaps")
    .addOption(new Option("--year <YYYY>", "only that year's events, per month").argParser(parsePositiveInt("--year")))
    .addOption(new Option("--top <n>", "how many tags and domains to show").argParser(parsePositiveInt("--top")).default(10))
    .addOption(formatOption(["text", "json"]))
    .addOption(archiveOption())
    .action(async (opts) => {
      const { runStats } = await import("./commands/stats/index.js");
      setExit(await runStats(ctx, opts));
    });

  program
    .command("completion")
    .description("print the completion script for a shell (see the README to install it)")
    .addArgument(new Argument("<shell>", "bash, zsh or fish").choices(["bash", "zsh", "fish"]))
    .action(async (shell: "bash" | "zsh" | "fish") => {
      const { runCompletion } = await import("./commands/completion/index.js");
      setExit(await runCompletion(ctx, shell, program));
    });

  // What the completion scripts call for tags, events and paths; never prints an error.
  program
    .command("__complete", { hidden: true })
    .argument("[source]")
    .argument("[words...]")
    .helpOption(false)
    .allowUnknownOption()
    .passThroughOptions()
    .action(async (source: string | undefined, words: string[]) => {
      const { runComplete } = await import("./commands/completion/live.js");
      setExit(await runComplete(ctx, source ?? "", words));
    });

  program
    .command("help")
    .description("display help for a command")
    .argument("[command]", "the command")
    .action((name?: string) => {
      const target = name === undefined ? program : program.commands.find((c) => c.name() === name);
      if (!target) throw new UsageError(`unknown command '${name}'; the commands are ${visibleCommands(program).join(", ")}`);
      target.outputHelp();
    });

  return program;
}

/** The commands a person may type (the completion scripts' helper is not one). */
function visibleCommands(program: Command): string[] {
  return program.commands.map((c) => c.name()).filter((name) => !name.startsWith("__"));
}


export async function main(argv: string[], overrides: Partial<Context> = {}): Promise<number> {
  const ctx = createContext(overrides);
  let code: number = EXIT.ok;
  const program = buildProgram(ctx, (c) => {
    code = c;
  });
  // Which subcommand runs, known before it parses its options, so every error can name it.
  let command: string | null = null;
  const track = (parent: Command, prefix: string) => {
    parent.hook("preSubcommand", (_parent, sub) => {
      command = prefix + sub.name();
    });
    for (const sub of parent.commands) if (sub.commands.length > 0) track(sub, `${prefix}${sub.name()} `);
  };
  track(program, "");
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
  if (isOsError(error)) {
    // A permission, a full disk, a name too long: the user's to fix, not a bug.
    say(describeOsError(error));
    return EXIT.failure;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  say(`internal error, please report it with this text:\n${detail}`);
  return EXIT.failure;
}

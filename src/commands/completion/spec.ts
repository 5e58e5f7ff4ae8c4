// What the shell scripts complete, read off the commander program itself:
// every visible command, option and argument, so a command or flag added
// later completes without a change here. What a value completes to follows
// from its choices, or from its name (a --tag is a tag wherever it is).

import type { Argument, Command, Option } from "commander";

/** Values newsctl itself lists, from the archive (see live.ts). */
export type LiveSource = "tags" | "events" | "paths";

export type ValueKind =
  | { kind: "none" }
  | { kind: "choices"; choices: string[] }
  | { kind: "live"; source: LiveSource }
  | { kind: "dirs" }
  | { kind: "files" };

export interface OptionSpec {
  /** Every spelling: "-y", "--yes". */
  flags: string[];
  description: string;
  /** What its value completes to; null for a flag that takes none. */
  value: ValueKind | null;
  /** Said so in its description, as newsctl's options do: "(repeatable)". */
  repeatable: boolean;
}

export interface ArgumentSpec {
  name: string;
  variadic: boolean;
  value: ValueKind;
}

export interface CommandSpec {
  /** Subcommand names from the program down: [] for the program, ["tags", "rename"]. */
  path: string[];
  name: string;
  description: string;
  options: OptionSpec[];
  args: ArgumentSpec[];
  commands: CommandSpec[];
}

const BY_OPTION: Record<string, ValueKind> = {
  tag: { kind: "live", source: "tags" },
  related: { kind: "live", source: "paths" },
  archive: { kind: "dirs" },
};

const BY_ARGUMENT: Record<string, ValueKind> = {
  event: { kind: "live", source: "events" },
  old: { kind: "live", source: "tags" },
  new: { kind: "live", source: "tags" },
  tags: { kind: "live", source: "tags" },
  paths: { kind: "files" },
};

const NONE: ValueKind = { kind: "none" };

function optionValue(option: Option): ValueKind | null {
  if (!option.required && !option.optional) return null;
  if (option.argChoices?.length) return { kind: "choices", choices: [...option.argChoices] };
  return BY_OPTION[option.long?.replace(/^--/, "") ?? ""] ?? NONE;
}

function argumentValue(argument: Argument): ValueKind {
  if (argument.argChoices?.length) return { kind: "choices", choices: [...argument.argChoices] };
  return BY_ARGUMENT[argument.name()] ?? NONE;
}

export function completionSpec(program: Command, path: string[] = []): CommandSpec {
  const help = program.createHelp();
  const options = help.visibleOptions(program).map((o) => ({
    flags: [o.short, o.long].filter((f): f is string => Boolean(f)),
    description: o.description,
    value: optionValue(o),
    repeatable: /\brepeatable\b/i.test(o.description),
  }));
  const args = program.registeredArguments.map((a) => ({ name: a.name(), variadic: a.variadic, value: argumentValue(a) }));
  const visible = help.visibleCommands(program);
  const commands = visible.map((c) => completionSpec(c, [...path, c.name()]));
  // commander's own `help [command]` completes to its siblings.
  const names = visible.map((c) => c.name()).filter((n) => n !== "help");
  for (const c of commands) if (c.name === "help" && c.args[0]?.name === "command") c.args[0].value = { kind: "choices", choices: names };
  return { path, name: program.name(), description: program.description(), options, args, commands };
}

/** Every command of the tree, the program first, parents before their subcommands. */
export function allCommands(spec: CommandSpec): CommandSpec[] {
  return [spec, ...spec.commands.flatMap(allCommands)];
}

/** Shell code as written: a template tag like String.raw, where \${ stands for the shell's own ${. */
export function shellCode(strings: TemplateStringsArray): string {
  return String.raw({ raw: strings.raw }).replace(/\\\$\{/g, "${");
}

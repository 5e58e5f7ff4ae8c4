// Every error newsctl prints is one line in one voice, `newsctl <command>:
// <message>`, whoever found it: commander parsing the command line, an
// option's own check, or the command itself. A mistake in the command line
// also points at that command's help.

import type { CommanderError } from "commander";

/** Commander codes that are not errors: help or the version was asked for and printed. */
const NOT_ERRORS = new Set(["commander.help", "commander.helpDisplayed", "commander.version"]);

/** `command` is the subcommand being run (null before one is known). */
export function errorLine(command: string | null, message: string, options: { hint?: boolean } = {}): string {
  const who = command ? `newsctl ${command}` : "newsctl";
  return `${who}: ${message}${options.hint ? `; see ${who} --help` : ""}\n`;
}

/**
 * Commander's message in newsctl's words: no "error:" prefix, the "Did you
 * mean" suggestion on the same line, no final period. Null when commander
 * printed help or the version, which is not an error.
 */
export function describeCommanderError(error: CommanderError): string | null {
  if (NOT_ERRORS.has(error.code)) return null;
  let message = error.message.replace(/^error: /, "").replace(/\n\(Did you mean (.*)\?\)$/s, " (did you mean $1?)");
  // "option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json.", or an
  // InvalidArgumentError's own message after "is invalid. ": that message alone when it names the flag.
  const invalid = /^option '(\S+)[^']*' argument '(.*)' is invalid\. (.*)$/s.exec(message);
  if (invalid) {
    const [, flag, value, detail] = invalid as unknown as [string, string, string, string];
    const choices = /^Allowed choices are (.*)\.$/s.exec(detail);
    if (choices) message = `${flag} ${JSON.stringify(value)} is not one of ${choices[1]}`;
    else message = detail.startsWith(flag) ? detail : `${flag} ${JSON.stringify(value)}: ${detail}`;
  }
  return message.replace(/\. Expected /, ": expected ").replace(/\.$/, "").replace(/\n/g, " ");
}

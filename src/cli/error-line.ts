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
  // "option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json."
  const choice = /^option '(\S+)[^']*' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/s.exec(message);
  if (choice) message = `${choice[1]} ${JSON.stringify(choice[2])} is not one of ${choice[3]}`;
  return message.replace(/\. Expected /, ": expected ").replace(/\.$/, "").replace(/\n/g, " ");
}

// The one wrapper around @inquirer/prompts. Commands ask through a Prompter
// so tests can drive it with @inquirer/testing or a stub, and Ctrl+C becomes
// CancelledError (exit 130, nothing written) in one place.

import { checkbox, confirm, editor, input, search, select } from "@inquirer/prompts";
import { CancelledError } from "../errors.js";
import type { Context } from "./context.js";

export interface Choice<T> {
  name: string;
  value: T;
  /** What the answer line shows once chosen (default: the name). */
  short?: string;
  description?: string;
  checked?: boolean;
}

export interface Prompter {
  /** `prefill: "editable"` puts the default in the line, ready to edit (Enter keeps it). */
  input(opts: { message: string; default?: string; prefill?: "tab" | "editable"; validate?: (value: string) => boolean | string }): Promise<string>;
  confirm(opts: { message: string; default?: boolean }): Promise<boolean>;
  select<T>(opts: { message: string; choices: Choice<T>[]; default?: T }): Promise<T>;
  checkbox<T>(opts: { message: string; choices: Choice<T>[] }): Promise<T[]>;
  search<T>(opts: { message: string; source: (term: string | undefined) => Promise<Choice<T>[]> | Choice<T>[] }): Promise<T>;
  /** `waitForUserInput: false` opens the editor at once (the user already chose it). */
  editor(opts: { message: string; default?: string; validate?: (value: string) => boolean | string; waitForUserInput?: boolean; postfix?: string }): Promise<string>;
}

async function cancellable<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error && (error.name === "ExitPromptError" || error.name === "AbortPromptError")) throw new CancelledError();
    throw error;
  }
}

/** Prompts on the context's own streams. */
export function terminalPrompter(ctx: Context): Prompter {
  const io = { input: ctx.stdin, output: ctx.stdout as NodeJS.WritableStream, clearPromptOnDone: false };
  return {
    input: (o) => cancellable(() => input(o, io)),
    confirm: (o) => cancellable(() => confirm(o, io)),
    select: (o) => cancellable(() => select(o, io)),
    checkbox: (o) => cancellable(() => checkbox(o, io)),
    search: (o) => cancellable(() => search(o, io)),
    editor: (o) => cancellable(() => editor(o, io)),
  };
}

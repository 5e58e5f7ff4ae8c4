// newsctl completion bash|zsh|fish: the completion script for a shell,
// made from the program's own commands and options.

import type { Command } from "commander";
import type { Context } from "../../cli/context.js";
import { EXIT } from "../../errors.js";
import { bashScript } from "./bash.js";
import { fishScript } from "./fish.js";
import { completionSpec } from "./spec.js";
import { zshScript } from "./zsh.js";

export type Shell = "bash" | "zsh" | "fish";

const SCRIPTS = { bash: bashScript, zsh: zshScript, fish: fishScript };

export async function runCompletion(ctx: Context, shell: Shell, program: Command): Promise<number> {
  ctx.stdout.write(SCRIPTS[shell](completionSpec(program)));
  return EXIT.ok;
}

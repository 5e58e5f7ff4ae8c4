// Refuse up front, before any temp file exists, when a file the change
// would replace is read-only: the user made it so on purpose, and renaming
// over it would succeed and overrule them.

import { accessSync, constants, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { FailureError } from "../errors.js";

export function assertWritable(root: string, paths: string[]): void {
  for (const path of paths) {
    const abs = join(root, path);
    const target = existsSync(abs) ? abs : existsSync(dirname(abs)) ? dirname(abs) : null;
    if (!target) continue;
    try {
      accessSync(target, constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "error";
      throw new FailureError(`cannot write ${target === abs ? path : dirname(path) + "/"} (${code}); no file was changed`);
    }
  }
}

// Checks the API makes of what a caller passes: a JavaScript caller has no
// compiler to catch `{ maxWarning: 0 }`, so a key the function does not
// know is an error, not silently ignored.

import type { Progress } from "../cli/progress.js";
import { UsageError } from "../errors.js";

export function checkKeys(fn: string, options: unknown, known: readonly string[]): void {
  if (options === null || typeof options !== "object" || Array.isArray(options)) throw new UsageError(`${fn}: the options must be an object`);
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw new UsageError(`${fn}: unknown option ${JSON.stringify(key)} (known: ${known.join(", ")})`);
  }
}

/** The API shows no progress: nothing may reach the caller's terminal. */
export const NO_PROGRESS: Progress = { show: () => {}, clear: () => {} };

// Whether a run fails, and why, worded once for every format: the exit
// code, the github `::error::` line, json's summary and sarif's invocation.

import type { Counts } from "./diagnostics.js";

export interface Verdict {
  failed: boolean;
  /** Why it failed ("2 errors", "3 warnings, more than --max-warnings 0"); null when it passed. */
  reason: string | null;
}

/** `limitFrom`: the configuration file the warning limit came from, when it did not come from the flag. */
export function judge(counts: Counts, maxWarnings?: number, limitFrom?: string): Verdict {
  const reasons: string[] = [];
  if (counts.errors > 0) reasons.push(plural(counts.errors, "error"));
  if (maxWarnings !== undefined && counts.warnings > maxWarnings) {
    reasons.push(`${plural(counts.warnings, "warning")}, more than ${warningLimit(maxWarnings, limitFrom)}`);
  }
  return reasons.length > 0 ? { failed: true, reason: reasons.join("; ") } : { failed: false, reason: null };
}

/** The warning limit as the user set it: `--max-warnings 0`, or `maxWarnings 0 in newsctl.config.json`. */
export function warningLimit(maxWarnings: number, from?: string): string {
  return from ? `maxWarnings ${maxWarnings} in ${from}` : `--max-warnings ${maxWarnings}`;
}

/** One sentence for a CI log: `newsctl validate failed: 2 errors`. */
export function failureMessage(verdict: Verdict): string {
  return `newsctl validate failed: ${verdict.reason}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

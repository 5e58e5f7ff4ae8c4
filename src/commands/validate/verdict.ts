// Whether a run fails, and why, worded once for every format: the exit
// code, the github `::error::` line, json's summary and sarif's invocation.

import type { Counts } from "./diagnostics.js";

export interface Verdict {
  failed: boolean;
  /** Why it failed ("2 errors", "3 warnings, more than --max-warnings 0"); null when it passed. */
  reason: string | null;
}

export function judge(counts: Counts, maxWarnings?: number): Verdict {
  const reasons: string[] = [];
  if (counts.errors > 0) reasons.push(plural(counts.errors, "error"));
  if (maxWarnings !== undefined && counts.warnings > maxWarnings) {
    reasons.push(`${plural(counts.warnings, "warning")}, more than --max-warnings ${maxWarnings}`);
  }
  return reasons.length > 0 ? { failed: true, reason: reasons.join("; ") } : { failed: false, reason: null };
}

/** One sentence for a CI log: `newsctl validate failed: 2 errors`. */
export function failureMessage(verdict: Verdict): string {
  return `newsctl validate failed: ${verdict.reason}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

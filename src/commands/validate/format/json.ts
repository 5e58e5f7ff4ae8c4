// JSON for programs, on stdout, exactly:
// {"summary":{"files","events","errors","warnings","failed","reason"},"problems":[{file,line,column,severity,rule,message[,suggestion]}]}

import type { Problem, ValidateReport } from "../../../api/types.js";
import type { Counts, Diagnostic } from "../diagnostics.js";
import type { Verdict } from "../verdict.js";

export function formatJson(list: Diagnostic[], counts: Counts, verdict: Verdict): string {
  return JSON.stringify(toReport(list, counts, verdict)) + "\n";
}

/** The report as data: what the API's validate returns, field for field. */
export function toReport(list: Diagnostic[], counts: Counts, verdict: Verdict): ValidateReport {
  return {
    summary: {
      files: counts.files,
      events: counts.events,
      errors: counts.errors,
      warnings: counts.warnings,
      failed: verdict.failed,
      reason: verdict.reason,
    },
    problems: list.map(toProblem),
  };
}

/** Built field by field: the fix data diagnostics carry never leaks out. */
export function toProblem(d: Diagnostic): Problem {
  return {
    file: d.file,
    line: d.line,
    column: d.column,
    severity: d.severity,
    rule: d.rule,
    message: d.message,
    ...(d.suggestion !== undefined ? { suggestion: d.suggestion } : {}),
  };
}

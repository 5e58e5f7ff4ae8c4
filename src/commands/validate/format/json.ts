// JSON for programs, on stdout, exactly:
// {"summary":{"files","events","errors","warnings","failed","reason"},"problems":[{file,line,column,severity,rule,message[,suggestion]}]}

import type { Counts, Diagnostic } from "../diagnostics.js";
import type { Verdict } from "../verdict.js";

export function formatJson(list: Diagnostic[], counts: Counts, verdict: Verdict): string {
  const report = {
    summary: {
      files: counts.files,
      events: counts.events,
      errors: counts.errors,
      warnings: counts.warnings,
      failed: verdict.failed,
      reason: verdict.reason,
    },
    // Built field by field: the fix data diagnostics carry never leaks out.
    problems: list.map((d) => ({
      file: d.file,
      line: d.line,
      column: d.column,
      severity: d.severity,
      rule: d.rule,
      message: d.message,
      ...(d.suggestion !== undefined ? { suggestion: d.suggestion } : {}),
    })),
  };
  return JSON.stringify(report) + "\n";
}

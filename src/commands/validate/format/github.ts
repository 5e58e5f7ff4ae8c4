// GitHub Actions workflow commands: one annotation per problem.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions

import type { Diagnostic } from "../diagnostics.js";
import { failureMessage, type Verdict } from "../verdict.js";

function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** Then, when the run fails, one `::error::` line saying why, so the job log does not end on warnings alone. */
export function formatGithub(list: Diagnostic[], showPath: (path: string) => string, verdict: Verdict): string {
  let out = "";
  for (const d of list) {
    const props = `file=${escapeProperty(showPath(d.file))},line=${d.line},col=${d.column},title=${escapeProperty(d.rule)}`;
    out += `::${d.severity} ${props}::${escapeData(d.message)}\n`;
  }
  if (verdict.failed) out += `::error::${escapeData(failureMessage(verdict))}\n`;
  return out;
}

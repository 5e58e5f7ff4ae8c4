// SARIF 2.1.0 for code scanning (github/codeql-action/upload-sarif).

import type { Diagnostic, RuleInfo } from "../diagnostics.js";
import { failureMessage, type Verdict } from "../verdict.js";

export interface SarifOptions {
  showPath: (path: string) => string;
  rules: RuleInfo[];
  version: string;
  verdict: Verdict;
}

/** The run's verdict: a failing run (errors, or too many warnings) is not a successful execution for CI. */
function invocation(verdict: Verdict) {
  return {
    executionSuccessful: !verdict.failed,
    exitCode: verdict.failed ? 1 : 0,
    toolExecutionNotifications: verdict.failed ? [{ level: "error", message: { text: failureMessage(verdict) } }] : [],
  };
}

export function formatSarif(list: Diagnostic[], opts: SarifOptions): string {
  const index = new Map(opts.rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "newsctl",
            version: opts.version,
            rules: opts.rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.summary },
              defaultConfiguration: { level: r.severity },
            })),
          },
        },
        invocations: [invocation(opts.verdict)],
        results: list.map((d) => ({
          ruleId: d.rule,
          ...(index.has(d.rule) ? { ruleIndex: index.get(d.rule) } : {}),
          level: d.severity,
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(opts.showPath(d.file)), uriBaseId: "%SRCROOT%" },
                region: { startLine: d.line, startColumn: d.column },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
}

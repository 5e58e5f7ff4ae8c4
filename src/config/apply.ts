// What the configuration and the files' own comments make of validate's
// findings: none in an ignored file, none of a rule that is off, none that a
// `newsctl-disable…` comment silences, the rest at the severity the
// configuration sets. Only the files that have findings are read for
// comments, so a run with few findings reads few files.

import type { Counts, Diagnostic, Severity } from "../commands/validate/diagnostics.js";
import { countProblems, RULES, sortDiagnostics } from "../commands/validate/diagnostics.js";
import { readSuppressions } from "../archive/read/suppressions.js";
import { closest, distance } from "fastest-levenshtein";
import { firstMatches, PatternTimeout } from "./bounded-match.js";
import { describeValue } from "./schema.js";
import { ConfigError, type Config } from "./types.js";

/** The finding about a comment that names no rule newsctl has. */
export const UNKNOWN_RULE = "unknown-rule";

export function applyConfig(findings: Diagnostic[], config: Config | null, root: string): Diagnostic[] {
  let kept = config ? dropIgnored(findings, config) : findings;
  if (config) kept = kept.filter((d) => config.rules.get(d.rule) !== "off");
  if (kept.length === 0) return kept;
  kept = [...applyComments(kept, root)];
  if (config && config.rules.size > 0) kept = relevel(kept, config);
  return sortDiagnostics(kept);
}

/** The same for a run's findings and their counts. */
export function applyConfigCounted(result: { problems: Diagnostic[]; counts: Counts }, config: Config | null, root: string): { problems: Diagnostic[]; counts: Counts } {
  const problems = applyConfig(result.problems, config, root);
  return { problems, counts: countProblems(problems, result.counts.files, result.counts.events) };
}

/** A cache key that changes with the configuration (the files' comments are part of the archive's own key). */
export function keyWithConfig(key: string, config: Config | null): string {
  return config ? `${key}+config:${config.digest}` : key;
}

/** Findings in files the configuration's `ignore` globs match (the file itself or a folder above it). */
function dropIgnored(findings: Diagnostic[], config: Config): Diagnostic[] {
  if (config.ignore.length === 0 || findings.length === 0) return findings;
  const files = [...new Set(findings.map((d) => d.file))];
  const inputs: string[] = [];
  const owner: number[] = [];
  files.forEach((file, i) => {
    const parts = file.split("/");
    for (let n = parts.length; n >= 1; n--) {
      inputs.push(parts.slice(0, n).join("/"));
      owner.push(i);
    }
  });
  let hits: Int32Array;
  try {
    hits = firstMatches(config.ignore.map((g) => g.regex), inputs);
  } catch (error) {
    if (!(error instanceof PatternTimeout)) throw error;
    const glob = config.ignore[error.index]!;
    throw new ConfigError(config.source, `${glob.key}: ${describeValue(glob.pattern)} takes too long to match archive paths; write a simpler glob`);
  }
  const ignored = new Set<string>();
  hits.forEach((hit, k) => {
    if (hit >= 0) ignored.add(files[owner[k]!]!);
  });
  return ignored.size === 0 ? findings : findings.filter((d) => !ignored.has(d.file));
}

const KNOWN = RULES.map((r) => r.id);

/** Findings the files' comments silence are dropped; a comment naming no known rule is itself reported. */
function* applyComments(findings: Diagnostic[], root: string): Generator<Diagnostic> {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of findings) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  for (const [file, list] of byFile) {
    const comments = readSuppressions(root, file);
    for (const d of list) if (!comments.covers(d.line, d.rule)) yield d;
    for (const { line, rule } of comments.named) {
      if (!KNOWN.includes(rule)) yield unknownRule(file, line, rule);
    }
  }
}

function unknownRule(file: string, line: number, rule: string): Diagnostic {
  const best = closest(rule, KNOWN);
  const hint = distance(rule, best) <= Math.max(2, Math.floor(best.length / 3)) ? ` (did you mean "${best}"?)` : "";
  return { file, line, column: 1, severity: "warning", rule: UNKNOWN_RULE, message: `a newsctl-disable comment names "${rule}", which is not a rule${hint}; it silences nothing` };
}

function relevel(findings: Diagnostic[], config: Config): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of findings) {
    const setting = config.rules.get(d.rule);
    if (setting === "off") continue;
    out.push(setting === undefined || setting === d.severity ? d : { ...d, severity: setting as Severity });
  }
  return out;
}

// Text for people: `file:line:column  severity  message  rule`, a blank line
// between files, then one summary line. Colours come in from the caller.

import { warningLimit } from "../verdict.js";
import type { Counts, Diagnostic } from "../diagnostics.js";

export interface Painter {
  red(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

export interface TextOptions {
  /** How a file is shown (relative to the working directory where possible). */
  showPath: (path: string) => string;
  paint: Painter;
  maxWarnings?: number;
  /** The configuration file maxWarnings came from, when not from the flag. */
  maxWarningsFrom?: string;
}

export function formatText(list: Diagnostic[], counts: Counts, opts: TextOptions): string {
  const { paint } = opts;
  let out = "";
  let lastFile: string | null = null;
  for (const d of list) {
    if (lastFile !== null && d.file !== lastFile) out += "\n";
    lastFile = d.file;
    const severity = d.severity === "error" ? paint.red("error") : paint.yellow("warning");
    out += `${opts.showPath(d.file)}:${d.line}:${d.column}  ${severity}  ${d.message}  ${paint.dim(d.rule)}\n`;
  }
  if (list.length > 0) out += "\n";
  return out + summaryLine(counts, opts) + "\n";
}

export function summaryLine(counts: Counts, opts: Pick<TextOptions, "paint" | "maxWarnings" | "maxWarningsFrom">): string {
  const scope = `${plural(counts.files, "file")}, ${plural(counts.events, "event")}`;
  const problems = counts.errors + counts.warnings;
  if (problems === 0) return `no problems in ${scope}`;
  const detail = `${plural(problems, "problem")} (${plural(counts.errors, "error")}, ${plural(counts.warnings, "warning")}) in ${scope}`;
  const over = opts.maxWarnings !== undefined && counts.warnings > opts.maxWarnings ? `; more warnings than ${warningLimit(opts.maxWarnings, opts.maxWarningsFrom)}` : "";
  const text = detail + over;
  return counts.errors > 0 || over ? opts.paint.bold(opts.paint.red(text)) : opts.paint.bold(opts.paint.yellow(text));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

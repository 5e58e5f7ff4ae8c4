// The shapes the API returns: the same fields, named the same, as
// `validate --format json` and `list --format json` print.

export type Severity = "error" | "warning";

/** One finding, as a problem in `validate --format json`. */
export interface Problem {
  /** Archive-relative, forward slashes (news/2013/01/21/x.md). */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** The rule id (broken-link, stale-title…): see the README's rule table. */
  rule: string;
  message: string;
  /** moved-url and dead-url with an archived copy: the address a fix writes. */
  suggestion?: string;
}

export interface ValidateSummary {
  /** Files reported on (the whole archive, or the scope of paths / changedSince). */
  files: number;
  events: number;
  errors: number;
  warnings: number;
  /** What the CLI's exit code 1 means: errors, or more warnings than maxWarnings. */
  failed: boolean;
  /** Why it failed ("2 errors"), null when it passed. */
  reason: string | null;
}

/** `validate --format json`'s report, exactly. */
export interface ValidateReport {
  summary: ValidateSummary;
  /** Sorted by file, line, column, rule. */
  problems: Problem[];
}

/** With `fix`: what was repaired (or, with `dryRun`, would be). */
export interface FixReport {
  /** False with dryRun or when there was nothing to fix. */
  written: boolean;
  /** The problems repaired (their positions as found before the repair). */
  fixed: Problem[];
  /** Repairs left undone: they concern an event a version of which cannot be read. */
  withheld: Problem[];
  /** Each file written (or to be written): its text before (null: a new file) and after. */
  files: { path: string; before: string | null; after: string }[];
}

export interface ValidateResult extends ValidateReport {
  /** Present when `fix` was asked for. */
  fixes?: FixReport;
}

/** One event version, as an item of `list --format json`. */
export interface ListItem {
  date: string;
  title: string;
  path: string;
  summary: string;
  contexts: string[];
  sources: { name: string; url: string }[];
  cover: string | null;
  related: { title: string; path: string; contexts: string[] }[];
  versions: number;
  /** False for a superseded version (with allVersions). */
  current: boolean;
}

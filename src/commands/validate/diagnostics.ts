// Diagnostics are data: one record per problem, with an optional repair the
// --fix pass may apply. Formatters see only the six public fields.

import type { LinkItem } from "../../archive/types.js";

export type Severity = "error" | "warning";

/** A safe repair, described well enough to apply inside the lock. */
export type Fix =
  | { kind: "rewrite-link"; file: string; item: LinkItem; text?: string; path?: string }
  | { kind: "remove-entry"; file: string; item: LinkItem }
  | { kind: "add-entry"; file: string; date: string; title: string; path: string }
  /** validate --online: another address in place of a Source or Cover Image URL. */
  | { kind: "rewrite-url"; file: string; item: LinkItem; url: string };

export interface Diagnostic {
  /** Archive-relative, forward slashes. */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: string;
  message: string;
  fix?: Fix;
  /** For broken-link: the missing file, so a --dry-run can tell which ones a new day page would mend. */
  missing?: string;
  /** moved-url and dead-url (with --suggest-archived): the address --fix writes instead. */
  suggestion?: string;
}

export interface RuleInfo {
  id: string;
  severity: Severity;
  summary: string;
}

/** Every rule validate reports; the README and the SARIF output are built from the same list. */
export const RULES: RuleInfo[] = [
  { id: "broken-link", severity: "error", summary: "a link inside the archive whose target file does not exist" },
  { id: "outside-archive", severity: "error", summary: "an internal link that resolves outside the archive's news/ folder" },
  { id: "bad-url", severity: "error", summary: "a Source or Cover Image URL that is not an absolute http(s) URL" },
  { id: "date-mismatch", severity: "error", summary: "the date line's date (or its day-page link) differs from the day folder" },
  { id: "invalid-date", severity: "error", summary: "a day folder that is not a calendar date" },
  { id: "not-in-index", severity: "error", summary: "a current version missing from its day page, or a day page listing a superseded version" },
  { id: "parse-error", severity: "error", summary: "a file that is not an event or day page (empty, no title, binary, front matter that is not YAML/JSON)" },
  { id: "changes-mismatch", severity: "error", summary: "the versions of an event disagree on their Changes list, or it has no or several (Current version) items" },
  { id: "not-a-file", severity: "error", summary: "a symbolic link, a folder named like an event file, or a FIFO or device under news/: never opened or followed" },
  { id: "bad-path", severity: "error", summary: "a .md file under news/ that is not at news/YYYY/MM/D/<slug>.md" },
  { id: "stale-title", severity: "warning", summary: "a Related, Changes or day-page item whose text differs from the target's title" },
  { id: "superseded-link", severity: "warning", summary: "a Related item that points at a superseded version instead of the current one" },
  { id: "related-context", severity: "warning", summary: "a Related item's context tag that one of the two events does not declare" },
  { id: "duplicate-source", severity: "warning", summary: "the same source URL twice in one event" },
  { id: "duplicate-entry", severity: "warning", summary: "a day page that lists the same file twice" },
  { id: "mixed-day-padding", severity: "warning", summary: "zero-padded and unpadded day folders in one archive, or one day split over both" },
  { id: "missing-date-line", severity: "warning", summary: "an event without its date line above the title" },
  { id: "malformed-item", severity: "warning", summary: "a list item in Source, Related, Changes or a day page that is not a [text](link)" },
  { id: "duplicate-section", severity: "warning", summary: "a Source, Related or Changes heading that appears twice" },
  { id: "unknown-rule", severity: "warning", summary: "a newsctl-disable comment that names a rule newsctl does not have (it silences nothing)" },
  { id: "dead-url", severity: "error", summary: "with --online: a Source or Cover Image URL that is gone (404, 410, no such host, connection refused)" },
  { id: "moved-url", severity: "warning", summary: "with --online: a Source or Cover Image URL that redirects permanently (301, 308); --fix writes the new address" },
  { id: "unverifiable-url", severity: "warning", summary: "with --online: a Source or Cover Image URL whose answer cannot be trusted either way (401, 403, 429, 5xx, timeout, TLS, bot wall)" },
];

/** By file, then line, column and rule: the order every format prints. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

export interface Counts {
  files: number;
  events: number;
  errors: number;
  warnings: number;
}

export function countProblems(list: Diagnostic[], files: number, events: number): Counts {
  let errors = 0;
  for (const d of list) if (d.severity === "error") errors++;
  return { files, events, errors, warnings: list.length - errors };
}

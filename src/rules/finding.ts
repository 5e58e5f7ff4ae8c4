// What a rule finds: validate's diagnostic records, made where the facts
// are (in a read worker for one file's own rules, on the main thread for
// the rules that need the whole archive). Plain data, no terminal.

export type Severity = "error" | "warning";

export interface Position {
  line: number;
  column: number;
}

export interface Finding extends Position {
  file: string;
  severity: Severity;
  rule: string;
  message: string;
  /** A safe repair; `item` is where the link is, to be matched with the parsed file when it is applied. */
  fix?: LeanFix;
  /** For broken-link: the missing file. */
  missing?: string;
}

export type LeanFix =
  | { kind: "rewrite-link"; file: string; item: Position; text?: string; path?: string }
  | { kind: "remove-entry"; file: string; item: Position }
  | { kind: "add-entry"; file: string; date: string; title: string; path: string };

/** Where one file's own rules put what they find; `currentOnly` findings count only on a current version. */
export type FileSink = (at: Position, rule: string, severity: Severity, message: string, currentOnly?: boolean) => void;

/** What the link's via is called in messages. */
export const LINK_LABEL = {
  date: "the date line",
  related: "Related item",
  changes: "Changes item",
  day: "day-page entry",
} as const;

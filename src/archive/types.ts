// The in-memory archive. Parsed fields point back at the lines they came
// from; the text itself is kept whole so that writing is lossless.

import type { InlineLink, LinkTarget } from "./format/links.js";
import type { ArchivePathInfo } from "./format/paths.js";
import type { TextDoc } from "./format/text.js";

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/** Something the parser noticed; validate turns these into diagnostics. */
export interface ParseNote extends Position {
  rule: string;
  severity: "error" | "warning";
  message: string;
}

export interface LinkItem extends Position {
  /** The link text as written (may carry stray spaces). */
  text: string;
  dest: string;
  target: LinkTarget;
  link: InlineLink;
}

export interface SourceItem extends LinkItem {
  isCover: boolean;
}

export interface RelatedItem extends LinkItem {
  contexts: string[];
}

export type ChangeKind = "first" | "update" | "current" | "unknown";

export interface ChangeItem extends LinkItem {
  /** "2017-08-25 03:37:18" as written, or null. */
  timestamp: string | null;
  kind: ChangeKind;
}

export type SectionName = "source" | "related" | "changes";

export interface Section {
  name: SectionName;
  /** 0-based index of the heading line. */
  headingIndex: number;
  /** 0-based index of the last list item line, or -1 when the list is empty. */
  lastItemIndex: number;
}

export interface FrontMatter {
  /** 0-based index of the closing fence. */
  endIndex: number;
  language: string;
  data: Record<string, unknown> | null;
}

export interface EventFile {
  kind: "event";
  path: string;
  info: ArchivePathInfo;
  doc: TextDoc;
  frontMatter: FrontMatter | null;
  dateLine: (LinkItem & { date: string }) | null;
  title: (Position & { text: string; index: number }) | null;
  summary: string;
  sources: SourceItem[];
  related: RelatedItem[];
  changes: ChangeItem[];
  sections: Partial<Record<SectionName, Section>>;
  notes: ParseNote[];
}

export interface DayEntry extends LinkItem {}

export interface DayPage {
  kind: "day";
  path: string;
  info: ArchivePathInfo;
  doc: TextDoc;
  entries: DayEntry[];
  /** 0-based index of the last list item line, or -1. */
  lastItemIndex: number;
  notes: ParseNote[];
}

/** A file that could not be read as text at all. */
export interface UnreadableFile {
  kind: "unreadable";
  path: string;
  info: ArchivePathInfo | null;
  notes: ParseNote[];
}

export type ArchiveFile = EventFile | DayPage | UnreadableFile;

export interface Event {
  /** Oldest first, as the current version's Changes list orders them. */
  versions: EventFile[];
  current: EventFile;
  contexts: string[];
  /**
   * Files its Changes lists name that exist but cannot be read as events
   * (binary, not UTF-8, a parse error). Its current version is then a guess,
   * and nothing is repaired on its behalf.
   */
  unreadable: string[];
}

export interface InboundLink extends Position {
  from: string;
  via: "related" | "changes" | "date" | "day";
}

export interface Day {
  date: string;
  dirs: string[];
  page: DayPage | null;
  files: EventFile[];
}

export interface Archive {
  root: string;
  files: Map<string, ArchiveFile>;
  events: Event[];
  eventOf: Map<string, Event>;
  days: Map<string, Day>;
  inbound: Map<string, InboundLink[]>;
}

// One file as the lean index needs it: what whole-archive questions read
// (title, links and where they point, Changes marks, declared tags) and
// nothing a command only shows or edits (summary, the text itself). The byte
// scanner makes these directly; anything unusual goes through the full
// parser and scannedFromParsed, and both must give the same fields.

import { contextsIn } from "../format/contexts.js";
import type { LinkTarget } from "../format/links.js";
import type { ArchivePathInfo } from "../format/paths.js";
import type { ArchiveFile, ChangeKind, EventFile, LinkItem, ParseNote } from "../types.js";

export type Via = "date" | "related" | "changes" | "day";

export interface ScannedLink {
  via: Via;
  line: number;
  column: number;
  /** The link text as written; compare through linkTitle. */
  text: string;
  dest: string;
  target: LinkTarget;
  /** Changes items only. */
  kind: ChangeKind;
  timestamp: string | null;
  /** Related items only: the `_Context: …_` tags, and the column of its first `_`. */
  contexts: string[];
  contextColumn: number;
}

export interface ScannedSource {
  line: number;
  /** 1-based column of the URL itself. */
  destColumn: number;
  dest: string;
  isCover: boolean;
}

export interface ScannedFile {
  path: string;
  kind: ArchiveFile["kind"];
  info: ArchivePathInfo | null;
  notes: ParseNote[];
  /** The title as written (untrimmed), and its 1-based line. */
  title: { text: string; line: number } | null;
  /** The date line's own date text, when it has one. */
  date: string | null;
  /** Date line, then Related, then Changes items (events); entries (day pages). */
  links: ScannedLink[];
  sources: ScannedSource[];
  /** 1-based line of the Changes heading; 0 when there is none. */
  changesLine: number;
  /** Front matter `contexts:` when it is a list: its string and number items, as strings. */
  declared: string[] | null;
}

/** The parser's file, as the index sees it. */
export function scannedFromParsed(file: ArchiveFile): ScannedFile {
  const out: ScannedFile = {
    path: file.path,
    kind: file.kind,
    info: file.info,
    notes: file.notes,
    title: null,
    date: null,
    links: [],
    sources: [],
    changesLine: 0,
    declared: null,
  };
  if (file.kind === "day") {
    for (const e of file.entries) out.links.push(link("day", e));
  } else if (file.kind === "event") {
    fillEvent(out, file);
  }
  return out;
}

function fillEvent(out: ScannedFile, file: EventFile): void {
  if (file.title) out.title = { text: file.title.text, line: file.title.line };
  if (file.dateLine) {
    out.date = file.dateLine.date;
    out.links.push(link("date", file.dateLine));
  }
  for (const r of file.related) {
    const l = link("related", r);
    l.contexts = r.contexts;
    if (r.contexts.length > 0) {
      const at = (file.doc.lines[r.line - 1] ?? "").indexOf("_", r.link.end);
      l.contextColumn = at >= 0 ? at + 1 : r.column;
    }
    out.links.push(l);
  }
  for (const c of file.changes) {
    const l = link("changes", c);
    l.kind = c.kind;
    l.timestamp = c.timestamp;
    out.links.push(l);
  }
  // The date link first, then the lists' links in the order of the text, as the fast scan finds them
  // (a Changes list may come before Related).
  const date = file.dateLine ? 1 : 0;
  out.links = [...out.links.slice(0, date), ...out.links.slice(date).sort((a, b) => a.line - b.line || a.column - b.column)];
  for (const s of file.sources) out.sources.push({ line: s.line, destColumn: s.link.destStart + 1, dest: s.dest, isCover: s.isCover });
  out.changesLine = file.sections.changes ? file.sections.changes.headingIndex + 1 : 0;
  out.declared = contextsIn(file.frontMatter?.data ?? null);
}

function link(via: Via, item: LinkItem): ScannedLink {
  return {
    via,
    line: item.line,
    column: item.column,
    text: item.text,
    dest: item.dest,
    target: item.target,
    kind: "unknown",
    timestamp: null,
    contexts: [],
    contextColumn: 0,
  };
}

/** A file the parser could not read as an event: every other rule leaves it alone. */
export function isBrokenScan(file: Pick<ScannedFile, "kind" | "notes">): boolean {
  return file.kind === "unreadable" || file.notes.some((n) => n.rule === "parse-error");
}

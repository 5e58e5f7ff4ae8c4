// A line scanner for event files: date line, title, summary, then the
// Source / Related / Changes lists. It never throws; what it cannot read
// becomes a note with a line number.

import { isDirectiveLine } from "./directives.js";
import { parseFrontMatter } from "./frontmatter.js";
import { parseLinkAt, resolveLink } from "./links.js";
import type { ArchivePathInfo } from "./paths.js";
import { splitText, type TextDoc } from "./text.js";
import type {
  ChangeItem,
  ChangeKind,
  EventFile,
  FrontMatter,
  LinkItem,
  ParseNote,
  RelatedItem,
  SectionName,
  SourceItem,
} from "../types.js";

export const FENCE_OPEN = /^---([A-Za-z]*)[ \t]*$/;
export const FENCE_CLOSE = /^(---|\.\.\.)[ \t]*$/;
// The line grammar. Every edit finds lines by these same definitions (see
// sectionOf and isHeadingLine), so a file the parser reads one way is never
// edited as if it read another. The lean index's fast scan reads by them too.
export const SECTION = /^#{2,6}[ \t]*(sources?|related|changes)[ \t]*:?[ \t]*$/i;
export const HEADING = /^#{2,6}(\s|$)/;
export const TITLE = /^#[ \t]+(.*)$/;
export const LIST_ITEM = /^[ \t]{0,3}(?:\d{1,9}[.)]|[-*+])[ \t]+/;
export const CHANGE_TAIL =
  /_\s*(?:(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?)\s*)?\(\s*(first version|update|current version)\s*\)\s*_/i;
export const CONTEXT_TAIL = /_\s*Context:\s*([^_]*)_/i;
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export const KINDS: Record<string, ChangeKind> = {
  "first version": "first",
  update: "update",
  "current version": "current",
};

export function parseEvent(path: string, info: ArchivePathInfo, text: string): EventFile {
  const doc = splitText(text);
  const file: EventFile = {
    kind: "event",
    path,
    info,
    doc,
    frontMatter: null,
    dateLine: null,
    title: null,
    summary: "",
    sources: [],
    related: [],
    changes: [],
    sections: {},
    notes: [],
  };
  if (text.length === 0 || (doc.bom && text.length === 1)) {
    file.notes.push(note(1, 1, "parse-error", "error", "empty file: not an event"));
    return file;
  }
  const start = readFrontMatter(file);
  if (start < 0) return file;
  scanBody(file, start);
  if (!file.title) {
    file.notes.push(note(start + 1, 1, "parse-error", "error", "no title line (`# Title`): not an event"));
  }
  return file;
}

/** Returns the index of the first body line, or -1 when the file cannot be read past its front matter. */
function readFrontMatter(file: EventFile): number {
  const { lines } = file.doc;
  const open = FENCE_OPEN.exec(lines[0]!);
  if (!open) return 0;
  let end = -1;
  for (let i = 1; i < lines.length; i++) {
    if (FENCE_CLOSE.test(lines[i]!)) {
      end = i;
      break;
    }
  }
  if (end < 0) {
    file.notes.push(note(1, 1, "parse-error", "error", "front matter is never closed (no `---` line after the first)"));
    return -1;
  }
  const language = open[1] ?? "";
  const fm: FrontMatter = { endIndex: end, language, data: null };
  file.frontMatter = fm;
  const parsed = parseFrontMatter(lines.slice(1, end).join("\n"), language);
  if (!parsed.ok) {
    file.notes.push(note(1, 1, "parse-error", "error", parsed.message));
    return -1;
  }
  fm.data = parsed.data;
  return end + 1;
}

/** The section a heading line opens (`### Source:`, `###Related`, `## changes :`), or null. */
export function sectionOf(line: string): SectionName | null {
  const m = SECTION.exec(line);
  return m ? sectionName(m[1]!) : null;
}

/**
 * A line that ends the summary or the list before it: a section heading, or
 * any other heading of two to six hashes. (A `# ` line after the title is
 * summary text to the parser.)
 */
export function isHeadingLine(line: string): boolean {
  return line.charCodeAt(0) === 35 /* # */ && (SECTION.test(line) || HEADING.test(line));
}

function scanBody(file: EventFile, start: number): void {
  const { lines } = file.doc;
  let section: SectionName | null = null;
  let inSummary = false;
  const summary: string[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length === 0) {
      if (inSummary) summary.push("");
      continue;
    }
    if (line.charCodeAt(0) === 35 /* # */) {
      const opened = sectionOf(line);
      if (opened) {
        section = opened;
        inSummary = false;
        if (file.sections[section]) {
          file.notes.push(note(i + 1, 1, "duplicate-section", "warning", `a second "${line.trim()}" section`));
        } else {
          file.sections[section] = { name: section, headingIndex: i, lastItemIndex: -1 };
        }
        continue;
      }
      if (!file.title && !file.dateLine && HEADING.test(line)) {
        if (readDateLine(file, line, i)) continue;
      }
      if (!file.title) {
        const title = TITLE.exec(line);
        if (title) {
          file.title = { text: title[1]!, line: i + 1, column: 1, index: i };
          inSummary = true;
          continue;
        }
      }
      if (isHeadingLine(line)) {
        section = null;
        inSummary = false;
        continue;
      }
    }
    if (inSummary) {
      // newsctl's own comments are markup for validate, not words of the summary.
      if (!isDirectiveLine(line)) summary.push(line);
      continue;
    }
    if (section) readListLine(file, section, line, i);
  }
  file.summary = summary.join("\n").trim();
}

function readDateLine(file: EventFile, line: string, i: number): boolean {
  const at = line.indexOf("[");
  if (at < 0) return false;
  const link = parseLinkAt(line, at);
  if (!link) return false;
  const date = link.text.trim();
  if (!ISO_DAY.test(date)) return false;
  file.dateLine = { ...linkItem(file.path, link, i), date };
  return true;
}

function readListLine(file: EventFile, section: SectionName, line: string, i: number): void {
  const item = LIST_ITEM.exec(line);
  if (!item) return;
  const at = item[0].length;
  const link = line[at] === "[" ? parseLinkAt(line, at) : null;
  const entry = file.sections[section]!;
  entry.lastItemIndex = i;
  if (!link) {
    file.notes.push(note(i + 1, at + 1, "malformed-item", "warning", `a ${section} item without a [text](link)`));
    return;
  }
  const base = linkItem(file.path, link, i);
  const tail = line.slice(link.end);
  if (section === "source") {
    const source: SourceItem = { ...base, isCover: link.text.trim().toLowerCase() === "cover image" };
    file.sources.push(source);
  } else if (section === "related") {
    const context = CONTEXT_TAIL.exec(tail);
    const contexts = context ? splitContexts(context[1]!) : [];
    const related: RelatedItem = { ...base, contexts };
    file.related.push(related);
  } else {
    const change = CHANGE_TAIL.exec(tail);
    const kind = change ? KINDS[change[2]!.toLowerCase()]! : "unknown";
    const item: ChangeItem = { ...base, timestamp: change?.[1] ?? null, kind };
    file.changes.push(item);
  }
}

export function splitContexts(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function sectionName(word: string): SectionName {
  const w = word.toLowerCase();
  return w.startsWith("source") ? "source" : (w as SectionName);
}

function linkItem(path: string, link: NonNullable<ReturnType<typeof parseLinkAt>>, index: number): LinkItem {
  return {
    text: link.text,
    dest: link.dest,
    target: resolveLink(path, link.dest),
    link,
    line: index + 1,
    column: link.start + 1,
  };
}

export function note(line: number, column: number, rule: string, severity: ParseNote["severity"], message: string): ParseNote {
  return { line, column, rule, severity, message };
}

export type { TextDoc };

// The byte-level fast path to a file's lean index entry: the common shape
// only (UTF-8 without a byte-order mark, LF or CRLF line ends, newsctl's own
// front matter or none), and null for anything else, which the full parser
// then reads. Where it reads, it reads by the parser's own rules (the same
// patterns, the same link parser, line by line), but touches only the
// lines the index needs: headings and list items, never the summary.

import { isAscii, isUtf8 } from "node:buffer";
import { parseSimpleFrontMatter } from "../format/frontmatter.js";
import { contextsIn } from "../format/contexts.js";
import { type ScannedFile, type ScannedLink, type Via } from "../index/scanned.js";
import type { InlineLink } from "../format/links.js";
import {
  CHANGE_TAIL,
  CONTEXT_TAIL,
  FENCE_CLOSE,
  FENCE_OPEN,
  HEADING,
  ISO_DAY,
  KINDS,
  LIST_ITEM,
  note,
  SECTION,
  sectionName,
  TITLE,
} from "../format/parse-event.js";
import type { ArchivePathInfo } from "../format/paths.js";
import type { SectionName } from "../types.js";
import { contextsOf, linkAt, targetOf } from "./fast-links.js";

const HASH = 35;
const LF = 10;
const CR = 13;

/** The lines of a text split as splitText splits them, when its only line ends are LF and CRLF. */
class Lines {
  private at = 0;
  index = -1;
  start = 0;
  end = 0;
  constructor(readonly text: string) {}

  next(): boolean {
    const { text } = this;
    if (this.at > text.length) return false;
    const nl = text.indexOf("\n", this.at);
    this.start = this.at;
    this.end = nl < 0 ? text.length : nl > this.at && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
    this.at = nl < 0 ? text.length + 1 : nl + 1;
    this.index++;
    return true;
  }

  line(): string {
    return this.text.slice(this.start, this.end);
  }
}

/** The text of a file the fast path can read, or null (binary, not UTF-8, BOM, lone CR, empty). */
function decode(bytes: Buffer): string | null {
  if (bytes.length === 0 || bytes.indexOf(0) >= 0) return null;
  const ascii = isAscii(bytes);
  if (!ascii && (!isUtf8(bytes) || (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf))) return null;
  for (let cr = bytes.indexOf(CR); cr >= 0; cr = bytes.indexOf(CR, cr + 1)) if (bytes[cr + 1] !== LF) return null;
  return bytes.toString(ascii ? "latin1" : "utf8");
}

export function fastScan(path: string, info: ArchivePathInfo | null, bytes: Buffer): ScannedFile | null {
  if (!info) return null;
  const text = decode(bytes);
  if (text === null) return null;
  const file: ScannedFile = { path, kind: info.isDayPage ? "day" : "event", info, notes: [], title: null, date: null, links: [], sources: [], changesLine: 0, declared: null };
  const lines = new Lines(text);
  return info.isDayPage ? scanDay(file, lines) : scanEvent(file, lines);
}

function scanDay(file: ScannedFile, lines: Lines): ScannedFile {
  while (lines.next()) {
    if (!maybeListItem(lines.text, lines.start, lines.end)) continue;
    const line = lines.line();
    const item = LIST_ITEM.exec(line);
    if (!item) continue;
    const at = item[0].length;
    const link = line.charCodeAt(at) === 91 ? linkAt(line, at) : null;
    if (!link) {
      file.notes.push(note(lines.index + 1, at + 1, "malformed-item", "warning", "a day-page item without a [title](link)"));
      continue;
    }
    file.links.push(linkOf("day", file.path, link, lines.index));
  }
  return file;
}

function scanEvent(file: ScannedFile, lines: Lines): ScannedFile | null {
  const { text } = lines;
  let section: SectionName | null = null;
  let inSummary = false;
  const seen = new Set<SectionName>();
  let start = 0;
  if (text.startsWith("---")) {
    start = readFrontMatter(file, lines);
    if (start < 0) return null;
  }
  let dateLine = false;
  while (lines.next()) {
    if (lines.index < start || lines.end === lines.start) continue;
    const i = lines.index;
    if (text.charCodeAt(lines.start) === HASH) {
      const line = lines.line();
      const sectionMatch = SECTION.exec(line);
      if (sectionMatch) {
        section = sectionName(sectionMatch[1]!);
        inSummary = false;
        if (seen.has(section)) file.notes.push(note(i + 1, 1, "duplicate-section", "warning", `a second "${line.trim()}" section`));
        else {
          seen.add(section);
          if (section === "changes") file.changesLine = i + 1;
        }
        continue;
      }
      if (!file.title && !dateLine && HEADING.test(line) && readDateLine(file, line, i)) {
        dateLine = true;
        continue;
      }
      if (!file.title) {
        const title = TITLE.exec(line);
        if (title) {
          file.title = { text: title[1]!, line: i + 1 };
          inSummary = true;
          continue;
        }
      }
      if (HEADING.test(line)) {
        section = null;
        inSummary = false;
        continue;
      }
    }
    if (inSummary || !section || !maybeListItem(text, lines.start, lines.end)) continue;
    readListLine(file, section, lines.line(), i);
  }
  if (!file.title) file.notes.push(note(start + 1, 1, "parse-error", "error", "no title line (`# Title`): not an event"));
  return file;
}

/** The first body line's index; -1 for the full parser (front matter it does not read, or never closed). */
function readFrontMatter(file: ScannedFile, lines: Lines): number {
  lines.next();
  const open = FENCE_OPEN.exec(lines.line());
  if (!open) return 0;
  const block: string[] = [];
  while (lines.next()) {
    const line = lines.line();
    if (FENCE_CLOSE.test(line)) {
      const parsed = parseSimpleFrontMatter(block.join("\n"), open[1] ?? "");
      if (!parsed || !parsed.ok) return -1;
      file.declared = contextsIn(parsed.data);
      return lines.index + 1;
    }
    block.push(line);
  }
  return -1;
}

/** A line that may match LIST_ITEM: it starts with a digit, a bullet or up to three blanks. */
function maybeListItem(text: string, start: number, end: number): boolean {
  if (end === start) return false;
  const c = text.charCodeAt(start);
  return (c >= 48 && c <= 57) || c === 45 || c === 42 || c === 43 || c === 32 || c === 9;
}

function readDateLine(file: ScannedFile, line: string, i: number): boolean {
  const at = line.indexOf("[");
  if (at < 0) return false;
  const link = linkAt(line, at);
  if (!link) return false;
  const date = link.text.trim();
  if (!ISO_DAY.test(date)) return false;
  file.date = date;
  file.links.unshift(linkOf("date", file.path, link, i));
  return true;
}

function readListLine(file: ScannedFile, section: SectionName, line: string, i: number): void {
  const item = LIST_ITEM.exec(line);
  if (!item) return;
  const at = item[0].length;
  const link = line.charCodeAt(at) === 91 ? linkAt(line, at) : null;
  if (!link) {
    file.notes.push(note(i + 1, at + 1, "malformed-item", "warning", `a ${section} item without a [text](link)`));
    return;
  }
  if (section === "source") {
    file.sources.push({ line: i + 1, destColumn: link.destStart + 1, dest: link.dest, isCover: link.text.trim().toLowerCase() === "cover image" });
    return;
  }
  const tail = line.slice(link.end);
  const scanned = linkOf(section, file.path, link, i);
  if (section === "related") {
    const context = CONTEXT_TAIL.exec(tail);
    if (context) {
      scanned.contexts = contextsOf(context[1]!);
      if (scanned.contexts.length > 0) {
        const mark = line.indexOf("_", link.end);
        scanned.contextColumn = mark >= 0 ? mark + 1 : link.start + 1;
      }
    }
  } else {
    const change = CHANGE_TAIL.exec(tail);
    if (change) {
      scanned.kind = KINDS[change[2]!.toLowerCase()]!;
      scanned.timestamp = change[1] ?? null;
    }
  }
  file.links.push(scanned);
}

function linkOf(via: Via, path: string, link: InlineLink, i: number): ScannedLink {
  return {
    via,
    line: i + 1,
    column: link.start + 1,
    text: link.text,
    dest: link.dest,
    target: targetOf(path, link.dest),
    kind: "unknown",
    timestamp: null,
    contexts: [],
    contextColumn: 0,
  };
}

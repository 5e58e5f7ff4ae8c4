// Writing back. A file is its lines; an edit changes the lines it must and
// nothing else, so every untouched byte (BOM, CRLF, stray spaces, list
// numbers) survives. New files are rendered in the seed's shape.

import { formatDestination, linkTo, parseLinkAt, type InlineLink } from "./links.js";
import { CONTEXT_TAIL } from "./parse-event.js";
import { eventLayout, markdownHeading, spaceAround, spaceBefore } from "./layout.js";
import { cloneDoc, insertLines, joinText, lastNonBlankLine, replaceLine, type TextDoc } from "./text.js";
import type { DayPage, EventFile, LinkItem, Section } from "../types.js";

export function serialize(file: { doc: TextDoc }): string {
  return joinText(file.doc);
}

/** Escape what would end a link text early (and keep it on one line); titles are compared unescaped. */
export function escapeLinkText(text: string): string {
  return text.replace(/[\r\n]+/g, " ").replace(/[\\[\]]/g, (c) => "\\" + c);
}

export function unescapeLinkText(text: string): string {
  return text.replace(/\\([\\[\]])/g, "$1");
}

/** A link item's text as a title: unescaped and trimmed. */
export function linkTitle(item: Pick<LinkItem, "text">): string {
  return unescapeLinkText(item.text).trim();
}

export function markdownLink(text: string, path: string): string {
  return `[${escapeLinkText(text)}](${linkTo(path)})`;
}

/** `[name](url)` for a Source or Cover Image item: reads back as this name and this URL. */
export function sourceLink(name: string, url: string): string {
  return `[${escapeLinkText(name)}](${formatDestination(url)})`;
}

/**
 * Rewrite one link in place: its text, its destination or both. The rest of
 * the line (list number, `_Context: …_`, timestamps) is kept byte for byte.
 */
export function rewriteLink(doc: TextDoc, item: LinkItem, change: { text?: string; path?: string }): void {
  const index = item.line - 1;
  const line = doc.lines[index]!;
  const { link } = item;
  let out = line;
  if (change.path !== undefined) {
    const dest = linkTo(change.path);
    out = out.slice(0, link.destStart) + dest + out.slice(link.destEnd);
  }
  if (change.text !== undefined) {
    const textStart = link.start + 1;
    out = out.slice(0, textStart) + escapeLinkText(change.text) + out.slice(textStart + link.text.length);
  }
  replaceLine(doc, index, out);
}

/** Where a Related item's `_Context: …_` list is in its line, or null when it has none. */
export function contextTailOf(doc: TextDoc, item: LinkItem): { start: number; end: number } | null {
  const line = doc.lines[item.line - 1]!;
  const m = CONTEXT_TAIL.exec(line.slice(item.link.end));
  return m ? { start: item.link.end + m.index, end: item.link.end + m.index + m[0].length } : null;
}

/**
 * Replace a Related item's `_Context: …_` list, keeping the rest of its line.
 * Done before any rewriteLink on the same line: the list sits after the link.
 */
export function rewriteContexts(doc: TextDoc, item: LinkItem, contexts: string[]): void {
  const at = contextTailOf(doc, item);
  if (!at) return;
  const line = doc.lines[item.line - 1]!;
  replaceLine(doc, item.line - 1, line.slice(0, at.start) + relatedItemTail(contexts) + line.slice(at.end));
}

/**
 * The line with `dest` in place of a link's destination (an external URL,
 * escaped as markdown needs), every other byte kept; null when `dest` would
 * not read back exactly as given (spaces, control characters) or would change
 * where the link ends.
 */
export function lineWithDest(line: string, link: InlineLink, dest: string): string | null {
  if (dest === "" || /[\s]|[\u0000-\u001f\u007f]/.test(dest)) return null;
  const written = link.angle ? dest.replace(/[\\<>]/g, (c) => "\\" + c) : formatDestination(dest);
  const out = line.slice(0, link.destStart) + written + line.slice(link.destEnd);
  const again = parseLinkAt(out, link.start);
  if (!again || again.dest !== dest || again.text !== link.text) return null;
  if (out.slice(again.end) !== line.slice(link.end)) return null;
  return out;
}

export function rewriteDest(doc: TextDoc, item: LinkItem, dest: string): void {
  const index = item.line - 1;
  const out = lineWithDest(doc.lines[index]!, item.link, dest);
  if (out === null) throw new Error(`internal: ${dest} cannot be written into line ${item.line}`);
  replaceLine(doc, index, out);
}

/** The number the next item of a list gets: one past the count, whatever the old numbers say. */
export function nextItemNumber(count: number): number {
  return count + 1;
}

/**
 * Append an item line to a section's list; a missing list gets a blank line
 * first. The section keeps the seed's shape: a blank line before its heading
 * and between its last item and a heading right after it.
 */
export function appendToSection(doc: TextDoc, file: EventFile, section: Pick<Section, "headingIndex" | "lastItemIndex">, itemText: string): void {
  const { heading, top } = eventLayout(file);
  let at: number;
  if (section.lastItemIndex >= 0) {
    at = section.lastItemIndex + 1;
    insertLines(doc, section.lastItemIndex, [itemText]);
  } else if (doc.lines[section.headingIndex + 1] === "" && section.headingIndex + 1 < doc.lines.length - 1) {
    at = section.headingIndex + 2;
    insertLines(doc, section.headingIndex + 1, [itemText]);
  } else {
    at = section.headingIndex + 2;
    insertLines(doc, section.headingIndex, ["", itemText]);
  }
  spaceAround(doc, { headingIndex: section.headingIndex, last: at }, heading, top);
}

/** A numbered list item (`3. …`, `3) …`) with its number set to `number`; any other line as it is. */
export function renumberListItem(line: string, number: number): string {
  return line.replace(/^([ \t]{0,3})\d{1,9}([.)])/, (_, indent: string, mark: string) => `${indent}${number}${mark}`);
}

export function dayPageEntryLine(number: number, title: string, path: string): string {
  return `${number}. ${markdownLink(title, path)}`;
}

export function addDayPageEntry(page: DayPage, title: string, path: string): TextDoc {
  const doc = cloneDoc(page.doc);
  const line = dayPageEntryLine(nextItemNumber(page.entries.length), title, path);
  if (page.lastItemIndex >= 0) {
    insertLines(doc, page.lastItemIndex, [line]);
    spaceBefore(doc, page.lastItemIndex + 2, markdownHeading);
  } else {
    const last = lastNonBlankLine(doc);
    insertLines(doc, last, doc.lines[last] === "" ? [line] : ["", line]);
  }
  return doc;
}

export function renderDayPage(date: string, entries: { title: string; path: string }[]): string {
  const items = entries.map((e, i) => dayPageEntryLine(i + 1, e.title, e.path));
  return [`# ${date}`, "", ...items, ""].join("\n");
}

export interface NewEvent {
  date: string;
  dayDir: string;
  title: string;
  summary: string;
  sources: { name: string; url: string }[];
  cover: string | null;
  related: { title: string; path: string; contexts: string[] }[];
  /** Earlier versions, oldest first, then this one. */
  changes: { title: string; path: string; timestamp: string | null; kind: "first" | "update" | "current" }[];
  contexts: string[];
  recorded: string;
  /** Front matter keys to carry over, already as YAML lines. */
  extraFrontMatter?: string[];
}

const KIND_LABEL = { first: "First version", update: "Update", current: "Current version" } as const;

export function changeItemTail(timestamp: string | null, kind: keyof typeof KIND_LABEL): string {
  return kind === "current" || !timestamp ? `_(${KIND_LABEL[kind]})_` : `_${timestamp} (${KIND_LABEL[kind]})_`;
}

export function relatedItemTail(contexts: string[]): string {
  return `_Context: ${contexts.join(", ")}_`;
}

export function renderEvent(e: NewEvent, eol = "\n"): string {
  const lines = [
    "---",
    `contexts: [${e.contexts.map((c) => JSON.stringify(c)).join(", ")}]`,
    `recorded: ${JSON.stringify(e.recorded)}`,
    ...(e.extraFrontMatter ?? []),
    "---",
    `### [${e.date}](${linkTo(`${e.dayDir}/index.md`)})`,
    "",
    `# ${e.title}`,
    "",
    ...(e.summary ? [...e.summary.split(/\r\n|\r|\n/), ""] : []),
    "",
    "### Source:",
    "",
    ...e.sources.map((s, i) => `${i + 1}. ${sourceLink(s.name, s.url)}`),
    ...(e.cover ? [`${e.sources.length + 1}. ${sourceLink("Cover Image", e.cover)}`] : []),
    "",
    "### Related:",
    "",
    ...e.related.map((r, i) => `${i + 1}. ${markdownLink(r.title, r.path)} ${relatedItemTail(r.contexts)}`),
    ...(e.related.length ? [""] : []),
    "### Changes:",
    "",
    ...e.changes.map((c, i) => `${i + 1}. ${markdownLink(c.title, c.path)} ${changeItemTail(c.timestamp, c.kind)}`),
  ];
  return lines.join(eol) + eol;
}

/** "2017-08-25 03:37:18", the archive's timestamp form, in UTC. */
export function formatTimestamp(date: Date): string {
  return date.toISOString().slice(0, 19).replace("T", " ");
}

export type { EventFile };

// Line edits on a copy of an event file, for a new revision: the title line,
// the summary lines, the Source items and front matter keys. Each edit
// touches only its own lines, so everything else keeps its bytes.

import { isDirectiveLine, isGuardLine } from "./directives.js";
import { isHeadingLine, LIST_ITEM } from "./parse-event.js";
import { insertLines, lastNonBlankLine, removeLine, replaceLine, type TextDoc } from "./text.js";
import { linkTitle, sourceLink } from "./write.js";
import type { EventFile, Section, SourceItem } from "../types.js";

export interface SourceValue {
  name: string;
  url: string;
}

/** Replace lines start..end (0-based, inclusive) with `texts`, keeping the endings of the lines that stay. */
export function replaceRange(doc: TextDoc, start: number, end: number, texts: string[]): void {
  const old = end - start + 1;
  const common = Math.min(old, texts.length);
  for (let i = 0; i < common; i++) replaceLine(doc, start + i, texts[i]!);
  if (texts.length > old) {
    insertLines(doc, start + old - 1, texts.slice(old));
  } else {
    for (let i = old - 1; i >= texts.length; i--) removeLine(doc, start + i);
  }
}

export function editTitle(doc: TextDoc, file: EventFile, title: string): void {
  replaceLine(doc, file.title!.index, `# ${title}`);
}

/**
 * The summary's lines, as the parser reads them: from the first to the last
 * line of text between the title and the next heading. newsctl's comments
 * are not text: those above or below stay where they are, those inside are
 * `kept`, to stay with the new summary.
 */
function summaryRange(file: EventFile): { start: number; end: number; stop: number; kept: string[] } {
  const { lines } = file.doc;
  let stop = file.title!.index + 1;
  while (stop < lines.length && !isHeadingLine(lines[stop]!)) stop++;
  let start = -1;
  let end = -1;
  for (let i = file.title!.index + 1; i < stop; i++) {
    if (lines[i]!.trim() === "" || isDirectiveLine(lines[i]!)) continue;
    if (start < 0) start = i;
    end = i;
  }
  const kept = start < 0 ? [] : lines.slice(start, end + 1).filter((l) => isDirectiveLine(l));
  return { start, end, stop, kept };
}

export function editSummary(doc: TextDoc, file: EventFile, summary: string): void {
  const texts = summary === "" ? [] : summary.split("\n");
  const range = summaryRange(file);
  if (range.start >= 0) {
    replaceRange(doc, range.start, range.end, [...range.kept, ...texts]);
    return;
  }
  if (texts.length === 0) return;
  // No summary yet: a blank line after the title, then the paragraph.
  const titleIndex = file.title!.index;
  const hasBlank = doc.lines[titleIndex + 1] === "" && titleIndex + 1 < range.stop;
  if (hasBlank) insertLines(doc, titleIndex + 1, [...texts, ""]);
  else insertLines(doc, titleIndex, ["", ...texts, ""]);
}

/**
 * Rewrite the Source list to `sources` (the Cover Image items stay, last).
 * An item that keeps its place keeps its bytes; one that moves keeps its
 * link and gets its new number.
 */
export function editSources(doc: TextDoc, file: EventFile, sources: SourceValue[]): void {
  const section = file.sections.source;
  const old = file.sources.filter((s) => !s.isCover);
  const covers = file.sources.filter((s) => s.isCover);
  const texts: string[] = [];
  const used = new Set<SourceItem>();
  const allOld = file.sources;
  const lineOf = (index: number) => file.doc.lines[index]!;
  const comments = section ? commentsAbove(file, section.headingIndex) : null;
  sources.forEach((s, i) => {
    const kept = old.find((o) => !used.has(o) && linkTitle(o) === s.name && o.dest === s.url);
    if (kept) used.add(kept);
    if (kept) texts.push(...comments!.take(kept));
    if (kept && allOld[i] === kept) texts.push(lineOf(kept.line - 1));
    else if (kept) texts.push(`${i + 1}. ${lineOf(kept.line - 1).slice(kept.link.start)}`);
    else texts.push(`${i + 1}. ${sourceLink(s.name, s.url)}`);
  });
  covers.forEach((c, j) => {
    const at = sources.length + j;
    texts.push(...comments!.take(c));
    texts.push(allOld[at] === c ? lineOf(c.line - 1) : `${at + 1}. ${lineOf(c.line - 1).slice(c.link.start)}`);
  });
  if (!section) {
    insertSection(doc, "### Source:", texts, [file.sections.related, file.sections.changes]);
    return;
  }
  if (section.lastItemIndex < 0) {
    fillEmptySection(doc, section.headingIndex, texts);
    return;
  }
  texts.push(...comments!.rest(old.filter((o) => !used.has(o))));
  replaceRange(doc, comments!.start, section.lastItemIndex, texts);
}

/**
 * newsctl's comment lines right above each Source item travel with it when
 * the list is rewritten: a `disable-next-line` still sits above the line it
 * covers, and goes when its item goes; other newsctl comments (disable,
 * enable) of a dropped item stay, at the end of the list.
 */
function commentsAbove(file: EventFile, headingIndex: number) {
  const { lines } = file.doc;
  const first = firstItemIndex(file.doc, headingIndex);
  const above = (item: SourceItem) => {
    let at = item.line - 1;
    while (at - 1 > headingIndex && isDirectiveLine(lines[at - 1]!)) at--;
    return lines.slice(at, item.line - 1);
  };
  let start = first;
  while (start - 1 > headingIndex && isDirectiveLine(lines[start - 1]!)) start--;
  return {
    /** Where the rewritten list starts: its first item's comments included. */
    start,
    take: (item: SourceItem) => above(item),
    rest: (dropped: SourceItem[]) => dropped.flatMap((item) => above(item).filter((l) => !isGuardLine(l))),
  };
}

/** The first list item line after a section heading. */
export function firstItemIndex(doc: TextDoc, headingIndex: number): number {
  let i = headingIndex + 1;
  while (i < doc.lines.length && !LIST_ITEM.test(doc.lines[i]!)) i++;
  return i;
}

/** Items for a section that has a heading and no list, as appendToSection places them. */
export function fillEmptySection(doc: TextDoc, headingIndex: number, items: string[]): void {
  if (items.length === 0) return;
  if (doc.lines[headingIndex + 1] === "" && headingIndex + 1 < doc.lines.length - 1) {
    const blankAfter = doc.lines[headingIndex + 2] === "" || headingIndex + 2 >= doc.lines.length ? [] : [""];
    insertLines(doc, headingIndex + 1, [...items, ...blankAfter]);
  } else {
    insertLines(doc, headingIndex, ["", ...items]);
  }
}

/** A missing section goes before the first of the sections in `before` that the file has, else at the end. */
export function insertSection(doc: TextDoc, heading: string, items: string[], before: (Section | undefined)[]): void {
  if (items.length === 0) return;
  const next = before.filter((s) => s !== undefined).map((s) => s.headingIndex);
  if (next.length > 0) {
    insertLines(doc, Math.min(...next) - 1, [heading, "", ...items, ""]);
    return;
  }
  const last = lastNonBlankLine(doc);
  insertLines(doc, last, ["", heading, "", ...items]);
}

/**
 * Set top-level front matter keys (values as YAML flow text). A key's old
 * lines (with an indented or `- ` block under it) are replaced; a missing
 * key goes last; a file without front matter gets a block at the top.
 */
export function setFrontMatter(doc: TextDoc, file: EventFile, values: [key: string, yaml: string][]): void {
  const fm = file.frontMatter;
  if (!fm) {
    insertLines(doc, -1, ["---", ...values.map(([k, v]) => `${k}: ${v}`), "---"]);
    return;
  }
  if (fm.language.toLowerCase() === "json") {
    const data: Record<string, unknown> = { ...(fm.data ?? {}) };
    for (const [k, v] of values) data[k] = JSON.parse(v) as unknown;
    replaceRange(doc, 1, fm.endIndex - 1, JSON.stringify(data, null, 2).split("\n"));
    return;
  }
  let end = fm.endIndex;
  for (const [key, value] of values) {
    const line = `${key}: ${value}`;
    const at = findKey(doc, key, end);
    if (at < 0) {
      insertLines(doc, end - 1, [line]);
      end++;
      continue;
    }
    let last = at;
    while (last + 1 < end && /^([ \t]|-( |$))/.test(doc.lines[last + 1]!)) last++;
    replaceRange(doc, at, last, [line]);
    end -= last - at;
  }
}

function findKey(doc: TextDoc, key: string, end: number): number {
  const pattern = new RegExp(`^["']?${key}["']?[ \\t]*:`);
  for (let i = 1; i < end; i++) if (pattern.test(doc.lines[i]!)) return i;
  return -1;
}

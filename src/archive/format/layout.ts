// The seed's shape: a blank line before each heading. A writer that adds
// lines next to a heading (an item at the end of a list, a list under an
// empty section) leaves a blank line between them and the heading, whatever
// the file held before; a new file copied from another gets the shape whole.
// Only blank lines are ever added: no line a parser reads is changed.

import { isHeadingLine, parseEvent } from "./parse-event.js";
import type { ArchivePathInfo } from "./paths.js";
import { insertLines, joinText, type TextDoc } from "./text.js";

/** Whether line `index` is a heading: a test per kind of file. */
export type HeadingTest = (doc: TextDoc, index: number) => boolean;

/**
 * A heading to the event parser: a section heading, any other heading of two
 * to six hashes, the date line. (A `# ` line is the title only once; later it
 * is summary text, and a blank line before it would change the summary.)
 */
export const eventHeading =
  (titleIndex: number | null): HeadingTest =>
  (doc, index) =>
    index === titleIndex || isHeadingLine(doc.lines[index]!);

/** Any markdown heading (`#` to `######`): a day page's lines are kept, not read, so any may be one. */
export const markdownHeading: HeadingTest = (doc, index) => /^ {0,3}#{1,6}(?:[ \t]|$)/.test(doc.lines[index]!);

const isBlank = (line: string) => line.trim() === "";

/**
 * A blank line before line `index` when it is a heading right under another
 * line. `top` is the first line a heading may open without one (the first
 * line of the body: after the front matter). Returns the lines added (0 or 1).
 */
export function spaceBefore(doc: TextDoc, index: number, heading: HeadingTest, top = 0): number {
  if (index <= top || index >= doc.lines.length || isBlank(doc.lines[index - 1]!) || !heading(doc, index)) return 0;
  insertLines(doc, index - 1, [""]);
  return 1;
}

/**
 * After lines `first`..`last` were written (a list, or an item added to
 * one): a blank line between them and a heading right after, then between
 * the heading above them (`headingIndex`, or -1) and a line right over it.
 */
export function spaceAround(doc: TextDoc, range: { headingIndex: number; last: number }, heading: HeadingTest, top = 0): void {
  spaceBefore(doc, range.last + 1, heading, top);
  if (range.headingIndex >= 0) spaceBefore(doc, range.headingIndex, heading, top);
}

/** Every heading of the file given a blank line before it (bottom-up, so indices hold). */
export function spaceHeadings(doc: TextDoc, heading: HeadingTest, top = 0): void {
  for (let i = doc.lines.length - 1; i > top; i--) spaceBefore(doc, i, heading, top);
}

/** An event file's heading test and first body line, as parsed. */
export function eventLayout(file: { title: { index: number } | null; frontMatter: { endIndex: number } | null }): { heading: HeadingTest; top: number } {
  return { heading: eventHeading(file.title?.index ?? null), top: file.frontMatter ? file.frontMatter.endIndex + 1 : 0 };
}

/** A new event file copied from another, in the seed's shape: a blank line before every heading. */
export function shapeEvent(path: string, info: ArchivePathInfo, text: string): string {
  const file = parseEvent(path, info, text);
  if (!file.title) return text;
  const { heading, top } = eventLayout(file);
  spaceHeadings(file.doc, heading, top);
  return joinText(file.doc);
}

// Several edits to one day page at once, as line edits: rewritten entries
// keep their line, new entries go after the last item, dropped entries lose
// their line. Every other byte stays as it was.

import { guardStart } from "./directives.js";
import { markdownHeading, spaceBefore } from "./layout.js";
import { cloneDoc, insertLines, lastNonBlankLine, removeLine, type TextDoc } from "./text.js";
import type { DayPage, LinkItem } from "../types.js";
import { dayPageEntryLine, rewriteLink } from "./write.js";

export interface DayPageEdits {
  rewrites: { item: LinkItem; text?: string; path?: string }[];
  removals: LinkItem[];
  additions: { title: string; path: string }[];
}

export function editDayPage(page: DayPage, edits: DayPageEdits): TextDoc {
  const doc = cloneDoc(page.doc);
  for (const r of edits.rewrites) rewriteLink(doc, r.item, r);
  const dropped = new Set(edits.removals.map((item) => item.line - 1));
  const kept = page.entries.length - dropped.size;
  // A dropped entry's newsctl-disable-next-line comments go with it: left behind, they would guard the next line.
  const drop = [...dropped].flatMap((i) => Array.from({ length: i - guardStart(page.doc.lines, i) + 1 }, (_, k) => i - k));
  drop.sort((a, b) => b - a);
  const lines = edits.additions.map((a, i) => dayPageEntryLine(kept + i + 1, a.title, a.path));
  if (lines.length > 0) {
    if (page.lastItemIndex >= 0) {
      insertLines(doc, page.lastItemIndex, lines);
      spaceBefore(doc, page.lastItemIndex + lines.length + 1, markdownHeading);
    } else {
      const last = lastNonBlankLine(doc);
      insertLines(doc, last, doc.lines[last] === "" ? lines : ["", ...lines]);
    }
  }
  // Bottom up, and all at or above the last item, so neither the insertions nor earlier removals move them.
  for (const index of drop) removeLine(doc, index);
  return doc;
}

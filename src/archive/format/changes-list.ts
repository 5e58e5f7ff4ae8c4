// The Changes list a revision writes into every version of an event: the
// current version's list, its `(Current version)` item given a timestamp and
// `(First version)` or `(Update)`, then the new item last.

import { fillEmptySection, firstItemIndex, insertSection, replaceRange } from "./event-edit.js";
import { eventLayout, spaceAround } from "./layout.js";
import { CHANGE_TAIL, LIST_ITEM } from "./parse-event.js";
import type { TextDoc } from "./text.js";
import type { ChangeItem, EventFile } from "../types.js";
import { linkTarget, type EventValues } from "./verify.js";
import { changeItemTail, linkTitle, markdownLink } from "./write.js";

export interface VersionRef {
  title: string;
  path: string;
}

/** The current version's own item in its Changes list, or null when it has none. */
export function ownChangeItem(current: EventFile): ChangeItem | null {
  const own = current.changes.filter((c) => c.target.kind === "internal" && c.target.path === current.path);
  return [...own].reverse().find((c) => c.kind === "current") ?? own[own.length - 1] ?? null;
}

/** The lines of a file's Changes list (first item to last) and where they start; [] when it has none. */
export function changesLines(file: EventFile): { start: number; lines: string[] } {
  const section = file.sections.changes;
  if (!section || section.lastItemIndex < 0) return { start: -1, lines: [] };
  const start = firstItemIndex(file.doc, section.headingIndex);
  return { start, lines: file.doc.lines.slice(start, section.lastItemIndex + 1) };
}

/**
 * The updated list, as lines. `recorded` is when the previous current
 * version was recorded; `next` is the new version.
 */
export function updatedChangesLines(current: EventFile, recorded: string, next: VersionRef): string[] {
  const { start, lines } = changesLines(current);
  const items = lines.filter((l) => LIST_ITEM.test(l)).length;
  const own = ownChangeItem(current);
  if (own) {
    const kind = previousKind(current);
    const at = own.line - 1 - start;
    const line = lines[at]!;
    const tail = line.slice(own.link.end);
    const match = CHANGE_TAIL.exec(tail);
    const newTail = changeItemTail(recorded, kind);
    lines[at] = match
      ? line.slice(0, own.link.end) + tail.slice(0, match.index) + newTail + tail.slice(match.index + match[0].length)
      : `${line.trimEnd()} ${newTail}`;
  } else {
    // No item for the previous version: it gets one, so the history stays whole.
    const title = current.title!.text.trim();
    lines.push(`${items + 1}. ${markdownLink(title, current.path)} ${changeItemTail(recorded, previousKind(current))}`);
  }
  const count = lines.filter((l) => LIST_ITEM.test(l)).length;
  lines.push(`${count + 1}. ${markdownLink(next.title, next.path)} ${changeItemTail(null, "current")}`);
  return lines;
}

/** What the previous current version becomes: the first version when no other version is listed. */
function previousKind(current: EventFile): "first" | "update" {
  const own = ownChangeItem(current);
  return current.changes.every((c) => c === own) ? "first" : "update";
}

/** What the updated list must read back as, worked out from the parsed list rather than from its lines. */
export function expectedChanges(current: EventFile, recorded: string, next: VersionRef): EventValues["changes"] {
  const own = ownChangeItem(current);
  const kind = previousKind(current);
  const values = current.changes.map((c) =>
    c === own ? { title: linkTitle(c), to: current.path, kind, timestamp: recorded } : { title: linkTitle(c), to: linkTarget(c), kind: c.kind as string, timestamp: c.timestamp },
  );
  if (!own) values.push({ title: current.title!.text.trim(), to: current.path, kind, timestamp: recorded });
  values.push({ title: next.title, to: next.path, kind: "current", timestamp: null });
  return values;
}

/**
 * Put `lines` in place of a file's Changes list (adding the section when it
 * has none), a blank line before its heading and between the list and a
 * heading right after it.
 */
export function writeChangesList(doc: TextDoc, file: EventFile, lines: string[]): void {
  const section = file.sections.changes;
  if (!section) {
    insertSection(doc, "### Changes:", lines, []);
    return;
  }
  if (section.lastItemIndex < 0) fillEmptySection(doc, section.headingIndex, lines);
  else replaceRange(doc, firstItemIndex(doc, section.headingIndex), section.lastItemIndex, lines);
  const { heading, top } = eventLayout(file);
  const last = firstItemIndex(doc, section.headingIndex) + lines.length - 1;
  spaceAround(doc, { headingIndex: section.headingIndex, last }, heading, top);
}

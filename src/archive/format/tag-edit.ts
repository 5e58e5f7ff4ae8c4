// Renaming context tags in place: in a Related item's `_Context: …_` list
// and in front matter `contexts:`. An edit replaces a tag's own bytes; when
// the new name is in the list already, the old one goes, with one separator.

import { sequenceScalars } from "./frontmatter.js";
import { CONTEXT_TAIL } from "./parse-event.js";
import { removeLine, replaceLine, type TextDoc } from "./text.js";
import type { FrontMatter } from "../types.js";

export interface Retag {
  /** The names to replace, trimmed; never holds `to`. */
  from: Set<string>;
  to: string;
}

/** A list of tags after the rename, in its order: renamed in place, a second `to` dropped. */
export function retagList(tags: string[], retag: Retag): string[] {
  let has = tags.some((t) => t.trim() === retag.to);
  const out: string[] = [];
  for (const tag of tags) {
    if (!retag.from.has(tag.trim())) out.push(tag);
    else if (!has) {
      out.push(retag.to);
      has = true;
    }
  }
  return out;
}

interface Piece {
  start: number;
  end: number;
  text: string;
}

/** The non-empty tags of a comma-separated list, trimmed, with their offsets. */
function pieces(list: string): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const segment of list.split(",")) {
    const text = segment.trim();
    if (text !== "") {
      const start = at + (segment.length - segment.trimStart().length);
      out.push({ start, end: start + text.length, text });
    }
    at += segment.length + 1;
  }
  return out;
}

/**
 * The line with its `_Context: …_` list (the first one after offset `from`,
 * as the parser reads it) renamed, or null when no tag of it changes.
 */
export function retagContextLine(line: string, from: number, retag: Retag): string | null {
  const match = CONTEXT_TAIL.exec(line.slice(from));
  if (!match) return null;
  const list = match[1]!;
  const listStart = from + match.index + match[0].length - 1 - list.length;
  const all = pieces(list);
  if (!all.some((p) => retag.from.has(p.text))) return null;
  let has = all.some((p) => p.text === retag.to);
  const kept: { index: number; text: string }[] = [];
  all.forEach((p, index) => {
    if (!retag.from.has(p.text)) kept.push({ index, text: p.text });
    else if (!has) {
      kept.push({ index, text: retag.to });
      has = true;
    }
  });
  // Each kept tag brings the separator that stood before it; a dropped one takes its own along.
  let out = list.slice(0, all[0]!.start);
  kept.forEach((k, j) => {
    if (j > 0) out += list.slice(all[k.index - 1]!.end, all[k.index]!.start);
    out += k.text;
  });
  out += list.slice(all[all.length - 1]!.end);
  return line.slice(0, listStart) + out + line.slice(listStart + list.length);
}

type Edit = { line: number; start: number; end: number; text: string } | { line: number; remove: true };

/**
 * Rename tags in front matter `contexts:` by replacing each item's bytes
 * (`quote` forces double quotes). False when the list cannot be edited so
 * (an item spread over lines, a flow item with no comma beside it on its line).
 */
export function retagFrontMatter(doc: TextDoc, fm: FrontMatter, retag: Retag, quote: boolean): boolean {
  const lines = doc.lines.slice(1, fm.endIndex);
  const items = sequenceScalars(lines.join("\n"), "contexts");
  if (!items) return false;
  const starts: number[] = [];
  let offset = 0;
  for (const l of lines) {
    starts.push(offset);
    offset += l.length + 1;
  }
  const lineOf = (at: number) => {
    let i = starts.length - 1;
    while (starts[i]! > at) i--;
    return i;
  };
  let has = items.some((i) => i.value.trim() === retag.to);
  const edits: Edit[] = [];
  for (const item of items) {
    if (!retag.from.has(item.value.trim())) continue;
    const index = lineOf(item.start);
    if (lineOf(item.end) !== index) return false;
    const start = item.start - starts[index]!;
    const end = item.end - starts[index]!;
    if (!has) {
      const json = fm.language.toLowerCase() === "json";
      edits.push({ line: index, start, end, text: encodeScalar(retag.to, json || quote ? "double" : item.style) });
      has = true;
      continue;
    }
    const removal = removalOf(lines, index, start, end);
    if (!removal) return false;
    edits.push(...removal);
  }
  // Last first, so earlier offsets and line numbers hold.
  edits.sort((a, b) => b.line - a.line || ("start" in b ? b.start : 0) - ("start" in a ? a.start : 0));
  for (const e of edits) {
    const at = e.line + 1;
    if ("remove" in e) removeLine(doc, at);
    else replaceLine(doc, at, doc.lines[at]!.slice(0, e.start) + e.text + doc.lines[at]!.slice(e.end));
  }
  return true;
}

/**
 * The cuts that drop the item at start..end of line `index`: its whole line
 * (a block item, or a flow item alone on its line, with the comma after it
 * or the one ending the line before), or it and one comma beside it.
 */
function removalOf(lines: string[], index: number, start: number, end: number): Edit[] | null {
  const line = lines[index]!;
  const before = line.slice(0, start);
  const after = line.slice(end);
  const alone = /^\s*$/.test(before);
  if (/^\s*-\s*$/.test(before) && /^\s*(#.*)?$/.test(after)) return [{ line: index, remove: true }];
  if (alone && /^\s*,\s*$/.test(after)) return [{ line: index, remove: true }];
  const comma = /,\s*$/.exec(before);
  if (comma) return [{ line: index, start: comma.index, end, text: "" }];
  const next = /^\s*,\s*/.exec(after);
  if (next) return [{ line: index, start, end: end + next[0].length, text: "" }];
  const previous = index > 0 ? /,(\s*)$/.exec(lines[index - 1]!) : null;
  if (alone && previous && /^\s*$/.test(after)) {
    const cut = previous.index;
    return [
      { line: index, remove: true },
      { line: index - 1, start: cut, end: cut + 1, text: "" },
    ];
  }
  return null;
}

/** Plain when it is plainly a word or phrase; the caller re-parses either way. */
const PLAIN = /^[\p{L}\p{N}](?:[\p{L}\p{N} .'’&()/-]*[\p{L}\p{N}.)'’])?$/u;

function encodeScalar(value: string, style: "plain" | "single" | "double"): string {
  if (style === "plain" && PLAIN.test(value)) return value;
  if (style === "single") return `'${value.replace(/'/g, "''")}'`;
  return JSON.stringify(value);
}

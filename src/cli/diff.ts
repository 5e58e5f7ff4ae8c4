// Unified diffs for --dry-run: what a command would change, file by file.
// The diffing is jsdiff's (Myers); this file only bounds its cost and names
// the files the way `diff -u` and git do.

import { FILE_HEADERS_ONLY, formatPatch, structuredPatch, type StructuredPatch } from "diff";
import { commonEnds } from "../archive/format/lcs.js";

/**
 * jsdiff's time grows with the square of the number of changed lines (about
 * 1 s at 1,000 on this machine), whatever the file's length. Past this many
 * it gives up, and the change is shown as one hunk replacing everything
 * between the lines both files start and end with.
 */
const MAX_EDIT_LENGTH = 1000;

/**
 * A unified diff of one file (paths archive-relative). `before` null means
 * the file is new; `after` null means it is removed. Empty when equal.
 * Lines keep their bytes (a CRLF file's lines end in \r), so the output
 * applies with `git apply` or `patch -p1`.
 */
export function unifiedDiff(path: string, before: string | null, after: string | null, context = 3): string {
  if (before === after) return "";
  const oldName = before === null ? "/dev/null" : `a/${path}`;
  const newName = after === null ? "/dev/null" : `b/${path}`;
  const oldText = before ?? "";
  const newText = after ?? "";
  // A new or removed file has nothing to compare (every line is an edit, found in one pass): no limit.
  const patch =
    oldText === "" || newText === ""
      ? structuredPatch(oldName, newName, oldText, newText, undefined, undefined, { context })
      : (structuredPatch(oldName, newName, oldText, newText, undefined, undefined, { context, maxEditLength: MAX_EDIT_LENGTH }) ??
        replaceMiddle(oldName, newName, oldText, newText, context));
  return formatPatch(patch, FILE_HEADERS_ONLY);
}

function splitLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  else lines[lines.length - 1] += "\0"; // no final newline: never equal to a line that has one
  return lines;
}

/** The fallback past MAX_EDIT_LENGTH: common ends kept as context, all between replaced. */
function replaceMiddle(oldName: string, newName: string, oldText: string, newText: string, context: number): StructuredPatch {
  const a = splitLines(oldText);
  const b = splitLines(newText);
  const { start, endA, endB } = commonEnds(a, b);
  const from = Math.max(0, start - context);
  const toA = Math.min(a.length, endA + context);
  const toB = Math.min(b.length, endB + context);
  const lines = [
    ...a.slice(from, start).map((l) => " " + l),
    ...a.slice(start, endA).map((l) => "-" + l),
    ...b.slice(start, endB).map((l) => "+" + l),
    ...a.slice(endA, toA).map((l) => " " + l),
  ].flatMap((l) => (l.endsWith("\0") ? [l.slice(0, -1), "\\ No newline at end of file"] : [l]));
  const hunk = { oldStart: from + 1, oldLines: toA - from, newStart: from + 1, newLines: toB - from, lines };
  return { oldFileName: oldName, newFileName: newName, oldHeader: undefined, newHeader: undefined, hunks: [hunk] };
}

// changes-mismatch on the index: every version of an event carries the same
// Changes list (same files, kinds and timestamps, in the same order), with
// exactly one (Current version) item, which names the event's current version.

import { CHANGE_KINDS, CHANGE_SHIFT, F, F_CHANGES_LINE, L_AUX1, L_FLAGS, L_TARGET } from "../archive/index/part.js";
import type { Position } from "./finding.js";
import { at, isInternal, linksOf, targetOf, targetPath, titleLine, viaOf, type IndexContext } from "./index-context.js";

interface Item {
  o: number;
  target: string;
  kind: (typeof CHANGE_KINDS)[number];
  timestamp: string | null;
}

function itemsOf(id: number, ctx: IndexContext): Item[] {
  const { index } = ctx;
  return linksOf(index, id)
    .filter((o) => viaOf(index, o) === "changes")
    .map((o) => {
      const ts = index.links[o + L_AUX1]!;
      return { o, target: targetOf(index, o), kind: CHANGE_KINDS[(index.links[o + L_FLAGS]! >> CHANGE_SHIFT) & 7]!, timestamp: ts >= 0 ? index.strings[ts]! : null };
    });
}

function signature(item: Item): string {
  return `${item.target}|${item.kind}|${item.timestamp ?? ""}`;
}

export function checkChanges(event: number, ctx: IndexContext): void {
  const { r, index } = ctx;
  const current = r.current[event]!;
  if (ctx.isBroken(current)) return;
  const items = itemsOf(current, ctx);
  if (!checkCurrentMarks(current, items, ctx)) return;
  const mark = items.find((c) => c.kind === "current")!;
  const marked = index.links[mark.o + L_TARGET]!;
  if (isInternal(index, mark.o) && marked >= 0 && marked !== current) {
    ctx.report(ctx.path(current), at(index, mark.o), "changes-mismatch", "error", `the (Current version) item names ${targetPath(index, mark.o)}, not this file`);
  }
  const listed = new Set(items.map((c) => (isInternal(index, c.o) ? c.target : "")));
  const currentPath = ctx.path(current);
  for (let k = r.start[event]!; k < r.start[event + 1]!; k++) {
    const version = r.versions[k]!;
    if (version === current || ctx.isBroken(version)) continue;
    if (!listed.has(ctx.path(version))) {
      ctx.report(ctx.path(version), headingOf(version, ctx), "changes-mismatch", "error", `this version is missing from the Changes list of its current version ${currentPath}`);
      continue;
    }
    const own = itemsOf(version, ctx);
    if (!checkCurrentMarks(version, own, ctx)) continue;
    compareLists(version, own, items, currentPath, ctx);
  }
}

/** Exactly one (Current version) item; false (after reporting) otherwise. */
function checkCurrentMarks(file: number, items: Item[], ctx: IndexContext): boolean {
  const marks = items.filter((c) => c.kind === "current");
  if (marks.length === 1) return true;
  if (marks.length === 0) {
    const what = ctx.index.files[file * F + F_CHANGES_LINE]! > 0 ? "no (Current version) item in the Changes list" : "no Changes list";
    ctx.report(ctx.path(file), headingOf(file, ctx), "changes-mismatch", "error", what);
  } else {
    ctx.report(ctx.path(file), at(ctx.index, marks[1]!.o), "changes-mismatch", "error", `${marks.length} (Current version) items in the Changes list; there must be one`);
  }
  return false;
}

function compareLists(version: number, own: Item[], reference: Item[], currentPath: string, ctx: IndexContext): void {
  const n = Math.max(own.length, reference.length);
  for (let i = 0; i < n; i++) {
    const mine = own[i];
    const theirs = reference[i];
    if (mine && theirs && signature(mine) === signature(theirs)) continue;
    const where = mine ? at(ctx.index, mine.o) : headingOf(version, ctx);
    ctx.report(ctx.path(version), where, "changes-mismatch", "error", `the Changes list differs from the current version's (${currentPath}): ${describeDifference(i, mine, theirs)}`);
    return;
  }
}

function describeDifference(i: number, mine: Item | undefined, theirs: Item | undefined): string {
  const n = i + 1;
  if (!mine) return `it has no item ${n} (${theirs!.target})`;
  if (!theirs) return `item ${n} (${mine.target}) is not in it`;
  if (mine.target !== theirs.target) return `item ${n} links to ${mine.target}, there to ${theirs.target}`;
  if (mine.kind !== theirs.kind) return `item ${n} is marked ${mine.kind}, there ${theirs.kind}`;
  return `item ${n} is dated ${mine.timestamp ?? "(none)"}, there ${theirs.timestamp ?? "(none)"}`;
}

function headingOf(file: number, ctx: IndexContext): Position {
  const line = ctx.index.files[file * F + F_CHANGES_LINE]!;
  if (line > 0) return { line, column: 1 };
  return { line: titleLine(ctx.index, file) ?? 1, column: 1 };
}

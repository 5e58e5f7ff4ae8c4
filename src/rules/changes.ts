// changes-mismatch on the index: every version of an event carries the same
// Changes list (same files, kinds and timestamps, in the same order), with
// exactly one (Current version) item, which names the event's current version.

import { CHANGE_KINDS, CHANGE_SHIFT, F, F_CHANGES_LINE, F_LINK, F_LINKS, L, L_AUX1, L_FLAGS, L_TARGET, TARGET_SHIFT, VIA_MASK } from "../archive/index/part.js";
import type { Position } from "./finding.js";
import { at, isInternal, targetOf, targetPath, titleLine, type IndexContext } from "./index-context.js";

const CHANGES = 2;
const CURRENT = 2;

/** Link offsets of a file's Changes items, in order. */
function changesOf(id: number, ctx: IndexContext): number[] {
  const { files, links } = ctx.index;
  const out: number[] = [];
  const first = files[id * F + F_LINK]!;
  for (let k = first; k < first + files[id * F + F_LINKS]!; k++) if ((links[k * L + L_FLAGS]! & VIA_MASK) === CHANGES) out.push(k * L);
  return out;
}

function kindOf(ctx: IndexContext, o: number): (typeof CHANGE_KINDS)[number] {
  return CHANGE_KINDS[(ctx.index.links[o + L_FLAGS]! >> CHANGE_SHIFT) & 7]!;
}

function timestampOf(ctx: IndexContext, o: number): string | null {
  const ts = ctx.index.links[o + L_AUX1]!;
  return ts >= 0 ? ctx.index.text.get(ts) : null;
}

export function checkChanges(event: number, ctx: IndexContext): void {
  const { r, index } = ctx;
  const current = r.current[event]!;
  if (ctx.isBroken(current)) return;
  const items = changesOf(current, ctx);
  if (!checkCurrentMarks(current, items, ctx)) return;
  const mark = items.find((o) => kindOf(ctx, o) === "current")!;
  const marked = index.links[mark + L_TARGET]!;
  if (isInternal(index, mark) && marked >= 0 && marked !== current) {
    ctx.report(ctx.path(current), at(index, mark), "changes-mismatch", "error", `the (Current version) item names ${targetPath(index, mark)}, not this file`);
  }
  if (r.start[event + 1]! - r.start[event]! === 1) return;
  const listed = new Set(items.map((o) => index.links[o + L_TARGET]!));
  for (let k = r.start[event]!; k < r.start[event + 1]!; k++) {
    const version = r.versions[k]!;
    if (version === current || ctx.isBroken(version)) continue;
    if (!listed.has(version)) {
      ctx.report(ctx.path(version), headingOf(version, ctx), "changes-mismatch", "error", `this version is missing from the Changes list of its current version ${ctx.path(current)}`);
      continue;
    }
    const own = changesOf(version, ctx);
    if (!checkCurrentMarks(version, own, ctx)) continue;
    compareLists(version, own, items, ctx.path(current), ctx);
  }
}

/** Exactly one (Current version) item; false (after reporting) otherwise. */
function checkCurrentMarks(file: number, items: number[], ctx: IndexContext): boolean {
  let marks = 0;
  let second = -1;
  for (const o of items) {
    if (((ctx.index.links[o + L_FLAGS]! >> CHANGE_SHIFT) & 7) !== CURRENT) continue;
    if (++marks === 2) second = o;
  }
  if (marks === 1) return true;
  if (marks === 0) {
    const what = ctx.index.files[file * F + F_CHANGES_LINE]! > 0 ? "no (Current version) item in the Changes list" : "no Changes list";
    ctx.report(ctx.path(file), headingOf(file, ctx), "changes-mismatch", "error", what);
  } else {
    ctx.report(ctx.path(file), at(ctx.index, second), "changes-mismatch", "error", `${marks} (Current version) items in the Changes list; there must be one`);
  }
  return false;
}

/** Same target (as validate names it), kind and timestamp. */
function sameItem(a: number, b: number, ctx: IndexContext): boolean {
  const { links } = ctx.index;
  if (((links[a + L_FLAGS]! ^ links[b + L_FLAGS]!) >> CHANGE_SHIFT) & 7) return false;
  if (timestampOf(ctx, a) !== timestampOf(ctx, b)) return false;
  const internal = ((links[a + L_FLAGS]! >> TARGET_SHIFT) & 3) === 0 && ((links[b + L_FLAGS]! >> TARGET_SHIFT) & 3) === 0;
  if (internal && links[a + L_TARGET]! >= 0 && links[b + L_TARGET]! >= 0) return links[a + L_TARGET] === links[b + L_TARGET];
  return targetOf(ctx.index, a) === targetOf(ctx.index, b);
}

function compareLists(version: number, own: number[], reference: number[], currentPath: string, ctx: IndexContext): void {
  const n = Math.max(own.length, reference.length);
  for (let i = 0; i < n; i++) {
    const mine = own[i];
    const theirs = reference[i];
    if (mine !== undefined && theirs !== undefined && sameItem(mine, theirs, ctx)) continue;
    const where = mine !== undefined ? at(ctx.index, mine) : headingOf(version, ctx);
    ctx.report(ctx.path(version), where, "changes-mismatch", "error", `the Changes list differs from the current version's (${currentPath}): ${describeDifference(i, mine, theirs, ctx)}`);
    return;
  }
}

function describeDifference(i: number, mine: number | undefined, theirs: number | undefined, ctx: IndexContext): string {
  const n = i + 1;
  const target = (o: number) => targetOf(ctx.index, o);
  if (mine === undefined) return `it has no item ${n} (${target(theirs!)})`;
  if (theirs === undefined) return `item ${n} (${target(mine)}) is not in it`;
  if (target(mine) !== target(theirs)) return `item ${n} links to ${target(mine)}, there to ${target(theirs)}`;
  if (kindOf(ctx, mine) !== kindOf(ctx, theirs)) return `item ${n} is marked ${kindOf(ctx, mine)}, there ${kindOf(ctx, theirs)}`;
  return `item ${n} is dated ${timestampOf(ctx, mine) ?? "(none)"}, there ${timestampOf(ctx, theirs) ?? "(none)"}`;
}

function headingOf(file: number, ctx: IndexContext): Position {
  const line = ctx.index.files[file * F + F_CHANGES_LINE]!;
  if (line > 0) return { line, column: 1 };
  return { line: titleLine(ctx.index, file) ?? 1, column: 1 };
}

// changes-mismatch: every version of an event carries the same Changes list
// (same files, kinds and timestamps, in the same order), with exactly one
// (Current version) item, which names the event's current version.

import type { ChangeItem, Event, EventFile } from "../../../archive/types.js";
import { isBroken, type CheckContext } from "../context.js";

function signature(item: ChangeItem): string {
  return `${targetOf(item)}|${item.kind}|${item.timestamp ?? ""}`;
}

export function checkChanges(event: Event, ctx: CheckContext): void {
  const current = event.current;
  if (isBroken(current)) return;
  if (!checkCurrentMarks(current, ctx)) return;
  const mark = current.changes.find((c) => c.kind === "current")!;
  if (mark.target.kind === "internal" && mark.target.path !== current.path && ctx.archive.files.has(mark.target.path)) {
    ctx.report(current.path, mark, "changes-mismatch", "error", `the (Current version) item names ${mark.target.path}, not this file`);
  }
  const listed = new Set(current.changes.map((c) => (c.target.kind === "internal" ? c.target.path : "")));
  for (const version of event.versions) {
    if (version === current || isBroken(version)) continue;
    if (!listed.has(version.path)) {
      ctx.report(version.path, headingOf(version), "changes-mismatch", "error", `this version is missing from the Changes list of its current version ${current.path}`);
      continue;
    }
    if (!checkCurrentMarks(version, ctx)) continue;
    compareLists(version, current.changes, current.path, ctx);
  }
}

/** Exactly one (Current version) item; false (after reporting) otherwise. */
function checkCurrentMarks(file: EventFile, ctx: CheckContext): boolean {
  const marks = file.changes.filter((c) => c.kind === "current");
  if (marks.length === 1) return true;
  if (marks.length === 0) {
    const what = file.sections.changes ? "no (Current version) item in the Changes list" : "no Changes list";
    ctx.report(file.path, headingOf(file), "changes-mismatch", "error", what);
  } else {
    ctx.report(file.path, marks[1]!, "changes-mismatch", "error", `${marks.length} (Current version) items in the Changes list; there must be one`);
  }
  return false;
}

function compareLists(version: EventFile, reference: ChangeItem[], currentPath: string, ctx: CheckContext): void {
  const own = version.changes;
  const n = Math.max(own.length, reference.length);
  for (let i = 0; i < n; i++) {
    const mine = own[i];
    const theirs = reference[i];
    if (mine && theirs && signature(mine) === signature(theirs)) continue;
    ctx.report(version.path, mine ?? headingOf(version), "changes-mismatch", "error", `the Changes list differs from the current version's (${currentPath}): ${describeDifference(i, mine, theirs)}`);
    return;
  }
}

function describeDifference(i: number, mine: ChangeItem | undefined, theirs: ChangeItem | undefined): string {
  const n = i + 1;
  if (!mine) return `it has no item ${n} (${targetOf(theirs!)})`;
  if (!theirs) return `item ${n} (${targetOf(mine)}) is not in it`;
  if (targetOf(mine) !== targetOf(theirs)) return `item ${n} links to ${targetOf(mine)}, there to ${targetOf(theirs)}`;
  if (mine.kind !== theirs.kind) return `item ${n} is marked ${mine.kind}, there ${theirs.kind}`;
  return `item ${n} is dated ${mine.timestamp ?? "(none)"}, there ${theirs.timestamp ?? "(none)"}`;
}

function targetOf(item: ChangeItem): string {
  return item.target.kind === "internal" ? item.target.path : item.dest;
}

function headingOf(file: EventFile): { line: number; column: number } {
  const section = file.sections.changes;
  if (section) return { line: section.headingIndex + 1, column: 1 };
  return { line: file.title?.line ?? 1, column: 1 };
}

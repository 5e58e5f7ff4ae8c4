// validate on the lean index: every rule, findings limited to the scope and
// sorted as every format prints them. The full document of a file is read
// only when --fix repairs it (see fix-items.ts).

import type { ArchiveIndex } from "../../archive/index/archive-index.js";
import { KIND_EVENT, KIND_UNREADABLE } from "../../archive/index/part.js";
import { kindOf, pathOf, resolveEvents, unreadableVersions, type Resolved } from "../../archive/index/events.js";
import { newTimings, type ReadTimings } from "../../archive/read/read-index.js";
import type { Context } from "../../cli/context.js";
import { checkIndex } from "../../rules/check.js";
import { sortDiagnostics, type Diagnostic } from "./diagnostics.js";
import type { ArchiveFiles } from "./scope.js";

export interface IndexCheck {
  problems: Diagnostic[];
  files: number;
  events: number;
  /** For --fix: whether a path belongs to an event a version of which cannot be read (see fix.ts). */
  unreadable: (path: string) => boolean;
}

/** `scope` null means every file. */
export function checkArchiveIndex(index: ArchiveIndex, scope: Set<string> | null, timings?: ReadTimings): IndexCheck {
  let t = performance.now();
  const r = resolveEvents(index);
  if (timings) timings.resolveMs = performance.now() - t;
  t = performance.now();
  // Lean fixes carry only where the item is; fix-items.ts puts the parsed item in before a repair.
  const found = checkIndex(r) as Diagnostic[];
  const problems = sortDiagnostics(scope === null ? found : found.filter((d) => scope.has(d.file)));
  if (timings) timings.rulesMs = performance.now() - t;
  return { problems, files: scope ? scope.size : index.fileCount, events: countEvents(r, scope), unreadable: (p) => hasUnreadable(r, p) };
}

/** fix.ts's unreadableIn, on the index: a file that could not be read at all, or a version of an event with a broken version. */
function hasUnreadable(r: Resolved, path: string): boolean {
  const id = r.index.idOf(path);
  if (id < 0) return false;
  const kind = kindOf(r.index, id);
  if (kind !== KIND_EVENT) return kind === KIND_UNREADABLE;
  const event = r.eventOf[id]!;
  return event >= 0 && unreadableVersions(r, event).length > 0;
}

/** Events with at least one version in scope. */
function countEvents(r: Resolved, scope: Set<string> | null): number {
  const n = r.current.length;
  if (scope === null) return n;
  let count = 0;
  for (let e = 0; e < n; e++) {
    for (let k = r.start[e]!; k < r.start[e + 1]!; k++) {
      if (scope.has(pathOf(r.index, r.versions[k]!))) {
        count++;
        break;
      }
    }
  }
  return count;
}

/** Where the time went, for the benchmark: only when NEWSCTL_TIMINGS is set. */
export function timingsFor(ctx: Context): ReadTimings | undefined {
  return ctx.env["NEWSCTL_TIMINGS"] ? newTimings() : undefined;
}

export function reportTimings(ctx: Context, timings: ReadTimings | undefined): void {
  if (timings) ctx.stderr.write(`newsctl-timings ${JSON.stringify(timings)}\n`);
}

/** The index's files as validate PATH... looks them up. */
export function indexFiles(index: ArchiveIndex): ArchiveFiles {
  return {
    *keys() {
      for (const id of index.order) yield pathOf(index, id);
    },
    has: (path) => index.idOf(path) >= 0,
  };
}

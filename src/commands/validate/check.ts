// The one pass: per-file rules over the files in scope, per-event rules over
// the events, archive-wide rules once. Rules see the whole model; only the
// findings are limited to the scope.

import type { Archive } from "../../archive/types.js";
import { createCheckContext, isBroken } from "./context.js";
import { sortDiagnostics, type Diagnostic } from "./diagnostics.js";
import { checkChanges } from "./rules/changes.js";
import { checkRelatedContexts } from "./rules/contexts.js";
import { checkDateLine, checkDayPadding, checkFolderDate } from "./rules/dates.js";
import { checkDayEntries, checkEventListed } from "./rules/day-index.js";
import { checkDayLinks, checkEventLinks } from "./rules/links.js";
import { reportNotes } from "./rules/notes.js";
import { checkSources } from "./rules/sources.js";

/** `scope` null means every file. */
export function checkArchive(archive: Archive, scope: Set<string> | null): Diagnostic[] {
  const found: Diagnostic[] = [];
  const ctx = createCheckContext(archive, found);
  const inScope = (path: string) => scope === null || scope.has(path);
  for (const file of archive.files.values()) {
    if (!inScope(file.path)) continue;
    reportNotes(file, ctx);
    checkFolderDate(file, ctx);
    if (isBroken(file)) continue;
    if (file.kind === "event") {
      checkDateLine(file, ctx);
      checkEventLinks(file, ctx);
      checkSources(file, ctx);
      checkRelatedContexts(file, ctx);
    } else if (file.kind === "day") {
      checkDayLinks(file, ctx);
      checkDayEntries(file, ctx);
    }
  }
  for (const event of archive.events) {
    if (!event.versions.some((v) => inScope(v.path))) continue;
    checkEventListed(event, ctx);
    checkChanges(event, ctx);
  }
  checkDayPadding(ctx);
  return sortDiagnostics(scope === null ? found : found.filter((d) => scope.has(d.file)));
}

/** Events with at least one version in scope. */
export function countEvents(archive: Archive, scope: Set<string> | null): number {
  if (scope === null) return archive.events.length;
  return archive.events.filter((e) => e.versions.some((v) => scope.has(v.path))).length;
}

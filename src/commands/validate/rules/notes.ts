// What the parser noticed (parse-error, bad-path, malformed-item,
// duplicate-section) becomes diagnostics at the parser's line and column.

import type { ArchiveFile } from "../../../archive/types.js";
import type { CheckContext } from "../context.js";

export function reportNotes(file: ArchiveFile, ctx: CheckContext): void {
  // Warnings are for current versions and day pages: superseded versions are history.
  const warn = file.kind !== "event" || ctx.isCurrent(file);
  for (const n of file.notes) {
    if (n.severity === "warning" && !warn) continue;
    ctx.report(file.path, n, n.rule, n.severity, n.message);
  }
}

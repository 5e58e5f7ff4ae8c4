// related-context: a Related item's `_Context: …_` names the tags the two
// events share. Only tags an event declares (front matter `contexts:`) can be
// checked: without it an event's tags are the union of its Related contexts,
// which would make any such check circular.

import type { EventFile } from "../../../archive/types.js";
import type { CheckContext } from "../context.js";

function declaredTags(file: EventFile): Set<string> | null {
  const declared = file.frontMatter?.data?.["contexts"];
  if (!Array.isArray(declared)) return null;
  return new Set(declared.map((t) => String(t).trim().toLowerCase()));
}

export function checkRelatedContexts(file: EventFile, ctx: CheckContext): void {
  if (!ctx.isCurrent(file)) return;
  const own = declaredTags(file);
  for (const item of file.related) {
    if (item.contexts.length === 0 || item.target.kind !== "internal") continue;
    const event = ctx.archive.eventOf.get(item.target.path);
    const theirs = event ? declaredTags(event.current) : null;
    if (!own && !theirs) continue;
    const stray = item.contexts.filter((tag) => {
      const t = tag.toLowerCase();
      return (own !== null && !own.has(t)) || (theirs !== null && !theirs.has(t));
    });
    if (stray.length === 0) continue;
    const line = file.doc.lines[item.line - 1] ?? "";
    const at = line.indexOf("_", item.link.end);
    const names = stray.map((t) => `"${t}"`).join(", ");
    ctx.report(
      file.path,
      { line: item.line, column: at >= 0 ? at + 1 : item.column },
      "related-context",
      "warning",
      `context ${names} ${stray.length === 1 ? "is" : "are"} not shared by the two events (per their front matter contexts:)`,
    );
  }
}

// related-context on the index: a Related item's `_Context: …_` names the
// tags the two events share. Only tags an event declares (front matter
// `contexts:`) can be checked: without it an event's tags are the union of
// its Related contexts, which would make any such check circular.

import { L_AUX1, L_AUX2, L_AUX3, L_LINE, L_TARGET } from "../archive/index/part.js";
import { isInternal, linksOf, viaOf, type IndexContext } from "./index-context.js";

export function checkRelatedContexts(id: number, ctx: IndexContext): void {
  const { index, r } = ctx;
  const own = ctx.declaredTags(id);
  for (const o of linksOf(index, id)) {
    const count = index.links[o + L_AUX2]!;
    if (viaOf(index, o) !== "related" || count === 0 || !isInternal(index, o)) continue;
    const target = index.links[o + L_TARGET]!;
    const event = target >= 0 ? r.eventOf[target]! : -1;
    const theirs = event >= 0 ? ctx.declaredTags(r.current[event]!) : null;
    if (!own && !theirs) continue;
    const first = index.links[o + L_AUX1]!;
    const stray: string[] = [];
    for (let k = first; k < first + count; k++) {
      const tag = index.strings[index.tags[k]!]!;
      const t = tag.toLowerCase();
      if ((own !== null && !own.has(t)) || (theirs !== null && !theirs.has(t))) stray.push(tag);
    }
    if (stray.length === 0) continue;
    const names = stray.map((t) => `"${t}"`).join(", ");
    ctx.report(
      ctx.path(id),
      { line: index.links[o + L_LINE]!, column: index.links[o + L_AUX3]! },
      "related-context",
      "warning",
      `context ${names} ${stray.length === 1 ? "is" : "are"} not shared by the two events (per their front matter contexts:)`,
    );
  }
}

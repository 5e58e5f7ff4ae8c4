// related-context on the index: a Related item's `_Context: …_` names the
// tags the two events share. Only tags an event declares (front matter
// `contexts:`) can be checked: without it an event's tags are the union of
// its Related contexts, which would make any such check circular.

import { F, F_LINK, F_LINKS, L, L_AUX1, L_AUX2, L_AUX3, L_FLAGS, L_LINE, L_TARGET, TARGET_SHIFT, VIA_MASK } from "../archive/index/part.js";
import type { IndexContext } from "./index-context.js";

const RELATED = 1;

export function checkRelatedContexts(id: number, ctx: IndexContext): void {
  const { index, r } = ctx;
  const own = ctx.declaredTags(id);
  const first = index.files[id * F + F_LINK]!;
  for (let k = first; k < first + index.files[id * F + F_LINKS]!; k++) {
    const o = k * L;
    const flags = index.links[o + L_FLAGS]!;
    if ((flags & VIA_MASK) !== RELATED || ((flags >> TARGET_SHIFT) & 3) !== 0) continue;
    const count = index.links[o + L_AUX2]!;
    if (count === 0) continue;
    const target = index.links[o + L_TARGET]!;
    const event = target >= 0 ? r.eventOf[target]! : -1;
    const theirs = event >= 0 ? ctx.declaredTags(r.current[event]!) : null;
    if (!own && !theirs) continue;
    const tags = index.links[o + L_AUX1]!;
    const stray: string[] = [];
    for (let j = tags; j < tags + count; j++) {
      const tag = index.text.get(index.tags[j]!);
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

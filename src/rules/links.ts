// Links between archive files, on the index: broken-link (error, every
// file), stale-title and superseded-link (warnings, current versions and day
// pages only: superseded versions are history). outside-archive is a file's
// own business: see file-rules.ts.

import { kindOf } from "../archive/index/events.js";
import { KIND_DAY, KIND_EVENT, L_TARGET, L_TEXT } from "../archive/index/part.js";
import { LINK_LABEL } from "./finding.js";
import { at, isInternal, isStale, linksOf, targetPath, viaOf, type IndexContext } from "./index-context.js";

export function checkLinks(id: number, ctx: IndexContext): void {
  const { index } = ctx;
  const kind = kindOf(index, id);
  const current = kind === KIND_DAY || ctx.isCurrent(id);
  for (const o of linksOf(index, id)) {
    if (!isInternal(index, o)) continue;
    const via = viaOf(index, o);
    checkLink(id, o, via, via !== "date" && current, ctx);
  }
}

function checkLink(from: number, o: number, via: keyof typeof LINK_LABEL, warn: boolean, ctx: IndexContext): void {
  const { index } = ctx;
  const target = index.links[o + L_TARGET]!;
  const fromPath = ctx.path(from);
  if (target < 0) {
    const missing = targetPath(index, o);
    const hint = via === "date" ? null : ctx.fileTitled(index.strings[index.links[o + L_TEXT]!]!);
    const suggestion = hint ? `; ${hint} has this title (renamed?)` : "";
    const fix = via === "day" ? { kind: "remove-entry" as const, file: fromPath, item: at(index, o) } : undefined;
    ctx.report(fromPath, at(index, o), "broken-link", "error", `${LINK_LABEL[via]} links to ${missing}, which does not exist${suggestion}`, fix, missing);
    return;
  }
  if (!warn || kindOf(index, target) !== KIND_EVENT) return;
  const isCurrentTarget = ctx.isCurrent(target);
  if (via === "related" && !isCurrentTarget) {
    reportSuperseded(fromPath, o, target, ctx);
    return;
  }
  // A day page listing a superseded version is not-in-index's business.
  if (via === "day" && !isCurrentTarget) return;
  const title = ctx.titleOf(target);
  if (title !== null && isStale(index, o, title)) {
    ctx.report(fromPath, at(index, o), "stale-title", "warning", `${LINK_LABEL[via]} text differs from its target's title "${title}"`, {
      kind: "rewrite-link",
      file: fromPath,
      item: at(index, o),
      text: title,
    });
  }
}

function reportSuperseded(from: string, o: number, target: number, ctx: IndexContext): void {
  const { r } = ctx;
  const current = r.current[r.eventOf[target]!]!;
  const title = ctx.titleOf(current);
  const item = at(ctx.index, o);
  const fix = title === null ? undefined : { kind: "rewrite-link" as const, file: from, item, path: ctx.path(current), text: title };
  ctx.report(from, item, "superseded-link", "warning", `Related item points at a superseded version; the current version is ${ctx.path(current)}`, fix);
}

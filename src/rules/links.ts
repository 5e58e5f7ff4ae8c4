// Links between archive files, on the index: broken-link (error, every
// file), stale-title and superseded-link (warnings, current versions and day
// pages only: superseded versions are history). outside-archive is a file's
// own business: see file-rules.ts.

import { isCurrentFile, kindOf } from "../archive/index/events.js";
import { F, F_LINK, F_LINKS, KIND_DAY, KIND_EVENT, L, L_FLAGS, L_TARGET, L_TEXT, TARGET_SHIFT, VIA_MASK, VIAS } from "../archive/index/part.js";
import { LINK_LABEL } from "./finding.js";
import { at, isStale, targetPath, type IndexContext } from "./index-context.js";

const DATE = 0;
const RELATED = 1;
const DAY = 3;

export function checkLinks(id: number, ctx: IndexContext): void {
  const { index, r } = ctx;
  const { files, links } = index;
  const warnHere = kindOf(index, id) === KIND_DAY || isCurrentFile(r, id);
  const first = files[id * F + F_LINK]!;
  const end = first + files[id * F + F_LINKS]!;
  for (let k = first; k < end; k++) {
    const o = k * L;
    const flags = links[o + L_FLAGS]!;
    if (((flags >> TARGET_SHIFT) & 3) !== 0) continue; // not an internal link
    const via = flags & VIA_MASK;
    const target = links[o + L_TARGET]!;
    if (target < 0) reportBroken(id, o, via, ctx);
    else if (warnHere && via !== DATE && kindOf(index, target) === KIND_EVENT) checkTarget(id, o, via, target, ctx);
  }
}

function reportBroken(from: number, o: number, via: number, ctx: IndexContext): void {
  const { index } = ctx;
  const fromPath = ctx.path(from);
  const missing = targetPath(index, o);
  const hint = via === DATE ? null : ctx.fileTitled(index.text.get(index.links[o + L_TEXT]!));
  const suggestion = hint ? `; ${hint} has this title (renamed?)` : "";
  const fix = via === DAY ? { kind: "remove-entry" as const, file: fromPath, item: at(index, o) } : undefined;
  ctx.report(fromPath, at(index, o), "broken-link", "error", `${LINK_LABEL[VIAS[via]!]} links to ${missing}, which does not exist${suggestion}`, fix, missing);
}

function checkTarget(from: number, o: number, via: number, target: number, ctx: IndexContext): void {
  const { r, index } = ctx;
  const isCurrentTarget = isCurrentFile(r, target);
  if (via === RELATED && !isCurrentTarget) {
    reportSuperseded(ctx.path(from), o, target, ctx);
    return;
  }
  // A day page listing a superseded version is not-in-index's business.
  if (via === DAY && !isCurrentTarget) return;
  const titleId = ctx.titleId(target);
  if (titleId < 0 || !isStale(index, o, titleId)) return;
  const title = index.text.get(titleId);
  const fromPath = ctx.path(from);
  ctx.report(fromPath, at(index, o), "stale-title", "warning", `${LINK_LABEL[VIAS[via]!]} text differs from its target's title "${title}"`, {
    kind: "rewrite-link",
    file: fromPath,
    item: at(index, o),
    text: title,
  });
}

function reportSuperseded(from: string, o: number, target: number, ctx: IndexContext): void {
  const { r } = ctx;
  const current = r.current[r.eventOf[target]!]!;
  const title = ctx.titleOf(current);
  const item = at(ctx.index, o);
  const fix = title === null ? undefined : { kind: "rewrite-link" as const, file: from, item, path: ctx.path(current), text: title };
  ctx.report(from, item, "superseded-link", "warning", `Related item points at a superseded version; the current version is ${ctx.path(current)}`, fix);
}

// Links between archive files: broken-link, outside-archive (errors, every
// file), stale-title and superseded-link (warnings, current versions and day
// pages only: superseded versions are history).

import { linkTitle } from "../../../archive/format/write.js";
import type { DayPage, EventFile, LinkItem } from "../../../archive/types.js";
import type { CheckContext } from "../context.js";

type Via = "date" | "related" | "changes" | "day";

const LABEL: Record<Via, string> = {
  date: "the date line",
  related: "Related item",
  changes: "Changes item",
  day: "day-page entry",
};

export function checkEventLinks(file: EventFile, ctx: CheckContext): void {
  const current = ctx.isCurrent(file);
  if (file.dateLine) checkLink(file.path, file.dateLine, "date", false, ctx);
  for (const item of file.related) checkLink(file.path, item, "related", current, ctx);
  for (const item of file.changes) checkLink(file.path, item, "changes", current, ctx);
}

export function checkDayLinks(page: DayPage, ctx: CheckContext): void {
  for (const item of page.entries) checkLink(page.path, item, "day", true, ctx);
}

function checkLink(from: string, item: LinkItem, via: Via, warn: boolean, ctx: CheckContext): void {
  const { target } = item;
  if (target.kind === "outside") {
    // The destination is quoted as written; it is never resolved on disk.
    ctx.report(from, item, "outside-archive", "error", `${LABEL[via]} links outside the archive (${item.dest}); its target was not read`);
    return;
  }
  if (target.kind !== "internal") return;
  const file = ctx.archive.files.get(target.path);
  if (!file) {
    const hint = via === "date" ? null : ctx.fileTitled(linkTitle(item));
    const suggestion = hint ? `; ${hint} has this title (renamed?)` : "";
    const fix = via === "day" ? { kind: "remove-entry" as const, file: from, item } : undefined;
    ctx.report(from, item, "broken-link", "error", `${LABEL[via]} links to ${target.path}, which does not exist${suggestion}`, fix, target.path);
    return;
  }
  if (!warn || file.kind !== "event") return;
  const isCurrentTarget = ctx.isCurrent(file);
  if (via === "related" && !isCurrentTarget) {
    reportSuperseded(from, item, file, ctx);
    return;
  }
  // A day page listing a superseded version is not-in-index's business.
  if (via === "day" && !isCurrentTarget) return;
  const title = ctx.titleOf(target.path);
  if (title !== null && linkTitle(item) !== title) {
    ctx.report(from, item, "stale-title", "warning", `${LABEL[via]} text differs from its target's title "${title}"`, {
      kind: "rewrite-link",
      file: from,
      item,
      text: title,
    });
  }
}

function reportSuperseded(from: string, item: LinkItem, target: EventFile, ctx: CheckContext): void {
  const current = ctx.archive.eventOf.get(target.path)!.current;
  const title = ctx.titleOf(current.path);
  const fix = title === null ? undefined : { kind: "rewrite-link" as const, file: from, item, path: current.path, text: title };
  ctx.report(from, item, "superseded-link", "warning", `Related item points at a superseded version; the current version is ${current.path}`, fix);
}

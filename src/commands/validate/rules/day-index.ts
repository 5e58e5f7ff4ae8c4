// Day pages list the current version of every event of their day, once:
// not-in-index (error) both ways, duplicate-entry (warning).

import { formatIsoDate } from "../../../archive/format/paths.js";
import type { DayPage, Event } from "../../../archive/types.js";
import { isBroken, type CheckContext } from "../context.js";

export function checkEventListed(event: Event, ctx: CheckContext): void {
  const file = event.current;
  if (isBroken(file)) return;
  const date = formatIsoDate(file.info);
  const page = ctx.archive.days.get(date)?.page ?? null;
  const pagePath = page?.path ?? `${file.info.dir}/index.md`;
  // A page that exists but cannot be read is parse-error's business, and must never be overwritten.
  if (!page && ctx.archive.files.has(pagePath)) return;
  if (page) {
    const listed = ctx.entriesOf(page);
    if (listed.has(file.path)) return;
    // The page lists an older version instead: reported (and repointed) on the page.
    if (event.versions.some((v) => listed.has(v.path))) return;
    // Or a version that cannot be read, which may well be the current one: its parse-error says so.
    if (event.unreadable.some((p) => listed.has(p))) return;
  }
  const title = ctx.titleOf(file.path);
  const fix = title === null ? undefined : { kind: "add-entry" as const, file: pagePath, date, title, path: file.path };
  const why = page ? `not listed in its day page ${pagePath}` : `its day page ${pagePath} does not exist`;
  ctx.report(file.path, { line: file.title?.line ?? 1, column: 1 }, "not-in-index", "error", why, fix);
}

export function checkDayEntries(page: DayPage, ctx: CheckContext): void {
  const pageDate = formatIsoDate(page.info);
  const listed = ctx.entriesOf(page);
  const claimed = new Set<string>();
  for (const item of page.entries) {
    if (item.target.kind !== "internal") continue;
    const file = ctx.archive.files.get(item.target.path);
    if (!file || file.kind !== "event") continue;
    if (!ctx.isCurrent(file)) {
      const current = ctx.archive.eventOf.get(file.path)!.current;
      const title = ctx.titleOf(current.path);
      const repoint = title !== null && formatIsoDate(current.info) === pageDate && !listed.has(current.path) && !claimed.has(current.path);
      if (repoint) claimed.add(current.path);
      const fix = repoint
        ? { kind: "rewrite-link" as const, file: page.path, item, path: current.path, text: title }
        : { kind: "remove-entry" as const, file: page.path, item };
      ctx.report(page.path, item, "not-in-index", "error", `lists a superseded version (${file.path}); day pages list current versions only (current: ${current.path})`, fix);
      continue;
    }
    if (claimed.has(file.path)) {
      ctx.report(page.path, item, "duplicate-entry", "warning", `lists ${file.path} a second time`, { kind: "remove-entry", file: page.path, item });
      continue;
    }
    claimed.add(file.path);
  }
}

// Day pages list the current version of every event of their day, once:
// not-in-index (error) both ways, duplicate-entry (warning), on the index.

import { formatYmd, kindOf, unreadableVersions } from "../archive/index/events.js";
import { F, F_LINK, F_LINKS, F_YMD, KIND_EVENT, L, L_TARGET } from "../archive/index/part.js";
import { at, titleLine, type IndexContext } from "./index-context.js";

/** An event's current version missing from its day page. */
export function checkEventListed(event: number, ctx: IndexContext): void {
  const { r, index } = ctx;
  const file = r.current[event]!;
  if (ctx.isBroken(file)) return;
  const ymd = index.files[file * F + F_YMD]!;
  const page = r.days.get(ymd)?.page ?? -1;
  if (page >= 0) {
    const listed = ctx.entriesOf(page);
    if (listed.has(file)) return;
    // The page lists an older version instead: reported (and repointed) on the page.
    for (let k = r.start[event]!; k < r.start[event + 1]!; k++) if (listed.has(r.versions[k]!)) return;
    // Or a version that cannot be read, which may well be the current one: its parse-error says so.
    if (unreadableVersions(r, event).some((u) => listed.has(u))) return;
  }
  const path = ctx.path(file);
  const pagePath = page >= 0 ? ctx.path(page) : `${path.slice(0, path.lastIndexOf("/"))}/index.md`;
  // A page that exists but cannot be read is parse-error's business, and must never be overwritten.
  if (page < 0 && index.idOf(pagePath) >= 0) return;
  const title = ctx.titleOf(file);
  const fix = title === null ? undefined : { kind: "add-entry" as const, file: pagePath, date: formatYmd(ymd), title, path };
  const why = page >= 0 ? `not listed in its day page ${pagePath}` : `its day page ${pagePath} does not exist`;
  ctx.report(path, { line: titleLine(index, file) ?? 1, column: 1 }, "not-in-index", "error", why, fix);
}

/** Entries to superseded versions, and the same file listed twice. */
export function checkDayEntries(page: number, ctx: IndexContext): void {
  const { r, index } = ctx;
  const pageYmd = index.files[page * F + F_YMD]!;
  const pagePath = ctx.path(page);
  const listed = ctx.entriesOf(page);
  const claimed = new Set<number>();
  const first = index.files[page * F + F_LINK]!;
  for (let k = first; k < first + index.files[page * F + F_LINKS]!; k++) {
    const o = k * L;
    const file = index.links[o + L_TARGET]!;
    if (file < 0 || kindOf(index, file) !== KIND_EVENT) continue;
    const item = at(index, o);
    if (!ctx.isCurrent(file)) {
      const current = r.current[r.eventOf[file]!]!;
      const title = ctx.titleOf(current);
      const repoint = title !== null && index.files[current * F + F_YMD] === pageYmd && !listed.has(current) && !claimed.has(current);
      if (repoint) claimed.add(current);
      const fix = repoint
        ? { kind: "rewrite-link" as const, file: pagePath, item, path: ctx.path(current), text: title }
        : { kind: "remove-entry" as const, file: pagePath, item };
      ctx.report(pagePath, item, "not-in-index", "error", `lists a superseded version (${ctx.path(file)}); day pages list current versions only (current: ${ctx.path(current)})`, fix);
      continue;
    }
    if (claimed.has(file)) {
      ctx.report(pagePath, item, "duplicate-entry", "warning", `lists ${ctx.path(file)} a second time`, { kind: "remove-entry", file: pagePath, item });
      continue;
    }
    claimed.add(file);
  }
}

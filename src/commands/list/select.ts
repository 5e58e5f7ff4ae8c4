// Which event versions `list` shows, in its order: one day from that day's
// folder alone, anything wider from the lean index. Shared by the command
// and the API's listEvents.

import { formatIsoDate, parseIsoDate } from "../../archive/format/paths.js";
import { readDays } from "../../archive/read/read-files.js";
import type { Archive, EventFile } from "../../archive/types.js";
import type { Progress } from "../../cli/progress.js";
import { toListItem, type ListItem } from "./item.js";

export interface ListQuery {
  date?: string;
  from?: string;
  to?: string;
  tag?: string[];
  allVersions?: boolean;
}

/** The items for `query` (dates already checked: YYYY-MM-DD, no --date with a range). */
export async function listItems(root: string, query: ListQuery, progress: Progress): Promise<ListItem[]> {
  if (query.date) return selectItems(readDays(root, [parseIsoDate(query.date)!]), query);
  // A read of more than one day can take seconds on a large archive: validate's progress line, at a terminal only.
  progress.show("newsctl: reading the archive…");
  try {
    return await listWhole(root, query);
  } finally {
    progress.clear();
  }
}

function selectItems(archive: Archive, opts: ListQuery): ListItem[] {
  return selectFiles(archive, opts).map((f) => toListItem(archive, f));
}

/** Tags, ranges and everything come from the lean index (loaded only for them: --date reads one folder). */
async function listWhole(root: string, opts: ListQuery): Promise<ListItem[]> {
  const { listFromIndex } = await import("./from-index.js");
  return listFromIndex(root, { tags: opts.tag ?? [], from: opts.from, to: opts.to, allVersions: opts.allVersions });
}

export function selectFiles(archive: Archive, opts: ListQuery): EventFile[] {
  const from = opts.date ?? opts.from;
  const to = opts.date ?? opts.to;
  const tags = (opts.tag ?? []).map((t) => t.trim().toLowerCase());
  const picked: { file: EventFile; date: string; order: number; version: number }[] = [];
  for (const event of archive.events) {
    const lowered = tags.length ? new Set(event.contexts.map((c) => c.toLowerCase())) : null;
    if (lowered && !tags.every((t) => lowered.has(t))) continue;
    const currentDate = formatIsoDate(event.current.info);
    // Superseded versions sit beside their current version, oldest first.
    const order = dayOrder(archive, currentDate, event.current.path);
    const files = opts.allVersions ? event.versions : [event.current];
    files.forEach((file, version) => {
      if (!file.title) return;
      const date = formatIsoDate(file.info);
      if ((from && date < from) || (to && date > to)) return;
      picked.push({ file, date, order, version });
    });
  }
  picked.sort(
    (a, b) =>
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      a.order - b.order ||
      (a.order === Number.MAX_SAFE_INTEGER && a.file !== b.file ? comparePaths(a, b) : 0) ||
      a.version - b.version,
  );
  return picked.map((p) => p.file);
}

function comparePaths(a: { file: EventFile }, b: { file: EventFile }): number {
  const pa = a.file.path;
  const pb = b.file.path;
  return pa < pb ? -1 : pa > pb ? 1 : 0;
}

function dayOrder(archive: Archive, date: string, path: string): number {
  const entries = archive.days.get(date)?.page?.entries;
  if (!entries) return Number.MAX_SAFE_INTEGER;
  const i = entries.findIndex((e) => e.target.kind === "internal" && e.target.path === path);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}

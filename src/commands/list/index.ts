// newsctl list: events by day, range or tag, as text or JSON.

import { readDays } from "../../archive/read/read-files.js";
import { formatIsoDate, parseIsoDate } from "../../archive/format/paths.js";
import type { Archive, EventFile } from "../../archive/types.js";
import { openArchiveRoot } from "../../cli/archive-root.js";
import { colorsFor, type Context } from "../../cli/context.js";
import { startProgress } from "../../cli/progress.js";
import { EXIT, UsageError } from "../../errors.js";
import { toListItem, type ListItem } from "./item.js";

export interface ListOptions {
  date?: string;
  from?: string;
  to?: string;
  tag?: string[];
  allVersions?: boolean;
  format: "text" | "json";
  archive?: string;
}

export async function runList(ctx: Context, opts: ListOptions): Promise<number> {
  if (opts.date && (opts.from || opts.to)) throw new UsageError("--date cannot be combined with --from/--to");
  if (opts.from && opts.to && opts.from > opts.to) throw new UsageError(`--from ${opts.from} is after --to ${opts.to}`);
  const root = await openArchiveRoot(ctx, opts.archive);
  const items = opts.date ? selectItems(readDays(root, [parseIsoDate(opts.date)!]), opts) : await withProgress(ctx, () => listWhole(root, opts));
  if (opts.format === "json") ctx.stdout.write(JSON.stringify(items, null, 2) + "\n");
  else writeText(ctx, items);
  return EXIT.ok;
}

/** A read of more than one day can take seconds on a large archive: validate's progress line, at a terminal only. */
async function withProgress<T>(ctx: Context, read: () => Promise<T>): Promise<T> {
  const progress = startProgress(ctx);
  progress.show("newsctl: reading the archive…");
  try {
    return await read();
  } finally {
    progress.clear();
  }
}

function selectItems(archive: Archive, opts: ListOptions): ListItem[] {
  return selectFiles(archive, opts).map((f) => toListItem(archive, f));
}

/** Tags, ranges and everything come from the lean index (loaded only for them: --date reads one folder). */
async function listWhole(root: string, opts: ListOptions): Promise<ListItem[]> {
  const { listFromIndex } = await import("./from-index.js");
  return listFromIndex(root, { tags: opts.tag ?? [], from: opts.from, to: opts.to, allVersions: opts.allVersions });
}

export function selectFiles(archive: Archive, opts: Pick<ListOptions, "date" | "from" | "to" | "tag" | "allVersions">): EventFile[] {
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

function writeText(ctx: Context, items: ListItem[]): void {
  const c = colorsFor(ctx, ctx.stdout);
  if (items.length === 0) {
    ctx.stderr.write("newsctl: no events match\n");
    return;
  }
  let out = "";
  for (const item of items) {
    const tags = item.contexts.length ? "  " + c.dim(`[${item.contexts.join(", ")}]`) : "";
    const superseded = item.current ? "" : "  " + c.yellow("(superseded)");
    out += `${c.cyan(item.date)}  ${item.title}${superseded}${tags}\n`;
  }
  ctx.stdout.write(out);
}

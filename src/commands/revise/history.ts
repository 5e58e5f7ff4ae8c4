// newsctl history: an event's versions, oldest first, as its current
// version's Changes list records them.

import { recordedTime } from "../../archive/revision.js";
import type { Archive, ChangeKind, Event } from "../../archive/types.js";
import { linkTitle } from "../../archive/format/write.js";
import { openArchiveRoot } from "../../cli/archive-root.js";
import { colorsFor, type Context } from "../../cli/context.js";
import { EXIT } from "../../errors.js";
import { loadEvent } from "./load.js";

export interface HistoryOptions {
  event: string;
  format: "text" | "json";
  archive?: string;
}

export interface HistoryItem {
  path: string;
  title: string;
  /** "YYYY-MM-DD HH:MM:SS" UTC, or null when the archive does not say. */
  recorded: string | null;
  kind: ChangeKind;
  exists: boolean;
}

export async function runHistory(ctx: Context, opts: HistoryOptions): Promise<number> {
  const root = await openArchiveRoot(ctx, opts.archive);
  const { archive, event } = loadEvent(root, opts.event, ctx.cwd);
  const items = historyOf(archive, event);
  if (opts.format === "json") ctx.stdout.write(JSON.stringify(items, null, 2) + "\n");
  else ctx.stdout.write(formatHistory(items, colorsFor(ctx, ctx.stdout)));
  return EXIT.ok;
}

export function historyOf(archive: Archive, event: Event): HistoryItem[] {
  const { current } = event;
  const items: HistoryItem[] = [];
  for (const c of current.changes) {
    const path = c.target.kind === "internal" ? c.target.path : c.dest;
    const file = archive.files.get(path);
    const version = file?.kind === "event" ? file : null;
    // The current item carries no timestamp: its own front matter may say when it was recorded.
    const recorded = c.timestamp ? normalise(c.timestamp) : version ? recordedTime(version) : null;
    items.push({ path, title: version?.title ? version.title.text.trim() : linkTitle(c), recorded, kind: c.kind, exists: version !== null });
  }
  if (!items.some((i) => i.path === current.path)) {
    items.push({ path: current.path, title: current.title!.text.trim(), recorded: recordedTime(current), kind: "current", exists: true });
  }
  return items;
}

function normalise(timestamp: string): string {
  const t = timestamp.replace("T", " ");
  return t.length === 16 ? t + ":00" : t;
}

const LABEL: Record<ChangeKind, string> = { first: "first version", update: "update", current: "current", unknown: "unmarked" };

export function formatHistory(items: HistoryItem[], c: { dim(s: string): string; cyan(s: string): string; yellow(s: string): string }): string {
  let out = "";
  for (const item of items) {
    const when = item.recorded ?? "(not recorded)     ";
    const missing = item.exists ? "" : "  " + c.yellow("(file missing)");
    out += `${c.cyan(when)}  ${LABEL[item.kind].padEnd(13)}  ${item.title}${missing}\n    ${c.dim(item.path)}\n`;
  }
  return out;
}

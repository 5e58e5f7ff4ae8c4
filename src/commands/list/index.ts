// newsctl list: events by day, range or tag, as text or JSON.

import { listIn } from "../../api/list.js";
import { openIn } from "../../api/open.js";
import { colorsFor, type Context } from "../../cli/context.js";
import { startProgress } from "../../cli/progress.js";
import { EXIT, UsageError } from "../../errors.js";
import type { ListItem } from "./item.js";

// Where it lives now; tests compare the lean index with it.
export { selectFiles } from "./select.js";

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
  const archive = await openIn(ctx, opts.archive);
  const items = await listIn(archive, opts, startProgress(ctx));
  if (opts.format === "json") ctx.stdout.write(JSON.stringify(items, null, 2) + "\n");
  else writeText(ctx, items);
  return EXIT.ok;
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

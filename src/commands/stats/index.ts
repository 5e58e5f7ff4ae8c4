// newsctl stats: the shape of the archive. Bars and a sparkline at a
// terminal (uncoloured with NO_COLOR), plain numbers in a pipe, or JSON.

import { openArchiveRoot } from "../../cli/archive-root.js";
import { colorsFor, type Context } from "../../cli/context.js";
import { EXIT, UsageError } from "../../errors.js";
import { readStats } from "./collect.js";
import { formatStats } from "./format.js";

export interface StatsOptions {
  year?: number;
  top: number;
  format: "text" | "json";
  archive?: string;
}

/** Wider bars do not read better. */
const MAX_WIDTH = 100;

export async function runStats(ctx: Context, opts: StatsOptions): Promise<number> {
  if (opts.year !== undefined && opts.year > 9999) throw new UsageError(`--year ${opts.year}: a year has four digits`);
  const root = await openArchiveRoot(ctx, opts.archive);
  const stats = readStats(root, { year: opts.year, top: opts.top });
  if (opts.format === "json") {
    ctx.stdout.write(JSON.stringify(stats, null, 2) + "\n");
    return EXIT.ok;
  }
  const terminal = Boolean(ctx.stdout.isTTY);
  const width = Math.min(MAX_WIDTH, terminal && ctx.stdout.columns ? ctx.stdout.columns : 80);
  ctx.stdout.write(formatStats(stats, { width, bars: terminal, c: colorsFor(ctx, ctx.stdout) }));
  return EXIT.ok;
}

// newsctl tags: every context tag with its count of current events, or
// (--similar) the likely duplicates grouped, with the spelling that wins.

import { openArchiveRoot } from "../../cli/archive-root.js";
import { colorsFor, type Context } from "../../cli/context.js";
import { EXIT } from "../../errors.js";
import { countTags, readTagSets } from "./count.js";
import { formatCounts, formatGroups } from "./format.js";
import { similarGroups } from "./similar.js";

export interface TagsOptions {
  sort: "count" | "name";
  similar?: boolean;
  format: "text" | "json";
  archive?: string;
}

export async function runTags(ctx: Context, opts: TagsOptions): Promise<number> {
  const root = await openArchiveRoot(ctx, opts.archive);
  const sets = readTagSets(root);
  const counts = countTags(sets, opts.sort);
  const c = colorsFor(ctx, ctx.stdout);
  if (!opts.similar) {
    if (opts.format === "json") ctx.stdout.write(JSON.stringify(counts, null, 2) + "\n");
    else if (counts.length === 0) ctx.stderr.write("newsctl: no event has a context tag\n");
    else ctx.stdout.write(formatCounts(counts, c));
    return EXIT.ok;
  }
  // Groups are found on count order (the winner is the most used), then shown in the order asked for.
  const groups = similarGroups(opts.sort === "name" ? countTags(sets) : counts, sets);
  if (opts.sort === "name") {
    const rank = new Map(counts.map((t, i) => [t.tag, i]));
    groups.sort((a, b) => rank.get(a.winner)! - rank.get(b.winner)!);
  }
  if (opts.format === "json") ctx.stdout.write(JSON.stringify(groups, null, 2) + "\n");
  else if (groups.length === 0) ctx.stderr.write("newsctl: no similar tags\n");
  else ctx.stdout.write(formatGroups(groups, c));
  return EXIT.ok;
}

// newsctl tags rename OLD NEW and tags merge A B… INTO C: one rename across
// the current versions, in one transaction under the archive lock.

import { hasStateDir, withLock } from "../../archive/write/lock.js";
import { readArchive } from "../../archive/read/read-archive.js";
import { planRetag, RetagRefused, type RetagPlan } from "../../archive/retag.js";
import { commitWrites } from "../../archive/write/transaction.js";
import { openArchiveRoot } from "../../cli/archive-root.js";
import { colorsFor, isInteractive, prompterFor, type Context } from "../../cli/context.js";
import { unifiedDiff } from "../../cli/diff.js";
import { CancelledError, EXIT, FailureError, UsageError } from "../../errors.js";
import { colorDiff } from "../revise/output.js";
import { checkInUse, checkNewTag, oldNames } from "./check.js";

export interface RetagOptions {
  from: string[];
  to: string;
  yes?: boolean;
  dryRun?: boolean;
  format: "text" | "json";
  archive?: string;
}

export async function runRetag(ctx: Context, opts: RetagOptions): Promise<number> {
  const to = checkNewTag(opts.to);
  const from = oldNames(opts.from, to);
  const interactive = isInteractive(ctx) && !opts.yes;
  if (!interactive && !opts.yes && !opts.dryRun) {
    throw new UsageError("tags rename and merge ask before they write, and this is not a terminal: pass --yes to write, or --dry-run to see the change");
  }
  const root = await openArchiveRoot(ctx, opts.archive, { write: !opts.dryRun });
  if (opts.dryRun) {
    report(ctx, planFor(root, from, to), opts, true);
    return EXIT.ok;
  }
  if (interactive) return retagInteractively(ctx, root, from, to, opts);
  // Refused before taking the lock would create .newsctl/ (a refused run creates nothing);
  // then read again inside it, so a concurrent writer is never overwritten.
  if (!hasStateDir(root)) planFor(root, from, to);
  const plan = await withLock(root, () => write(ctx, root, planFor(root, from, to)), ctx.hooks);
  report(ctx, plan, opts, false);
  return EXIT.ok;
}

function planFor(root: string, from: string[], to: string): RetagPlan {
  const archive = readArchive(root);
  checkInUse(archive, from);
  try {
    return planRetag(archive, from, to);
  } catch (error) {
    if (!(error instanceof RetagRefused)) throw error;
    throw new UsageError(`${error.path}:${error.line}: "${to}" would not read back as written in this file; nothing was written`);
  }
}

/** commitWrites refuses read-only files and links before anything is written. */
function write(ctx: Context, root: string, plan: RetagPlan): RetagPlan {
  commitWrites(root, plan.writes, ctx.hooks);
  return plan;
}

async function retagInteractively(ctx: Context, root: string, from: string[], to: string, opts: RetagOptions): Promise<number> {
  const plan = planFor(root, from, to);
  const out = opts.format === "json" ? ctx.stderr : ctx.stdout;
  out.write(colorDiff(formatDiff(plan), colorsFor(ctx, out)));
  const prompter = await prompterFor(ctx);
  const n = plan.writes.length;
  if (!(await prompter.confirm({ message: `Write these ${n} file${n === 1 ? "" : "s"}?`, default: true }))) throw new CancelledError();
  const done = await withLock(root, () => {
    const again = planFor(root, from, to);
    if (!samePlan(plan, again)) {
      throw new FailureError("the archive changed while you were answering (another newsctl wrote to these files); nothing was written; run the command again");
    }
    return write(ctx, root, again);
  }, ctx.hooks);
  report(ctx, done, opts, false);
  return EXIT.ok;
}

function samePlan(a: RetagPlan, b: RetagPlan): boolean {
  if (a.writes.length !== b.writes.length) return false;
  return a.writes.every((w, i) => w.path === b.writes[i]!.path && w.content === b.writes[i]!.content && a.before.get(w.path) === b.before.get(w.path));
}

export function formatDiff(plan: RetagPlan): string {
  return plan.writes.map((w) => unifiedDiff(w.path, plan.before.get(w.path) ?? null, w.content)).join("");
}

function report(ctx: Context, plan: RetagPlan, opts: RetagOptions, dryRun: boolean): void {
  const files = plan.writes.map((w) => w.path);
  if (opts.format === "json") {
    const result = { from: plan.from, to: plan.to, events: plan.events, files, dryRun, ...(dryRun ? { diff: formatDiff(plan) } : {}) };
    ctx.stdout.write(JSON.stringify(result, null, 2) + "\n");
  } else if (dryRun) {
    ctx.stdout.write(colorDiff(formatDiff(plan), colorsFor(ctx, ctx.stdout)));
  } else {
    ctx.stdout.write(files.map((f) => f + "\n").join(""));
  }
  const names = plan.from.map((t) => JSON.stringify(t)).join(", ");
  const verb = dryRun ? "would rename" : "renamed";
  ctx.stderr.write(`newsctl: ${verb} ${names} to ${JSON.stringify(plan.to)}: ${plan.events} event${plan.events === 1 ? "" : "s"}, ${files.length} file${files.length === 1 ? "" : "s"}\n`);
}

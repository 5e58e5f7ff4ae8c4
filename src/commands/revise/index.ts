// newsctl revise: record a new version of an event and keep every link to
// it valid, all in one transaction under the archive lock.

import { hasStateDir, withLock } from "../../archive/write/lock.js";
import { changedFields, currentValues, planRevision, type RevisionPlan, type RevisionRequest } from "../../archive/revision.js";
import { readTagVocabulary } from "../../archive/read/tag-scan.js";
import { spellTags, type TagUse } from "../../archive/tags.js";
import type { Event } from "../../archive/types.js";
import { commitWrites } from "../../archive/write/transaction.js";
import { checkWritePaths } from "../../archive/write/writable.js";
import { openArchiveRoot } from "../../cli/archive-root.js";
import { colorsFor, isInteractive, prompterFor, type Context } from "../../cli/context.js";
import { editorName } from "../../cli/summary-prompt.js";
import { DECLINED, EXIT, FailureError, UsageError } from "../../errors.js";
import { loadEvent, loadForRevision, type Loaded } from "./load.js";
import { colorDiff, formatPlanDiff, formatSummary, formatWarnings, toResult } from "./output.js";
import { hasChangeFlags, promptRequest, requestFromFlags, type ReviseFlags } from "./request.js";

export interface ReviseOptions extends ReviseFlags {
  event: string;
  yes?: boolean;
  dryRun?: boolean;
  format: "text" | "json";
  archive?: string;
}

const NO_CHANGE = "nothing to change: give --title, --summary, --source, --add-source, --remove-source or --tag";

export async function runRevise(ctx: Context, opts: ReviseOptions): Promise<number> {
  const interactive = isInteractive(ctx) && !opts.yes;
  if (!interactive && !opts.yes && !opts.dryRun) {
    throw new UsageError("revise asks before it writes, and this is not a terminal: pass --yes to write, or --dry-run to see the change");
  }
  if (!interactive && !hasChangeFlags(opts)) throw new UsageError(NO_CHANGE);
  const root = await openArchiveRoot(ctx, opts.archive, { write: !opts.dryRun });
  const now = ctx.now();
  if (interactive) return reviseInteractively(ctx, root, opts, now);
  if (opts.dryRun) {
    report(ctx, planFromFlags(root, ctx, opts, now), opts, true);
    return EXIT.ok;
  }
  // Refused before taking the lock would create .newsctl/, so a refused run creates nothing;
  // then read again inside it, so a concurrent revise is never overwritten.
  if (!hasStateDir(root)) refuseEarly(root, ctx, opts);
  const plan = await withLock(
    root,
    () => {
      const planned = planFromFlags(root, ctx, opts, now);
      commitWrites(root, planned.writes, ctx.hooks);
      return planned;
    },
    ctx.hooks,
  );
  report(ctx, plan, opts, false);
  return EXIT.ok;
}

function planFromFlags(root: string, ctx: Context, opts: ReviseOptions, now: Date): RevisionPlan {
  const loaded = loadRevisable(root, ctx, opts.event, opts.tag);
  return planChecked(loaded, spellRequest(requestFromFlags(loaded.event, opts), loaded.event, loaded.vocabulary), now);
}

/** The request's tags spelled as the archive spells them; the event's own spellings stay. */
function spellRequest(request: RevisionRequest, event: Event, vocabulary: TagUse[]): RevisionRequest {
  return request.tags ? { ...request, tags: spellTags(request.tags, vocabulary, currentValues(event).tags ?? []) } : request;
}

function planChecked({ archive, event }: Loaded, request: RevisionRequest, now: Date): RevisionPlan {
  refuseUnchanged(event, request);
  const plan = planRevision(archive, event, request, now);
  // A dry run shows only what a real run could write: never through a link.
  checkWritePaths(archive.root, plan.writes.map((w) => w.path));
  return plan;
}

function refuseUnchanged(event: Event, request: RevisionRequest): void {
  if (changedFields(event, request).length === 0) throw new UsageError(`${NO_CHANGE} (the values given are the current ones)`);
}

/** What refuses a revision from flags needs only the event's own files: cheap enough to check before the lock. */
function refuseEarly(root: string, ctx: Context, opts: ReviseOptions): void {
  const { event } = refuseUneditable(loadEvent(root, opts.event, ctx.cwd));
  refuseUnchanged(event, requestFromFlags(event, opts));
}

/** The event and what it touches, when every version of it can be edited line by line. */
function loadRevisable(root: string, ctx: Context, arg: string, tags: string[] = []): Loaded & { vocabulary: TagUse[] } {
  return refuseUneditable(loadForRevision(root, arg, ctx.cwd, tags));
}

function refuseUneditable<T extends Loaded>(loaded: T): T {
  for (const v of loaded.event.versions) {
    const bad = v.notes.find((n) => n.severity === "error");
    if (bad) throw new UsageError(`${v.path}:${bad.line}: ${bad.message}; fix it before revising this event`);
  }
  // A version that cannot be read may be the current one: revising the one read in its place would fork the event.
  const [unreadable] = loaded.event.unreadable;
  if (unreadable) {
    const file = loaded.archive.files.get(unreadable);
    const why = file?.notes.find((n) => n.severity === "error")?.message ?? "cannot be read";
    throw new UsageError(`${unreadable}: ${why}; this event's Changes list names it, so fix it before revising the event`);
  }
  return loaded;
}

/**
 * Prompts and the preview run without the lock; the write re-plans inside it
 * and refuses if anything moved. Also add's "Revise that event instead".
 */
export async function reviseInteractively(ctx: Context, root: string, opts: ReviseOptions, now: Date): Promise<number> {
  const loaded = loadRevisable(root, ctx, opts.event);
  const prompter = await prompterFor(ctx);
  const out = opts.format === "json" ? ctx.stderr : ctx.stdout;
  const io = { say: (text: string) => out.write(text + "\n"), editor: editorName(ctx.env) };
  const answered = await promptRequest(prompter, requestFromFlags(loaded.event, opts), loaded.event, io);
  const request = spellRequest(answered, loaded.event, answered.tags ? readTagVocabulary(root, answered.tags) : []);
  if (changedFields(loaded.event, request).length === 0) {
    ctx.stderr.write("newsctl: nothing changed; nothing was written\n");
    return EXIT.ok;
  }
  const plan = planChecked(loaded, request, now);
  const preview = colorDiff(formatPlanDiff(plan), colorsFor(ctx, opts.format === "json" ? ctx.stderr : ctx.stdout));
  (opts.format === "json" ? ctx.stderr : ctx.stdout).write(preview);
  if (opts.dryRun) {
    report(ctx, plan, opts, true, false);
    return EXIT.ok;
  }
  if (!(await prompter.confirm({ message: `Write these ${plan.writes.length} files?`, default: true }))) {
    ctx.stderr.write(`newsctl: ${DECLINED}\n`);
    return EXIT.ok;
  }
  const done = await withLock(
    root,
    () => {
      const replanned = planChecked(loadRevisable(root, ctx, opts.event), request, now);
      if (!samePlan(plan, replanned)) {
        throw new FailureError("the archive changed while you were answering (another newsctl wrote to these files); nothing was written; run revise again");
      }
      commitWrites(root, replanned.writes, ctx.hooks);
      return replanned;
    },
    ctx.hooks,
  );
  report(ctx, done, opts, false);
  return EXIT.ok;
}

function samePlan(a: RevisionPlan, b: RevisionPlan): boolean {
  if (a.writes.length !== b.writes.length) return false;
  return a.writes.every((w, i) => w.path === b.writes[i]!.path && w.content === b.writes[i]!.content && a.before.get(w.path) === b.before.get(w.path));
}

function report(ctx: Context, plan: RevisionPlan, opts: ReviseOptions, dryRun: boolean, printDiff = true): void {
  ctx.stderr.write(formatWarnings(plan));
  if (opts.format === "json") {
    ctx.stdout.write(JSON.stringify(toResult(plan, dryRun), null, 2) + "\n");
    return;
  }
  if (dryRun && printDiff) ctx.stdout.write(colorDiff(formatPlanDiff(plan), colorsFor(ctx, ctx.stdout)));
  if (!dryRun) ctx.stdout.write(plan.path + "\n");
  ctx.stderr.write(formatSummary(plan, dryRun));
}

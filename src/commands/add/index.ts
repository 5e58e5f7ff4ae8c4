// newsctl add: a new event from prompts (on a terminal) or flags (--yes),
// written with its day page, and backlinks if asked, in one transaction.

import { argLabel, findEvent } from "../../archive/find-event.js";
import { withLock } from "../../archive/write/lock.js";
import { readTagVocabulary } from "../../archive/read/tag-scan.js";
import { spellTags, type TagUse } from "../../archive/tags.js";
import { commitWrites } from "../../archive/write/transaction.js";
import { formatTimestamp } from "../../archive/format/write.js";
import { openArchiveRoot } from "../../cli/archive-root.js";
import { colorsFor, isInteractive, prompterFor, type Context } from "../../cli/context.js";
import { editorName } from "../../cli/summary-prompt.js";
import { DECLINED, EXIT, UsageError } from "../../errors.js";
import { completeDraft, draftFromFlags, missingFields, type AddOptions, type Draft, type PartialDraft } from "./draft.js";
import { promptEntry } from "./interactive.js";
import { formatDryRunNote, formatPreview, formatResult } from "./output.js";
import { planAdd, type AddPlan } from "./plan.js";
import { readCatalogue } from "./catalogue.js";
import { similarTitles, suggestRelated, type Catalogue } from "./suggest.js";

export async function runAdd(ctx: Context, opts: AddOptions): Promise<number> {
  const given = draftFromFlags(opts);
  const interactive = !opts.yes && isInteractive(ctx);
  if (!interactive) refuseIncomplete(opts, given);
  const root = await openArchiveRoot(ctx, opts.archive, { allowNew: true, write: !opts.dryRun });
  const collected = await collectDraft(ctx, opts, root, given, interactive);
  if ("revise" in collected) return reviseInstead(ctx, root, opts, given, collected);
  const draft = collected;
  if (draft.backlink && draft.related.length === 0) ctx.stderr.write("newsctl: warning: --backlink: no related event to list this event in, so no backlink\n");
  const recorded = formatTimestamp(ctx.now());
  if (opts.dryRun) {
    const plan = planAdd(root, draft, recorded);
    if (!interactive) warnOfTwin(ctx, plan, draft, true);
    ctx.stdout.write(formatResult(root, plan, opts.format, true));
    ctx.stderr.write(formatDryRunNote(plan));
    return EXIT.ok;
  }
  // Planned once before the lock (the preview, or only its refusals), so a refused run creates nothing;
  // then again under the lock: the slug, day page and backlinked files as they are now.
  if (interactive && !(await confirmWrite(ctx, root, draft, recorded))) {
    ctx.stderr.write(`newsctl: ${DECLINED}\n`);
    return EXIT.ok;
  }
  if (!interactive) planAdd(root, draft, recorded);
  const plan = await withLock(
    root,
    () => {
      const fresh = planAdd(root, draft, recorded);
      commitWrites(root, fresh.writes, ctx.hooks);
      return fresh;
    },
    ctx.hooks,
  );
  if (!interactive) warnOfTwin(ctx, plan, draft, false);
  ctx.stdout.write(formatResult(root, plan, opts.format, false));
  return EXIT.ok;
}

/** The flags, completed by the prompts on a terminal; or the event the user chose to revise instead. */
async function collectDraft(ctx: Context, opts: AddOptions, root: string, given: PartialDraft, interactive: boolean): Promise<Draft | { revise: string; title: string }> {
  given.related = (opts.related ?? []).map((arg) => findEvent(root, arg, { cwd: ctx.cwd, label: `--related ${argLabel(arg)}` }).event.current.path);
  // The whole archive is read only for what needs it: suggestions and tag search.
  if (interactive) ctx.stderr.write(colorsFor(ctx, ctx.stderr).dim("Reading the archive for tag and related-event suggestions…") + "\n");
  const catalogue = interactive || opts.suggestRelated ? readCatalogue(root) : null;
  // Without the index, only the files naming the given tags are parsed.
  const vocabulary: TagUse[] = catalogue ? catalogue.vocabulary : given.tags?.length ? readTagVocabulary(root, given.tags) : [];
  if (given.tags) given.tags = spellTags(given.tags, vocabulary);
  const relatedGiven = opts.related !== undefined || opts.suggestRelated !== undefined;
  const relatedFor = relatedGiven ? pickRelated(ctx, catalogue, given, opts.suggestRelated ?? 0) : null;
  if (!interactive) {
    const draft = completeDraft(given, ctx.now());
    if (relatedFor) draft.related = relatedFor(draft.tags, draft.date);
    return draft;
  }
  const say = (text: string) => ctx.stdout.write(text + "\n");
  const entry = await promptEntry({ prompter: await prompterFor(ctx), say, root, archive: catalogue!, vocabulary, editor: editorName(ctx.env), now: ctx.now(), relatedFor }, given);
  if (entry.kind === "draft") return entry.draft;
  return { revise: entry.path, title: entry.title };
}

/**
 * "Revise that event instead": revise's own prompts, filled in with what was
 * typed (the title) and what the flags gave (summary, sources, tags), then
 * its preview and confirmation. What only a new event has is dropped, and said.
 */
async function reviseInstead(ctx: Context, root: string, opts: AddOptions, given: PartialDraft, { revise: path, title }: { revise: string; title: string }): Promise<number> {
  const dropped = [opts.cover !== undefined && "--cover", opts.related?.length && "--related", opts.suggestRelated !== undefined && "--suggest-related", opts.backlink && "--backlink"].filter(Boolean);
  const out = opts.format === "json" ? ctx.stderr : ctx.stdout;
  out.write(`Revising ${path} instead, starting from what you typed.\n`);
  if (dropped.length > 0) ctx.stderr.write(`newsctl: ${dropped.join(", ")} ${dropped.length === 1 ? "does" : "do"} not apply to a revision: left out\n`);
  const { reviseInteractively } = await import("../revise/index.js");
  // The tags as add spelled them (src/archive/tags.ts): what the tag prompt shows is what is written.
  const flags = { title, summary: opts.summary, source: opts.source, tag: given.tags };
  return reviseInteractively(ctx, root, { event: path, ...flags, dryRun: opts.dryRun, format: opts.format }, ctx.now());
}

/** Without prompts every required field must come from a flag; never wait on stdin. */
function refuseIncomplete(opts: AddOptions, given: PartialDraft): void {
  if (opts.backlink && !opts.related?.length && opts.suggestRelated === undefined) {
    throw new UsageError("--backlink needs a related event to list this event in: give --related or --suggest-related");
  }
  const missing = missingFields(given);
  if (opts.yes || opts.dryRun) {
    if (missing.length > 0) throw new UsageError(`missing ${missing.join(", ")}: required when adding without prompts`);
    return;
  }
  throw new UsageError(
    missing.length > 0
      ? `no terminal to prompt on: missing ${missing.join(", ")}; give every field as a flag and pass --yes`
      : "no terminal to confirm on: pass --yes to add without prompts",
  );
}

/** --related as given, then the --suggest-related best suggestions not already among them. */
function pickRelated(ctx: Context, archive: Catalogue | null, given: PartialDraft, count: number) {
  return (tags: string[], date: string): string[] => {
    const chosen = [...new Set(given.related ?? [])];
    if (count === 0 || !archive) return chosen;
    const best = suggestRelated(archive, tags, date, new Set(chosen)).slice(0, count);
    if (best.length < count) {
      const why = tags.length ? "events sharing a context tag" : "suggestions without context tags";
      ctx.stderr.write(`newsctl: --suggest-related ${count}: only ${best.length} ${why}\n`);
    }
    return [...chosen, ...best.map((s) => s.file.path)];
  };
}

/** The preview, then the question; false when the answer is no. */
async function confirmWrite(ctx: Context, root: string, draft: Draft, recorded: string): Promise<boolean> {
  const preview = planAdd(root, draft, recorded);
  ctx.stdout.write(formatPreview(preview, colorsFor(ctx, ctx.stdout)));
  const prompter = await prompterFor(ctx);
  return prompter.confirm({ message: "Write these files?", default: true });
}

function warnOfTwin(ctx: Context, plan: AddPlan, draft: Draft, dryRun: boolean): void {
  const twin = similarTitles(plan.day, draft.title).find((f) => f.path !== plan.path);
  if (twin) {
    const what = dryRun ? "it would be added as a separate event" : "added as a separate event";
    ctx.stderr.write(`newsctl: warning: ${twin.path} has a near-identical title on ${draft.date}; ${what} (to change that one instead: newsctl revise ${twin.path})\n`);
  }
}

// newsctl add: a new event from prompts (on a terminal) or flags (--yes),
// written with its day page, and backlinks if asked, in one transaction.

import { withLock } from "../../archive/lock.js";
import { commitWrites } from "../../archive/transaction.js";
import { formatTimestamp } from "../../archive/write.js";
import { openArchiveRoot } from "../../cli/archive-root.js";
import { colorsFor, isInteractive, prompterFor, type Context } from "../../cli/context.js";
import { CancelledError, EXIT, UsageError } from "../../errors.js";
import { completeDraft, draftFromFlags, missingFields, type AddOptions, type Draft, type PartialDraft } from "./draft.js";
import { promptEntry } from "./interactive.js";
import { resolveRelated } from "./lookup.js";
import { formatDryRunNote, formatPreview, formatResult } from "./output.js";
import { planAdd, type AddPlan } from "./plan.js";
import { spellLike } from "./checks.js";
import { readCatalogue } from "./catalogue.js";
import { archiveTags, similarTitles, suggestRelated, type Catalogue } from "./suggest.js";

export async function runAdd(ctx: Context, opts: AddOptions): Promise<number> {
  const given = draftFromFlags(opts);
  const interactive = !opts.yes && isInteractive(ctx);
  if (!interactive) refuseIncomplete(opts, given);
  const root = await openArchiveRoot(ctx, opts.archive, { allowNew: true });
  const draft = await collectDraft(ctx, opts, root, given, interactive);
  if (!draft) return EXIT.ok;
  const recorded = formatTimestamp(ctx.now());
  if (opts.dryRun) {
    const plan = planAdd(root, draft, recorded);
    if (!interactive) warnOfTwin(ctx, plan, draft);
    ctx.stdout.write(formatResult(root, plan, opts.format, true));
    ctx.stderr.write(formatDryRunNote(plan));
    return EXIT.ok;
  }
  if (interactive) await confirmWrite(ctx, root, draft, recorded);
  // Planned again under the lock: the slug, day page and backlinked files as they are now.
  const plan = await withLock(root, () => {
    const fresh = planAdd(root, draft, recorded);
    commitWrites(root, fresh.writes);
    return fresh;
  });
  if (!interactive) warnOfTwin(ctx, plan, draft);
  ctx.stdout.write(formatResult(root, plan, opts.format, false));
  return EXIT.ok;
}

/** The flags, completed by the prompts on a terminal; null when the user chose to revise instead. */
async function collectDraft(ctx: Context, opts: AddOptions, root: string, given: PartialDraft, interactive: boolean): Promise<Draft | null> {
  given.related = (opts.related ?? []).map((path) => resolveRelated(root, ctx.cwd, path).path);
  // The whole archive is read only for what needs it: suggestions and tag search.
  if (interactive) ctx.stderr.write(colorsFor(ctx, ctx.stderr).dim("Reading the archive for tag and related-event suggestions…") + "\n");
  const archive = interactive || opts.suggestRelated ? readCatalogue(root) : null;
  if (archive && given.tags) given.tags = spellLike(given.tags, archiveTags(archive).map((t) => t.tag));
  const relatedGiven = opts.related !== undefined || opts.suggestRelated !== undefined;
  const relatedFor = relatedGiven ? pickRelated(ctx, archive, given, opts.suggestRelated ?? 0) : null;
  if (!interactive) {
    const draft = completeDraft(given, ctx.now());
    if (relatedFor) draft.related = relatedFor(draft.tags, draft.date);
    return draft;
  }
  const say = (text: string) => ctx.stdout.write(text + "\n");
  const entry = await promptEntry({ prompter: await prompterFor(ctx), say, root, archive: archive!, now: ctx.now(), relatedFor }, given);
  if (entry.kind === "draft") return entry.draft;
  ctx.stderr.write(`newsctl: nothing was written; to revise that event run:\n  newsctl revise ${entry.path}\n`);
  return null;
}

/** Without prompts every required field must come from a flag; never wait on stdin. */
function refuseIncomplete(opts: AddOptions, given: PartialDraft): void {
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

async function confirmWrite(ctx: Context, root: string, draft: Draft, recorded: string): Promise<void> {
  const preview = planAdd(root, draft, recorded);
  ctx.stdout.write(formatPreview(preview, colorsFor(ctx, ctx.stdout)));
  const prompter = await prompterFor(ctx);
  if (!(await prompter.confirm({ message: "Write these files?", default: true }))) throw new CancelledError();
}

function warnOfTwin(ctx: Context, plan: AddPlan, draft: Draft): void {
  const twin = similarTitles(plan.day, draft.title).find((f) => f.path !== plan.path);
  if (twin) {
    ctx.stderr.write(`newsctl: warning: ${twin.path} has a near-identical title on ${draft.date}; added as a separate event (to change that one instead: newsctl revise ${twin.path})\n`);
  }
}

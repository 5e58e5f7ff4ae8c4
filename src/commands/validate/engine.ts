// validate's checks, shared by the command and the API: the whole archive
// on the lean index (reusing the last run's findings when nothing changed),
// a scope of paths, --changed-since, --online, and --fix under the lock.
// What is found comes back as data; reporting it is the caller's.

import { hasStateDir, withLock } from "../../archive/write/lock.js";
import { readArchive } from "../../archive/read/read-archive.js";
import { readCacheJson, writeCacheJson } from "../../archive/read/cache-file.js";
import { readIndex, type IndexRead } from "../../archive/read/read-index.js";
import { commitWrites } from "../../archive/write/transaction.js";
import type { Context } from "../../cli/context.js";
import type { Progress } from "../../cli/progress.js";
import { checkArchive, countEvents } from "./check.js";
import { checkArchiveIndex, indexFiles, reportTimings, timingsFor } from "./check-index.js";
import { countProblems, sortDiagnostics, type Counts, type Diagnostic } from "./diagnostics.js";
import { planFixes, type FixPlan } from "./fix.js";
import { loadFixTargets } from "./fix-items.js";
import type { OnlineOptions } from "./online/flags.js";
import type { OnlineCheck } from "./online/index.js";
import { resolveScope } from "./scope.js";
import { changedScope, checkChanged } from "./changed/index.js";
import { prepareChangedPaths } from "./changed/git.js";
import { applyConfig, applyConfigCounted, keyWithConfig } from "../../config/apply.js";
import type { Config } from "../../config/types.js";

/** What the checks take: validate's flags but its output format and archive. */
export interface CheckOptions extends OnlineOptions {
  paths?: string[];
  fix?: boolean;
  dryRun?: boolean;
  maxWarnings?: number;
  /** The configuration file maxWarnings came from when not from the flag, for the failure's reason. */
  maxWarningsFrom?: string;
  /** false with --no-cache: read every file, neither using nor refreshing .newsctl/cache. */
  cache?: boolean;
  /** A git ref: report only on what changed since it, and on its neighbours. */
  changedSince?: string;
  /** What git listed for --changed-since, once known (set here, not a flag). */
  changed?: string[];
  /** newsctl.config.json (or --config's file) as read: severities, ignored paths, suppression comments. */
  configured?: Config | null;
}

export interface Outcome {
  problems: Diagnostic[];
  counts: Counts;
  plan: FixPlan | null;
}

/** Every check the options ask for, on the archive at `root` (opened already, for writing when fixing). */
export async function runChecks(ctx: Context, root: string, opts: CheckOptions, progress: Progress): Promise<Outcome> {
  // An unknown ref fails here, before anything is read; git then lists the changes while the archive is scanned.
  const changes = opts.changedSince !== undefined ? prepareChangedPaths(ctx, root, opts.changedSince) : null;
  const online = opts.online ? (await import("./online/index.js")).createOnlineCheck(ctx, root, opts, progress) : null;
  if (changes && !opts.fix && !online) return { ...applyConfigCounted(await checkChanged(ctx, root, changes, opts.paths ?? [], progress), opts.configured ?? null, root), plan: null };
  // With --fix or --online the whole archive is read as always; git only decides the scope.
  const scoped = changes ? { ...opts, changed: await changes() } : opts;
  return opts.fix && !opts.dryRun ? fix(ctx, root, scoped, progress, online) : checkOnly(ctx, root, scoped, progress, online);
}

interface Checked {
  scope: Set<string> | null;
  problems: Diagnostic[];
  counts: Counts;
  /** --fix's repairs of these problems, planned on the files they touch. */
  plan(): FixPlan;
}

/**
 * Every rule, on the lean index; with --online (which needs every Source's
 * URL) or for --fix with --changed-since (whose scope follows links in the
 * files), on the full model, whose rules the index's equal finding for
 * finding. `known` is the scope of an earlier pass, so its notes are not
 * printed twice.
 */
async function check(ctx: Context, root: string, opts: CheckOptions, progress: Progress, online: OnlineCheck | null, known?: Set<string> | null, read?: IndexRead, timings = timingsFor(ctx)): Promise<Checked> {
  progress.show("newsctl: reading the archive…");
  if (online || opts.changed) return checkModel(ctx, root, opts, progress, online, known);
  // --no-cache reads every file; otherwise readIndex decides (by size).
  const index = (read ?? readIndex(root, { ...(opts.cache === false ? { cache: false } : {}), timings })).index!;
  const scope = known !== undefined ? known : resolveScope(ctx, root, { files: indexFiles(index) }, opts.paths ?? []);
  progress.show(`newsctl: checking ${index.fileCount} files…`);
  const checked = checkArchiveIndex(index, scope, timings);
  const problems = applyConfig(checked.problems, opts.configured ?? null, root);
  const { files, events, unreadable } = checked;
  reportTimings(ctx, timings);
  return { scope, problems, counts: countProblems(problems, files, events), plan: () => planFixes(loadFixTargets(root, problems), problems, unreadable) };
}

async function checkModel(ctx: Context, root: string, opts: CheckOptions, progress: Progress, online: OnlineCheck | null, known?: Set<string> | null): Promise<Checked> {
  const archive = readArchive(root, opts.cache === false ? { cache: false } : {});
  const paths = opts.paths ?? [];
  const { changed } = opts;
  const scope = known !== undefined ? known : changed ? changedScope(ctx, root, archive, changed, paths) : resolveScope(ctx, root, archive, paths);
  progress.show(`newsctl: checking ${archive.files.size} files…`);
  let problems = checkArchive(archive, scope);
  if (online) problems = sortDiagnostics([...problems, ...(await online.check(archive, scope))]);
  problems = applyConfig(problems, opts.configured ?? null, root);
  const counts = countProblems(problems, scope ? scope.size : archive.files.size, countEvents(archive, scope));
  return { scope, problems, counts, plan: () => planFixes(archive, problems) };
}

async function checkOnly(ctx: Context, root: string, opts: CheckOptions, progress: Progress, online: OnlineCheck | null): Promise<Outcome> {
  if (!online && !opts.changed && !opts.dryRun && !opts.paths?.length && opts.cache !== false) return checkWholeCached(ctx, root, opts, progress);
  const first = await check(ctx, root, opts, progress, online);
  const { problems, counts } = first;
  if (!opts.dryRun) return { problems, counts, plan: null };
  // A preview of --fix: the diffs, and the problems a real run would leave.
  const plan = first.plan();
  const fixed = new Set(plan.fixed);
  const created = new Set(plan.writes.filter((w) => w.before === null).map((w) => w.path));
  const left = problems.filter((d) => !fixed.has(d) && !(d.missing !== undefined && created.has(d.missing)));
  return { problems: left, counts: countProblems(left, counts.files, counts.events), plan };
}

const RESULT_NAME = "validate-result.json";

/** The whole archive, reusing the last run's findings when no file changed since (asked with the key the read itself produced). */
async function checkWholeCached(ctx: Context, root: string, opts: CheckOptions, progress: Progress): Promise<Outcome> {
  let hit: Pick<Outcome, "problems" | "counts"> | null = null;
  progress.show("newsctl: reading the archive…");
  const timings = timingsFor(ctx);
  const read = readIndex(root, {
    // The findings depend on the configuration too: its digest is part of the key.
    reuse: (key) => {
      hit = readCacheJson<Pick<Outcome, "problems" | "counts">>(root, RESULT_NAME, keyWithConfig(key, opts.configured ?? null));
      return hit !== null && Array.isArray(hit.problems) && hit.counts !== undefined;
    },
    timings,
  });
  if (hit && read.index === null) {
    reportTimings(ctx, timings);
    return { ...(hit as Pick<Outcome, "problems" | "counts">), plan: null };
  }
  const { problems, counts } = await check(ctx, root, opts, progress, null, undefined, read, timings);
  if (read.large && !read.recent) writeCacheJson(root, RESULT_NAME, keyWithConfig(read.key, opts.configured ?? null), { problems: problems.map(publicFields), counts });
  return { problems, counts, plan: null };
}

function publicFields({ file, line, column, severity, rule, message }: Diagnostic): Diagnostic {
  return { file, line, column, severity, rule, message };
}

/**
 * Planned without the lock first when taking it would create .newsctl/ (a
 * run with nothing to fix creates nothing) or when --online must ask the
 * network (a slow site never holds up other writers); otherwise read once,
 * inside the lock.
 */
async function fix(ctx: Context, root: string, opts: CheckOptions, progress: Progress, online: OnlineCheck | null): Promise<Outcome> {
  if (hasStateDir(root) && !online) return withLock(root, () => fixAndCheck(ctx, root, opts, progress, null), ctx.hooks);
  const first = await check(ctx, root, opts, progress, online);
  const plan = first.plan();
  if (plan.writes.length === 0) return { problems: first.problems, counts: first.counts, plan };
  return withLock(root, () => fixAndCheck(ctx, root, opts, progress, online, first.scope), ctx.hooks);
}

/** Inside the lock: read and plan again (another run may have written meanwhile), write, then check what is on disk now. */
async function fixAndCheck(ctx: Context, root: string, opts: CheckOptions, progress: Progress, online: OnlineCheck | null, known?: Set<string> | null): Promise<Outcome> {
  const first = await check(ctx, root, opts, progress, online, known);
  const plan = first.plan();
  if (plan.writes.length === 0) return { problems: first.problems, counts: first.counts, plan };
  commitWrites(root, plan.writes.map(({ path, content }) => ({ path, content })), ctx.hooks);
  const again = await check(ctx, root, opts, progress, online, first.scope);
  return { problems: again.problems, counts: again.counts, plan };
}

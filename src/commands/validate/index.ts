// newsctl validate: every broken link and structural fault, as text, JSON,
// GitHub annotations or SARIF; with --fix, the safe repairs.

import { packageVersion } from "../../version.js";
import { withLock } from "../../archive/lock.js";
import { readCacheJson, writeCacheJson } from "../../archive/read/cache-file.js";
import { readIndex, type IndexRead } from "../../archive/read/read-index.js";
import { commitWrites } from "../../archive/transaction.js";
import { openArchiveRoot } from "../../cli/archive-root.js";
import { colorsFor, type Context } from "../../cli/context.js";
import { unifiedDiff } from "../../cli/diff.js";
import { EXIT, UsageError } from "../../errors.js";
import { checkArchiveIndex, indexFiles, reportTimings, timingsFor } from "./check-index.js";
import { countProblems, RULES, type Counts, type Diagnostic } from "./diagnostics.js";
import { describeFix, planFixes, type FixPlan } from "./fix.js";
import { loadFixTargets } from "./fix-items.js";
import { formatGithub } from "./format/github.js";
import { formatJson } from "./format/json.js";
import { formatSarif } from "./format/sarif.js";
import { formatText } from "./format/text.js";
import { startProgress, type Progress } from "./progress.js";
import { pathShower, resolveScope } from "./scope.js";

export interface ValidateOptions {
  paths?: string[];
  format?: "text" | "json" | "github" | "sarif";
  fix?: boolean;
  dryRun?: boolean;
  maxWarnings?: number;
  /** false with --no-cache: read every file, neither using nor refreshing .newsctl/cache. */
  cache?: boolean;
  archive?: string;
}

interface Outcome {
  problems: Diagnostic[];
  counts: Counts;
  plan: FixPlan | null;
}

export async function runValidate(ctx: Context, opts: ValidateOptions): Promise<number> {
  if (opts.dryRun && !opts.fix) throw new UsageError("--dry-run goes with --fix (validate alone never writes)");
  const root = await openArchiveRoot(ctx, opts.archive);
  const progress = startProgress(ctx);
  let outcome: Outcome;
  try {
    outcome = opts.fix && !opts.dryRun ? await withLock(root, () => fixAndCheck(ctx, root, opts, progress)) : checkOnly(ctx, root, opts, progress);
  } finally {
    progress.clear();
  }
  report(ctx, root, opts, outcome);
  const { errors, warnings } = outcome.counts;
  const tooManyWarnings = opts.maxWarnings !== undefined && warnings > opts.maxWarnings;
  return errors > 0 || tooManyWarnings ? EXIT.problems : EXIT.ok;
}

/** `known` is the scope of an earlier pass, so its notes are not printed twice. */
function check(ctx: Context, root: string, opts: ValidateOptions, progress: Progress, known?: Set<string> | null, read?: IndexRead, timings = timingsFor(ctx)) {
  progress.show("newsctl: reading the archive…");
  // --no-cache reads every file; otherwise readIndex decides (by size).
  const index = (read ?? readIndex(root, { ...(opts.cache === false ? { cache: false } : {}), timings })).index!;
  const scope = known !== undefined ? known : resolveScope(ctx, root, { files: indexFiles(index) }, opts.paths ?? []);
  progress.show(`newsctl: checking ${index.fileCount} files…`);
  const { problems, files, events } = checkArchiveIndex(index, scope, timings);
  reportTimings(ctx, timings);
  return { scope, problems, counts: countProblems(problems, files, events) };
}

function checkOnly(ctx: Context, root: string, opts: ValidateOptions, progress: Progress): Outcome {
  if (!opts.dryRun && !opts.paths?.length && opts.cache !== false) return checkWholeCached(ctx, root, opts, progress);
  const { problems, counts } = check(ctx, root, opts, progress);
  if (!opts.dryRun) return { problems, counts, plan: null };
  // A preview of --fix: the diffs, and the problems a real run would leave.
  const plan = planFixes(loadFixTargets(root, problems), problems);
  const fixed = new Set(plan.fixed);
  const created = new Set(plan.writes.filter((w) => w.before === null).map((w) => w.path));
  const left = problems.filter((d) => !fixed.has(d) && !(d.missing !== undefined && created.has(d.missing)));
  return { problems: left, counts: countProblems(left, counts.files, counts.events), plan };
}

const RESULT_NAME = "validate-result.json";

/** The whole archive, reusing the last run's findings when no file changed since. */
function checkWholeCached(ctx: Context, root: string, opts: ValidateOptions, progress: Progress): Outcome {
  let hit: Pick<Outcome, "problems" | "counts"> | null = null;
  progress.show("newsctl: reading the archive…");
  const timings = timingsFor(ctx);
  const read = readIndex(root, {
    reuse: (key) => {
      hit = readCacheJson<Pick<Outcome, "problems" | "counts">>(root, RESULT_NAME, key);
      return hit !== null && Array.isArray(hit.problems) && hit.counts !== undefined;
    },
    timings,
  });
  if (hit && read.index === null) {
    reportTimings(ctx, timings);
    return { ...(hit as Pick<Outcome, "problems" | "counts">), plan: null };
  }
  const { problems, counts } = check(ctx, root, opts, progress, undefined, read, timings);
  if (read.large && !read.recent) writeCacheJson(root, RESULT_NAME, read.key, { problems: problems.map(publicFields), counts });
  return { problems, counts, plan: null };
}

function publicFields({ file, line, column, severity, rule, message }: Diagnostic): Diagnostic {
  return { file, line, column, severity, rule, message };
}

/** Inside the lock: read, plan, write, then check again what is on disk now. */
function fixAndCheck(ctx: Context, root: string, opts: ValidateOptions, progress: Progress): Outcome {
  const first = check(ctx, root, opts, progress);
  const plan = planFixes(loadFixTargets(root, first.problems), first.problems);
  if (plan.writes.length === 0) return { problems: first.problems, counts: first.counts, plan };
  commitWrites(root, plan.writes.map(({ path, content }) => ({ path, content })));
  const again = check(ctx, root, opts, progress, first.scope);
  return { problems: again.problems, counts: again.counts, plan };
}

function report(ctx: Context, root: string, opts: ValidateOptions, { problems, counts, plan }: Outcome): void {
  const format = opts.format ?? "text";
  const showPath = pathShower(ctx, root);
  if (plan) reportFixes(ctx, format, plan, Boolean(opts.dryRun), showPath);
  if (format === "json") ctx.stdout.write(formatJson(problems, counts));
  else if (format === "github") ctx.stdout.write(formatGithub(problems, showPath));
  else if (format === "sarif") ctx.stdout.write(formatSarif(problems, { showPath, rules: RULES, version: packageVersion() }));
  else ctx.stderr.write(formatText(problems, counts, { showPath, paint: colorsFor(ctx, ctx.stderr), maxWarnings: opts.maxWarnings }));
}

/** What --fix changed (or would change): a line per repair on stderr; with --dry-run the diffs too. */
function reportFixes(ctx: Context, format: string, plan: FixPlan, dryRun: boolean, showPath: (p: string) => string): void {
  // stdout is the report's in the machine formats; the diffs then go to stderr.
  const diffOut = format === "text" ? ctx.stdout : ctx.stderr;
  if (dryRun) for (const w of plan.writes) diffOut.write(unifiedDiff(showPath(w.path), w.before, w.content));
  const verb = dryRun ? "would fix" : "fixed";
  let out = "";
  for (const d of plan.fixed) out += `newsctl: ${verb} ${d.rule}: ${describeFix(d)}\n`;
  const files = plan.writes.length;
  out += plan.fixed.length === 0
    ? "newsctl: nothing to fix\n"
    : `newsctl: ${verb} ${plan.fixed.length} problem${plan.fixed.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}${dryRun ? "; nothing was written" : ""}\n`;
  ctx.stderr.write(out);
}


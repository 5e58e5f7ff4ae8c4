// validate: every finding `validate --format json` reports, as data; with
// fix, the same repairs `validate --fix` makes, under the same lock, journal
// and atomic writes. The command validates through validateIn too.

import type { Progress } from "../cli/progress.js";
import { runChecks, type CheckOptions, type Outcome } from "../commands/validate/engine.js";
import type { FixPlan } from "../commands/validate/fix.js";
import { toProblem, toReport } from "../commands/validate/format/json.js";
import { judge, type Verdict } from "../commands/validate/verdict.js";
import type { Context } from "../cli/context.js";
import { UsageError } from "../errors.js";
import { configFor, withConfig } from "../config/options.js";
import { inApiTerms } from "./errors.js";
import { resolveArchive, type ArchiveHandle, type OpenOptions } from "./open.js";
import { checkKeys, NO_PROGRESS } from "./options.js";
import type { FixReport, ValidateResult } from "./types.js";

export interface ValidateOptions {
  /** Report only on these files or folders (relative to cwd, else to the archive); the checks still see the whole archive. */
  paths?: string | string[];
  /** summary.failed also when there are more warnings than this. */
  maxWarnings?: number;
  /** false: read every file, neither using nor refreshing .newsctl/cache (default true, as the CLI). */
  cache?: boolean;
  /** A git ref: report only on files changed since it, and their neighbours (needs git and a repository). */
  changedSince?: string;
  /**
   * The configuration (severities, ignored paths, suppression comments, maxWarnings): by default the
   * archive's own newsctl.config.json, as the CLI reads it; a path names another file (relative to
   * cwd); false reads none.
   */
  config?: string | false;
  /** Make the safe repairs (the archive must be opened with write: true, or given as a path). */
  fix?: boolean;
  /** With fix: plan the repairs and return them, write nothing. */
  dryRun?: boolean;
  /** With a path for `archive`: how to open it (see openArchive). */
  cwd?: OpenOptions["cwd"];
  env?: OpenOptions["env"];
  lockTimeoutMs?: OpenOptions["lockTimeoutMs"];
  /** The notes of this call (for a handle, instead of the one given to openArchive). */
  onWarning?: OpenOptions["onWarning"];
}

const KEYS = ["paths", "maxWarnings", "cache", "changedSince", "config", "fix", "dryRun", "cwd", "env", "lockTimeoutMs", "onWarning"];

/** @internal */
export interface Validation extends Outcome {
  verdict: Verdict;
}

/** @internal The one way to validate: the CLI's `validate` and the API's. The archive is open (for writing when fixing). */
export async function validateIn(ctx: Context, archive: ArchiveHandle, opts: CheckOptions, progress: Progress): Promise<Validation> {
  const outcome = await runChecks(ctx, archive.root, opts, progress);
  return { ...outcome, verdict: judge(outcome.counts, opts.maxWarnings, opts.maxWarningsFrom) };
}

export function validate(archive?: ArchiveHandle | string, options: ValidateOptions = {}): Promise<ValidateResult> {
  return inApiTerms(async () => {
    const opts = checkOptions(options);
    const { handle, ctx } = await resolveArchive(archive, options, Boolean(opts.fix && !opts.dryRun));
    const configured = withConfig(opts, await configFor(ctx.cwd, handle.root, options.config));
    const { problems, counts, plan, verdict } = await validateIn(ctx, handle, configured, NO_PROGRESS);
    const report: ValidateResult = toReport(problems, counts, verdict);
    if (plan) report.fixes = fixReport(plan, Boolean(opts.dryRun));
    return report;
  });
}

function checkOptions(options: ValidateOptions): CheckOptions {
  checkKeys("validate", options, KEYS);
  const { maxWarnings, changedSince } = options;
  const paths = typeof options.paths === "string" ? [options.paths] : options.paths;
  if (paths !== undefined && !(Array.isArray(paths) && paths.every((p) => typeof p === "string" && p !== ""))) {
    throw new UsageError("validate: paths must be a path or an array of paths");
  }
  if (maxWarnings !== undefined && !(Number.isSafeInteger(maxWarnings) && maxWarnings >= 0)) {
    throw new UsageError(`validate: maxWarnings must be a whole number, 0 or more, not ${JSON.stringify(maxWarnings)}`);
  }
  if (changedSince !== undefined && typeof changedSince !== "string") throw new UsageError("validate: changedSince must be a git ref (a string)");
  if (options.config !== undefined && options.config !== false && !(typeof options.config === "string" && options.config !== "")) {
    throw new UsageError("validate: config must be a path to a configuration file, or false");
  }
  for (const key of ["cache", "fix", "dryRun"] as const) {
    if (options[key] !== undefined && typeof options[key] !== "boolean") throw new UsageError(`validate: ${key} must be true or false`);
  }
  if (options.dryRun && !options.fix) throw new UsageError("validate: dryRun goes with fix (validate alone never writes)");
  const opts: CheckOptions = { paths: paths ?? [], fix: options.fix, dryRun: options.dryRun, maxWarnings, changedSince };
  if (options.cache === false) opts.cache = false;
  return opts;
}

function fixReport(plan: FixPlan, dryRun: boolean): FixReport {
  return {
    written: !dryRun && plan.writes.length > 0,
    fixed: plan.fixed.map(toProblem),
    withheld: plan.withheld.map(toProblem),
    files: plan.writes.map((w) => ({ path: w.path, before: w.before, after: w.content })),
  };
}

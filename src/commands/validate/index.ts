// newsctl validate: every broken link and structural fault, as text, JSON,
// GitHub annotations or SARIF; with --fix, the safe repairs.

import { packageVersion } from "../../version.js";
import { openIn } from "../../api/open.js";
import { validateIn, type Validation } from "../../api/validate.js";
import { colorsFor, type Context } from "../../cli/context.js";
import { unifiedDiff } from "../../cli/diff.js";
import { EXIT, UsageError } from "../../errors.js";
import { RULES } from "./diagnostics.js";
import type { CheckOptions } from "./engine.js";
import { describeFix, type FixPlan } from "./fix.js";
import { formatGithub } from "./format/github.js";
import { formatJson } from "./format/json.js";
import { formatSarif } from "./format/sarif.js";
import { formatText } from "./format/text.js";
import { strayOnlineFlag } from "./online/flags.js";
import { startProgress } from "../../cli/progress.js";
import { pathShower } from "./scope.js";
import type { Verdict } from "./verdict.js";
import { configFor, withConfig } from "../../config/options.js";

export interface ValidateOptions extends CheckOptions {
  format?: "text" | "json" | "github" | "sarif";
  archive?: string;
  /** --config FILE, or false with --no-config. */
  config?: string | boolean;
}

export async function runValidate(ctx: Context, opts: ValidateOptions): Promise<number> {
  if (opts.dryRun && !opts.fix) throw new UsageError("--dry-run goes with --fix (validate alone never writes)");
  const stray = strayOnlineFlag(opts);
  if (stray) throw new UsageError(stray);
  const archive = await openIn(ctx, opts.archive, { write: Boolean(opts.fix && !opts.dryRun) });
  opts = withConfig(opts, await configFor(ctx.cwd, archive.root, opts.config));
  const progress = startProgress(ctx);
  let outcome: Validation;
  try {
    outcome = await validateIn(ctx, archive, opts, progress);
  } finally {
    progress.clear();
  }
  report(ctx, archive.root, opts, outcome, outcome.verdict);
  return outcome.verdict.failed ? EXIT.problems : EXIT.ok;
}

/** The report is the command's output: stdout, in every format. Notes and progress go to stderr. */
function report(ctx: Context, root: string, opts: ValidateOptions, { problems, counts, plan }: Validation, verdict: Verdict): void {
  const format = opts.format ?? "text";
  const showPath = pathShower(ctx, root);
  if (plan) reportFixes(ctx, format, plan, Boolean(opts.dryRun), showPath);
  if (format === "json") ctx.stdout.write(formatJson(problems, counts, verdict));
  else if (format === "github") ctx.stdout.write(formatGithub(problems, showPath, verdict));
  else if (format === "sarif") ctx.stdout.write(formatSarif(problems, { showPath, rules: RULES, version: packageVersion(), verdict }));
  else ctx.stdout.write(formatText(problems, counts, { showPath, paint: colorsFor(ctx, ctx.stdout), maxWarnings: opts.maxWarnings, maxWarningsFrom: opts.maxWarningsFrom }));
}

/** What --fix changed (or would change): a line per repair on stderr; with --dry-run the diffs too. */
function reportFixes(ctx: Context, format: string, plan: FixPlan, dryRun: boolean, showPath: (p: string) => string): void {
  // In text the diffs go to stdout ahead of the report (the report's lines are not a patch's, so
  // `git apply` takes the whole output); in the machine formats stdout must parse, so they go to stderr.
  const diffOut = format === "text" ? ctx.stdout : ctx.stderr;
  if (dryRun) for (const w of plan.writes) diffOut.write(unifiedDiff(showPath(w.path), w.before, w.content));
  const verb = dryRun ? "would fix" : "fixed";
  let out = "";
  for (const d of plan.fixed) out += `newsctl: ${verb} ${d.rule}: ${describeFix(d)}\n`;
  for (const d of plan.withheld) {
    out += `newsctl: left ${d.rule} at ${showPath(d.file)}:${d.line} unfixed: an event it concerns has a version that cannot be read; fix that file first\n`;
  }
  const files = plan.writes.length;
  out += plan.fixed.length === 0
    ? "newsctl: nothing to fix\n"
    : `newsctl: ${verb} ${plan.fixed.length} problem${plan.fixed.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}${dryRun ? "; nothing was written" : ""}\n`;
  ctx.stderr.write(out);
}


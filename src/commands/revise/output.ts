// What revise prints: pure functions of the plan.

import type { RevisionPlan } from "../../archive/revision.js";
import { unifiedDiff } from "../../cli/diff.js";

/**
 * The diff of every file the plan writes. The new version comes first, as a
 * diff from the previous version (what a reviewer wants to see), headed
 * `--- a/<previous>` / `+++ b/<new>` like `diff -u old new`.
 */
export function formatPlanDiff(plan: RevisionPlan): string {
  return plan.writes
    .map((w) => {
      if (w.path !== plan.path) return unifiedDiff(w.path, plan.before.get(w.path) ?? null, w.content);
      const diff = unifiedDiff(w.path, plan.before.get(plan.previous) ?? null, w.content);
      return diff.replace(/^--- a\/.*\n/, `--- a/${plan.previous}\n`);
    })
    .join("");
}

export interface ReviseResult {
  path: string;
  previous: string;
  title: string;
  recorded: string;
  previousRecorded: string;
  previousRecordedFrom: "front-matter" | "revise-time";
  changed: string[];
  files: string[];
  /** Every version of the event, oldest first, the new one last. */
  versions: string[];
  dayPage: string | null;
  repointed: string[];
  dryRun: boolean;
  diff?: string;
}

export function toResult(plan: RevisionPlan, dryRun: boolean): ReviseResult {
  return {
    path: plan.path,
    previous: plan.previous,
    title: plan.title,
    recorded: plan.recorded,
    previousRecorded: plan.previousRecorded.timestamp,
    previousRecordedFrom: plan.previousRecorded.from,
    changed: plan.changed,
    files: plan.writes.map((w) => w.path),
    versions: [...plan.versions, plan.path],
    dayPage: plan.dayPage,
    repointed: plan.repointed,
    dryRun,
    ...(dryRun ? { diff: formatPlanDiff(plan) } : {}),
  };
}

/** One line for stderr: what else the revision touched. */
export function formatSummary(plan: RevisionPlan, dryRun: boolean): string {
  const n = plan.repointed.length;
  const verb = dryRun ? "would write" : "wrote";
  return (
    `newsctl: ${verb} ${plan.writes.length} files: the new version, the Changes list of ${plan.versions.length} earlier ` +
    `version${plan.versions.length === 1 ? "" : "s"}${plan.dayPage ? ", the day page" : ""}, ${n} related event${n === 1 ? "" : "s"} repointed\n`
  );
}

export function formatWarnings(plan: RevisionPlan): string {
  let out = "";
  if (plan.previousRecorded.from === "revise-time") {
    out += `newsctl: ${plan.previous} has no recorded: time in its front matter; its Changes item uses the revise time ${plan.previousRecorded.timestamp}\n`;
  }
  for (const m of plan.missing) out += `newsctl: warning: the Changes list names ${m}, which is not in the archive; left as it is\n`;
  return out;
}

/** A diff coloured for a terminal (`c` is colorsFor's chalk; level 0 leaves it plain). */
export function colorDiff(diff: string, c: { red(s: string): string; green(s: string): string; cyan(s: string): string; bold(s: string): string }): string {
  return diff.replace(/^.*$/gm, (line) => {
    if (line.startsWith("+++") || line.startsWith("---")) return c.bold(line);
    if (line.startsWith("@@")) return c.cyan(line);
    if (line.startsWith("+")) return c.green(line);
    if (line.startsWith("-")) return c.red(line);
    return line;
  });
}

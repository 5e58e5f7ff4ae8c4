// `validate --changed-since REF` without --fix: the findings a full run
// reports for the changed files and their neighbours, at the cost of one
// byte scan of the archive and a few hundred parsed files.

import type { Archive } from "../../../archive/types.js";
import type { Context } from "../../../cli/context.js";
import { checkArchive, countEvents } from "../check.js";
import { countProblems, type Counts, type Diagnostic } from "../diagnostics.js";
import type { Progress } from "../progress.js";
import { resolveScope } from "../scope.js";
import { listChangedPaths } from "./git.js";
import { loadChanges } from "./load.js";
import { scopeOfChanges } from "./scope.js";

/** `paths`: the PATH arguments, if any; only files in both are reported. */
export function checkChanged(ctx: Context, root: string, ref: string, paths: string[], progress: Progress): { problems: Diagnostic[]; counts: Counts } {
  progress.show(`newsctl: asking git what changed since ${ref}…`);
  const changed = listChangedPaths(ctx, root, ref);
  progress.show(`newsctl: reading what ${changed.length} changed file${changed.length === 1 ? "" : "s"} touch…`);
  const { archive, scope } = loadChanges(root, changed);
  const reported = narrowScope(ctx, root, archive, scope, paths);
  const problems = checkArchive(archive, reported);
  return { problems, counts: countProblems(problems, reported.size, countEvents(archive, reported)) };
}

/** For `--fix --changed-since`, which reads the whole archive anyway: the same scope from the full model. */
export function changedScope(ctx: Context, root: string, archive: Archive, ref: string, paths: string[]): Set<string> {
  const changed = listChangedPaths(ctx, root, ref);
  const scope = scopeOfChanges(archive.files.values(), (p) => archive.files.has(p), changed);
  return narrowScope(ctx, root, archive, scope, paths);
}

/** PATH arguments and --changed-since together: the files in both. */
function narrowScope(ctx: Context, root: string, archive: Archive, scope: Set<string>, paths: string[]): Set<string> {
  const given = resolveScope(ctx, root, archive, paths);
  if (given === null) return scope;
  return new Set([...scope].filter((p) => given.has(p)));
}

// `validate --changed-since REF` without --fix: the findings a full run
// reports for the changed files and their neighbours, at the cost of one
// byte scan of the archive and a few hundred parsed files.

import type { Archive } from "../../../archive/types.js";
import type { Context } from "../../../cli/context.js";
import { checkArchive, countEvents } from "../check.js";
import { countProblems, type Counts, type Diagnostic } from "../diagnostics.js";
import type { Progress } from "../../../cli/progress.js";
import { resolveScope } from "../scope.js";
import { listArchive, loadChanges, scanArchive } from "./load.js";
import { scopeOfChanges } from "./scope.js";

/** `changes`: asks git what changed (see prepareChangedPaths); `paths`: the PATH arguments, if any (only files in both are reported). */
export async function checkChanged(ctx: Context, root: string, changes: () => Promise<string[]>, paths: string[], progress: Progress): Promise<{ problems: Diagnostic[]; counts: Counts }> {
  progress.show("newsctl: scanning the archive for links…");
  const listing = listArchive(root);
  // Git walks the folders too: asked once ours are listed, it works while the files are scanned.
  const changed = changes();
  const reader = scanArchive(root, listing);
  const { archive, scope } = loadChanges(reader, await changed);
  const reported = narrowScope(ctx, root, archive, scope, paths);
  const problems = checkArchive(archive, reported);
  return { problems, counts: countProblems(problems, reported.size, countEvents(archive, reported)) };
}

/** For `--fix --changed-since`, which reads the whole archive anyway: the same scope from the full model. */
export function changedScope(ctx: Context, root: string, archive: Archive, changed: string[], paths: string[]): Set<string> {
  const scope = scopeOfChanges(archive.files.values(), (p) => archive.files.has(p), changed);
  return narrowScope(ctx, root, archive, scope, paths);
}

/** PATH arguments and --changed-since together: the files in both. */
function narrowScope(ctx: Context, root: string, archive: Archive, scope: Set<string>, paths: string[]): Set<string> {
  const given = resolveScope(ctx, root, archive, paths);
  if (given === null) return scope;
  return new Set([...scope].filter((p) => given.has(p)));
}

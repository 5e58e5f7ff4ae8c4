// `validate --changed-since REF`: which paths under news/ differ from REF.
// That is everything `git diff REF` sees against the working tree
// (committed since REF, staged, unstaged; deleted files too, and both ends
// of a rename) plus the untracked files git does not ignore.

import { gitTopLevel, runGit, splitNul } from "../../../cli/git.js";
import type { Context } from "../../../cli/context.js";
import { UsageError } from "../../../errors.js";

const FLAG = "--changed-since";

/** Archive-relative paths under news/, sorted, no duplicates. */
export function listChangedPaths(ctx: Context, root: string, ref: string): string[] {
  // A ref that starts with "-" would be read as an option (git diff --output=… writes a file).
  if (ref.trim() === "" || ref.startsWith("-")) throw new UsageError(`${FLAG} ${JSON.stringify(ref)}: not a git ref`);
  const commit = resolveCommit(ctx, root, ref);
  // --relative and the pathspec make every path relative to the archive root, wherever the repository starts.
  const diff = runGit(ctx, root, ["diff", "--name-only", "-z", "--no-renames", "--relative", "--no-ext-diff", commit, "--", "news"]);
  if (diff.status !== 0) throw new UsageError(`${FLAG} ${ref}: git diff failed${diff.message ? `: ${diff.message}` : ""}`);
  const untracked = runGit(ctx, root, ["ls-files", "--others", "--exclude-standard", "-z", "--", "news"]);
  if (untracked.status !== 0) throw new UsageError(`${FLAG}: git ls-files failed${untracked.message ? `: ${untracked.message}` : ""}`);
  const paths = new Set<string>();
  for (const path of [...splitNul(diff.stdout), ...splitNul(untracked.stdout)]) {
    // An untracked nested repository is listed as a folder ("news/x/"): nothing in it is tracked here.
    if (path.startsWith("news/") && !path.endsWith("/")) paths.add(path);
  }
  return [...paths].sort();
}

function resolveCommit(ctx: Context, root: string, ref: string): string {
  const r = runGit(ctx, root, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]);
  const sha = r.stdout.toString("utf8").trim();
  if (r.status !== 0 || !/^[0-9a-f]{40,64}$/.test(sha)) {
    // Outside a repository (or one git refuses) is said as such, not as an unknown ref.
    gitTopLevel(ctx, root, FLAG);
    throw new UsageError(`${FLAG} ${ref}: no such commit in this repository (in a shallow clone, fetch it first: git fetch origin <branch>)`);
  }
  return sha;
}

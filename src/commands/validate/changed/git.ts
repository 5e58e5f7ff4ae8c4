// `validate --changed-since REF`: which paths under news/ differ from REF.
// That is everything `git diff REF` sees against the working tree
// (committed since REF, staged, unstaged; deleted files too, and both ends
// of a rename) plus the untracked files git does not ignore. It is asked of
// `git diff-index`, which never rewrites the index (`git diff` does, even
// with optional locks off); a file whose time changed but not its bytes
// then counts as changed until git refreshes its index: a wider report,
// never a narrower one.

import { gitTopLevel, runGit, runGitAsync, splitNul } from "../../../cli/git.js";
import type { Context } from "../../../cli/context.js";
import { UsageError } from "../../../errors.js";

const FLAG = "--changed-since";

/**
 * Archive-relative paths under news/, sorted, no duplicates. The ref is
 * checked at once (a bad one fails before anything is read); git is asked
 * for the list when the caller calls, so that it can read the archive
 * while git works.
 */
export function prepareChangedPaths(ctx: Context, root: string, ref: string): () => Promise<string[]> {
  // A ref that starts with "-" would be read as an option (git diff --output=… writes a file).
  if (ref.trim() === "" || ref.startsWith("-")) throw new UsageError(`${FLAG} ${JSON.stringify(ref)}: not a git ref`);
  const commit = resolveCommit(ctx, root, ref);
  return () => listChangedPaths(ctx, root, ref, commit);
}

function listChangedPaths(ctx: Context, root: string, ref: string, commit: string): Promise<string[]> {
  // --relative and the pathspec make every path relative to the archive root, wherever the repository starts.
  const diff = runGitAsync(ctx, root, ["diff-index", "--name-only", "-z", "--no-renames", "--relative", commit, "--", "news"]);
  const untracked = runGitAsync(ctx, root, ["ls-files", "--others", "--exclude-standard", "-z", "--", "news"]);
  const listing = Promise.all([diff, untracked]).then(([d, u]) => {
    if (d.status !== 0) throw new UsageError(`${FLAG} ${ref}: git diff-index failed${d.message ? `: ${d.message}` : ""}`);
    if (u.status !== 0) throw new UsageError(`${FLAG}: git ls-files failed${u.message ? `: ${u.message}` : ""}`);
    const paths = new Set<string>();
    for (const path of [...splitNul(d.stdout), ...splitNul(u.stdout)]) {
      // An untracked nested repository is listed as a folder ("news/x/"): nothing in it is tracked here.
      if (path.startsWith("news/") && !path.endsWith("/")) paths.add(path);
    }
    return [...paths].sort();
  });
  // Awaited later, after a synchronous read: never an "unhandled rejection" meanwhile.
  listing.catch(() => undefined);
  return listing;
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

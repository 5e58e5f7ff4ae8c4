// .newsctl/, the archive's state folder: the lock, the journals of changes
// in progress, the caches. It is just a folder in the repository, so it may
// arrive as anything: a symbolic link to elsewhere, a file. newsctl only
// ever uses it when it, and every folder under it that is used, is a real
// folder inside the archive.

import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../../errors.js";
import { writeAtomically } from "./atomic.js";
import { describeFault, faultOnPath } from "../inside.js";

export const STATE_DIR = ".newsctl";

/** Why the state folder (or `sub` in it) cannot be used, or null when it can (or does not exist yet). */
export function stateDirProblem(root: string, sub?: string): string | null {
  const fault = faultOnPath(root, sub ? `${STATE_DIR}/${sub}` : STATE_DIR, "folder");
  return fault ? describeFault(fault) : null;
}

function makeIfMissing(abs: string): boolean {
  try {
    mkdirSync(abs);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/** A writer needs the state folder: refused (exit 2) when something else is in its place. */
export function assertStateDirUsable(root: string): void {
  const problem = stateDirProblem(root);
  if (problem) throw new UsageError(`${problem}: newsctl keeps its lock and journals in ${STATE_DIR}/; remove it (newsctl makes a fresh one); nothing was written`);
}

/** The state folder for a writer, made when missing. */
export function stateDir(root: string): string {
  assertStateDirUsable(root);
  const dir = join(root, STATE_DIR);
  // Keeps the lock, journal and cache out of git without touching the user's .gitignore.
  if (makeIfMissing(dir)) writeAtomically(dir, ".gitignore", "*\n");
  return dir;
}

/**
 * A folder for caches under the state folder, made when missing; null when
 * it cannot be used safely (a link or a file in the way) or made: reading
 * then simply goes without the cache.
 */
export function cacheFolder(root: string, sub: string, create: boolean): string | null {
  if (stateDirProblem(root, sub)) return null;
  const dir = join(root, STATE_DIR, sub);
  if (!create) return dir;
  try {
    stateDir(root);
    makeIfMissing(dir);
    return stateDirProblem(root, sub) ? null : dir;
  } catch {
    return null;
  }
}

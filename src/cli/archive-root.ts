// Which archive a command works on: --archive, else NEWSCTL_ARCHIVE, else
// the nearest folder at or above the working directory that holds news/.
// Also finishes any change a killed run left half-done before reading.

import { lstatSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Recovery } from "../archive/write/recover.js";
import { assertStateDirUsable, STATE_DIR, stateDirProblem } from "../archive/write/state-dir.js";
import { describeOsError, FailureError, UsageError } from "../errors.js";
import type { Context } from "./context.js";

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Why `root` (as given) cannot be the archive folder, or null. */
function folderProblem(root: string): string | null {
  try {
    return statSync(root).isDirectory() ? null : "not a folder (it is a file)";
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such folder" : describeOsError(error);
  }
}

/** news/ itself is never followed as a link either: it could make the whole archive another folder on the machine. */
function refuseLinkedNews(root: string): string {
  if (lstatSync(resolve(root, "news"), { throwIfNoEntry: false })?.isSymbolicLink()) {
    throw new UsageError(`${resolve(root, "news")} is a symbolic link (newsctl never reads or writes through links); make it a folder`);
  }
  return root;
}

export function findArchiveRoot(ctx: Context, option: string | undefined, opts: { allowNew?: boolean; name?: string } = {}): string {
  return refuseLinkedNews(locateArchive(ctx, option, opts));
}

function locateArchive(ctx: Context, option: string | undefined, { allowNew = false, name = "--archive" } = {}): string {
  const given = option ?? ctx.env["NEWSCTL_ARCHIVE"];
  if (given !== undefined && given !== "") {
    const from = option !== undefined ? name : "NEWSCTL_ARCHIVE";
    const root = resolve(ctx.cwd, given);
    const problem = folderProblem(root);
    if (problem) throw new UsageError(`${from} ${given}: ${problem}`);
    if (!allowNew && !isDir(resolve(root, "news"))) throw new UsageError(`${from} ${given}: not an archive (no news/ folder in ${root})`);
    return root;
  }
  for (let dir = resolve(ctx.cwd); ; dir = dirname(dir)) {
    if (isDir(resolve(dir, "news"))) return dir;
    if (dirname(dir) === dir) break;
  }
  const remedy = name === "--archive" ? "pass --archive DIR or set NEWSCTL_ARCHIVE" : `pass the archive's folder to ${name}`;
  throw new UsageError(`no archive found: no news/ folder in ${ctx.cwd} or above it; ${remedy}`);
}

export interface OpenOptions {
  allowNew?: boolean;
  /** What the caller calls the archive option, for messages (default --archive). */
  name?: string;
  /** The command will write: any doubt about the state folder or a half-done change stops it. */
  write?: boolean;
  /**
   * false: a reader that never writes (the API's default) leaves a
   * half-done change as it is and says so; a writer always finishes it.
   */
  recover?: boolean;
}

/**
 * The archive root, with any change a killed run left half-done finished
 * first. A writer stops on anything it cannot finish (exit 3) or a state
 * folder it cannot use (exit 2); a reader warns and reads the archive as it is.
 */
export async function openArchiveRoot(ctx: Context, option: string | undefined, opts: OpenOptions = {}): Promise<string> {
  const root = findArchiveRoot(ctx, option, opts);
  if (opts.write) assertStateDirUsable(root);
  const stateProblem = stateDirProblem(root);
  if (stateProblem) {
    warn(ctx, `${stateProblem}: ${STATE_DIR}/ is not used (no cache, no recovery of half-done changes); remove it`);
    return root;
  }
  const cacheProblem = stateDirProblem(root, "cache");
  if (cacheProblem) warn(ctx, `${cacheProblem}: the cache is not used; remove it`);
  if (!mayHaveJournal(root)) return root;
  if (opts.write || opts.recover !== false) await finishHalfDone(ctx, root, Boolean(opts.write));
  else await noteHalfDone(ctx, root);
  return root;
}

/**
 * A cheap first look for a journal (.newsctl/journal-*), so that a reader of
 * one folder (`list --date`) loads the lock and transaction modules only
 * when there may be something to finish.
 */
function mayHaveJournal(root: string): boolean {
  try {
    return readdirSync(join(root, STATE_DIR)).some((name) => name.startsWith("journal-"));
  } catch {
    return false;
  }
}

function warn(ctx: Context, text: string): void {
  ctx.stderr.write(`newsctl: warning: ${text}\n`);
}

async function noteHalfDone(ctx: Context, root: string): Promise<void> {
  const { hasPendingTransactions } = await import("../archive/write/recover.js");
  if (hasPendingTransactions(root)) warn(ctx, "an earlier run left a change half-done; reading the archive as it is (a run that may write finishes it)");
}

async function finishHalfDone(ctx: Context, root: string, write: boolean): Promise<void> {
  const [{ withLock }, { hasPendingTransactions, recoverTransactions }] = await Promise.all([import("../archive/write/lock.js"), import("../archive/write/recover.js")]);
  if (!hasPendingTransactions(root)) return;
  let recovery: Recovery;
  try {
    recovery = await withLock(root, () => recoverTransactions(root), ctx.hooks);
  } catch (error) {
    if (write) throw error;
    warn(ctx, `could not finish a change an earlier run left half-done: ${describeOsError(error)}; reading the archive as it is`);
    return;
  }
  const { finished, problems } = recovery;
  if (finished.length > 0) {
    ctx.stderr.write(`newsctl: finished a change an earlier run left half-done (${finished.length} file${finished.length === 1 ? "" : "s"})\n`);
  }
  if (problems.length > 0 && write) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more journal${problems.length > 2 ? "s" : ""})` : "";
    throw new FailureError(`${problems[0]}${more}; nothing was written`);
  }
  for (const p of problems) warn(ctx, p);
}

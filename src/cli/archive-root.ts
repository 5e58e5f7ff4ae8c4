// Which archive a command works on: --archive, else NEWSCTL_ARCHIVE, else
// the nearest folder at or above the working directory that holds news/.
// Also finishes any change a killed run left half-done before reading.

import { readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { UsageError } from "../errors.js";
import type { Context } from "./context.js";

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function findArchiveRoot(ctx: Context, option: string | undefined, { allowNew = false } = {}): string {
  const given = option ?? ctx.env["NEWSCTL_ARCHIVE"];
  if (given !== undefined && given !== "") {
    const from = option !== undefined ? "--archive" : "NEWSCTL_ARCHIVE";
    const root = resolve(ctx.cwd, given);
    if (!isDir(root)) throw new UsageError(`${from} ${given}: no such folder`);
    if (!allowNew && !isDir(resolve(root, "news"))) throw new UsageError(`${from} ${given}: not an archive (no news/ folder in ${root})`);
    return root;
  }
  for (let dir = resolve(ctx.cwd); ; dir = dirname(dir)) {
    if (isDir(resolve(dir, "news"))) return dir;
    if (dirname(dir) === dir) break;
  }
  throw new UsageError(
    `no archive found: no news/ folder in ${ctx.cwd} or above it; pass --archive DIR or set NEWSCTL_ARCHIVE`,
  );
}

/** A cheap first look for a journal (transaction.ts: .newsctl/journal-*), before loading what can finish one. */
function mayHaveJournal(root: string): boolean {
  try {
    return readdirSync(join(root, ".newsctl")).some((name) => name.startsWith("journal"));
  } catch {
    return false;
  }
}

export async function openArchiveRoot(ctx: Context, option: string | undefined, opts: { allowNew?: boolean } = {}): Promise<string> {
  const root = findArchiveRoot(ctx, option, opts);
  if (!mayHaveJournal(root)) return root;
  // The lock and the transaction modules load only when there may be something to finish.
  const [{ withLock }, { hasPendingTransactions, recoverTransactions }] = await Promise.all([import("../archive/lock.js"), import("../archive/transaction.js")]);
  if (hasPendingTransactions(root)) {
    const finished = await withLock(root, () => recoverTransactions(root));
    if (finished.length > 0) {
      ctx.stderr.write(`newsctl: finished a change an earlier run left half-done (${finished.length} file${finished.length === 1 ? "" : "s"})\n`);
    }
  }
  return root;
}


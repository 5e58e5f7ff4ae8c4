// All-or-nothing writes across files. Every new content goes to a temp file
// beside its target; a journal then marks the change committed; renames put
// the files in place. A run killed before the mark leaves the archive as it
// was (recovery deletes the temps); one killed after it is rolled forward by
// the next run. A failure inside this process puts back what was renamed,
// itself journaled ("undo"), so a crash while putting back is finished too.

import { lstatSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { describeOsError, FailureError, NewsctlError } from "../../errors.js";
import { syncDir, writeNewFile, type NewFileOptions } from "./atomic.js";
import { injectFault, NO_HOOKS, type Hooks } from "./hooks.js";
import { journalName, newTxid, savedName, tempName, writeJournal, type Journal } from "./journal.js";
import { stateDir } from "./state-dir.js";
import { checkWriteTargets } from "./writable.js";

export interface FileWrite {
  /** Archive-relative path. */
  path: string;
  content: string;
}

/** A file about to be replaced: its bytes (for putting back) and the mode and owner the new file keeps. */
interface Original {
  bytes: Buffer;
  keep: Pick<NewFileOptions, "mode" | "owner">;
}

function readOriginal(abs: string): Original | null {
  let st;
  try {
    st = lstatSync(abs);
  } catch {
    return null;
  }
  const asRoot = process.getuid?.() === 0;
  return {
    bytes: readFileSync(abs),
    keep: { mode: st.mode & 0o7777, ...(asRoot ? { owner: { uid: st.uid, gid: st.gid } } : {}) },
  };
}

/** Make the missing folders of relDir, recording each; none of them is followed if it is a link (checked before). */
function makeDirs(root: string, relDir: string, created: string[]): void {
  const parts = relDir.split("/");
  for (let i = 1; i <= parts.length; i++) {
    const rel = parts.slice(0, i).join("/");
    try {
      mkdirSync(join(root, rel));
      created.push(rel);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

export function commitWrites(root: string, writes: FileWrite[], hooks: Hooks = NO_HOOKS): void {
  if (writes.length === 0) return;
  const seen = new Set<string>();
  for (const w of writes) {
    if (seen.has(w.path)) throw new Error(`internal: ${w.path} written twice in one change`);
    seen.add(w.path);
  }
  // Refused before anything exists: a link in the way, a read-only file or folder.
  checkWriteTargets(root, writes.map((w) => w.path));
  const dir = stateDir(root);
  const txid = newTxid();
  const journal: Journal = {
    txid,
    state: "prepare",
    entries: writes.map((w, i) => ({ path: w.path, temp: tempName(w.path, txid, i) })),
    createdDirs: [],
  };
  const originals = writes.map((w) => readOriginal(join(root, w.path)));
  let journalWrites = 0;
  const journalHook = { beforeWrite: () => injectFault(hooks, `journal:${++journalWrites}`, "ENOSPC") };
  try {
    for (const w of writes) makeDirs(root, dirname(w.path), journal.createdDirs);
    writeJournal(dir, journal, journalHook);
    writes.forEach((w, i) => writeNewFile(join(root, journal.entries[i]!.temp), w.content, { durable: true, ...originals[i]?.keep }));
    injectFault(hooks, "commit");
    journal.state = "commit";
    writeJournal(dir, journal, journalHook);
  } catch (error) {
    discard(root, journal);
    rmSync(join(dir, journalName(txid)), { force: true });
    throw writeFailure(error);
  }
  let renamed = 0;
  try {
    for (const entry of journal.entries) {
      injectFault(hooks, `rename:${renamed + 1}`);
      renameSync(join(root, entry.temp), join(root, entry.path));
      renamed++;
    }
  } catch (error) {
    try {
      putBack(root, dir, journal, originals, renamed, hooks);
    } catch (undoError) {
      // The journal is still there: the next run finishes the change or the putting back.
      throw new FailureError(`could not write the archive, nor put it back (${describeOsError(undoError)}); the next newsctl run completes or undoes the change`);
    }
    throw writeFailure(error);
  }
  for (const d of new Set(journal.entries.map((e) => dirname(join(root, e.path))))) syncDir(d);
  rmSync(join(dir, journalName(txid)), { force: true });
}

function writeFailure(error: unknown): Error {
  if (error instanceof NewsctlError) return error;
  return new FailureError(`could not write the archive (${describeOsError(error)}); no file was changed`);
}

/** Remove the temp files and the folders the change made (when empty again). */
export function discard(root: string, journal: Journal): void {
  for (const e of journal.entries) rmSync(join(root, e.temp), { force: true });
  for (const d of [...journal.createdDirs].reverse()) {
    try {
      rmdirSync(join(root, d));
    } catch {
      /* not empty, or gone */
    }
  }
}

/**
 * Puts back the first `renamed` files after a failure past the commit mark.
 * Their old bytes are saved beside them and the journal turned to "undo"
 * first, so a crash part-way is finished by recovery, never rolled forward.
 */
function putBack(root: string, dir: string, journal: Journal, originals: (Original | null)[], renamed: number, hooks: Hooks): void {
  const undo = journal.entries.slice(0, renamed).map((entry, i) => {
    const original = originals[i];
    if (!original) return { path: entry.path, saved: null };
    const saved = savedName(entry.path, journal.txid, i);
    writeNewFile(join(root, saved), original.bytes, { durable: true, ...original.keep });
    return { path: entry.path, saved };
  });
  injectFault(hooks, "saved");
  const undoing: Journal = { ...journal, state: "undo", undo };
  writeJournal(dir, undoing);
  finishUndo(root, undoing, hooks);
  rmSync(join(dir, journalName(journal.txid)), { force: true });
}

/** Idempotent: a saved copy already renamed is gone, a new file already removed stays removed. */
export function finishUndo(root: string, journal: Journal, hooks: Hooks = NO_HOOKS): void {
  (journal.undo ?? []).forEach((u, i) => {
    injectFault(hooks, `undo:${i + 1}`);
    if (u.saved === null) rmSync(join(root, u.path), { force: true });
    else if (lstatSync(join(root, u.saved), { throwIfNoEntry: false })) renameSync(join(root, u.saved), join(root, u.path));
  });
  discard(root, journal);
}

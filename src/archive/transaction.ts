// All-or-nothing writes across files. Every new content goes to a temp file
// beside its target; a journal then marks the change committed; renames put
// the files in place. A run killed before the mark leaves the archive as it
// was (recovery deletes the temps); one killed after it is rolled forward by
// the next run. A failure inside this process puts back what was renamed,
// itself journaled ("undo"), so a crash while putting back is finished too.

import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
import { FailureError } from "../errors.js";
import { stateDir, STATE_DIR } from "./lock.js";

export interface FileWrite {
  /** Archive-relative path. */
  path: string;
  content: string;
}

interface JournalEntry {
  path: string;
  temp: string;
}

interface Journal {
  state: "prepare" | "commit" | "undo";
  entries: JournalEntry[];
  /** Folders this change created, deepest last; removed again on rollback when empty. */
  createdDirs: string[];
  /** state "undo": each file already replaced, with the saved copy of its old bytes (null: it was new, remove it). */
  undo?: { path: string; saved: string | null }[];
}

const JOURNAL_PREFIX = "journal-";

function writeDurably(path: string, content: string | Buffer): void {
  const fd = openSync(path, "w");
  try {
    writeSync(fd, typeof content === "string" ? Buffer.from(content, "utf8") : content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function syncDir(path: string): void {
  try {
    const fd = openSync(path, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* not supported everywhere; the rename is still atomic */
  }
}

function writeJournal(path: string, journal: Journal): void {
  writeDurably(path + ".tmp", JSON.stringify(journal));
  renameSync(path + ".tmp", path);
  syncDir(dirname(path));
}

/**
 * Test hooks. NEWSCTL_FAULT=rename:N fails the Nth rename (1-based) as a full
 * disk would; kill:rename:N, kill:commit and kill:undo:N (the Nth file put
 * back after a failure) SIGKILL the process at that point, as a crash would.
 * Several points are separated by commas: rename:3,kill:undo:1.
 */
function faultAt(point: string): void {
  const faults = (process.env["NEWSCTL_FAULT"] ?? "").split(",");
  if (faults.includes(point)) throw Object.assign(new Error("injected fault"), { code: "EIO" });
  if (faults.includes(`kill:${point}`)) process.kill(process.pid, "SIGKILL");
}

function makeDirs(root: string, relDir: string, created: string[]): void {
  const parts = relDir.split("/");
  for (let i = 1; i <= parts.length; i++) {
    const rel = parts.slice(0, i).join("/");
    const abs = join(root, rel);
    if (!existsSync(abs)) {
      mkdirSync(abs);
      created.push(rel);
    }
  }
}

export function commitWrites(root: string, writes: FileWrite[]): void {
  if (writes.length === 0) return;
  const seen = new Set<string>();
  for (const w of writes) {
    if (seen.has(w.path)) throw new Error(`internal: ${w.path} written twice in one change`);
    seen.add(w.path);
  }
  const dir = stateDir(root);
  const txid = `${process.pid}-${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;
  const journalPath = join(dir, `${JOURNAL_PREFIX}${txid}.json`);
  const journal: Journal = {
    state: "prepare",
    entries: writes.map((w) => ({ path: w.path, temp: `${w.path}.${txid}.newsctl-tmp` })),
    createdDirs: [],
  };
  const originals = writes.map((w) => {
    try {
      return readFileSync(join(root, w.path));
    } catch {
      return null;
    }
  });
  try {
    for (const w of writes) makeDirs(root, dirname(w.path), journal.createdDirs);
    writeJournal(journalPath, journal);
    writes.forEach((w, i) => writeDurably(join(root, journal.entries[i]!.temp), w.content));
    faultAt("commit");
    journal.state = "commit";
    writeJournal(journalPath, journal);
  } catch (error) {
    discard(root, journal);
    rmSync(journalPath, { force: true });
    throw writeFailure(error);
  }
  let renamed = 0;
  try {
    for (const entry of journal.entries) {
      faultAt(`rename:${renamed + 1}`);
      renameSync(join(root, entry.temp), join(root, entry.path));
      renamed++;
    }
  } catch (error) {
    try {
      putBack(root, journalPath, journal, originals, renamed);
    } catch (undoError) {
      // The journal is still there: the next run finishes the change or the putting back.
      const e = undoError as NodeJS.ErrnoException;
      throw new FailureError(`could not write the archive, nor put it back (${e.code ?? "error"}: ${e.message}); the next newsctl run completes or undoes the change`);
    }
    throw writeFailure(error);
  }
  for (const d of new Set(journal.entries.map((e) => dirname(join(root, e.path))))) syncDir(d);
  rmSync(journalPath, { force: true });
}

function writeFailure(error: unknown): FailureError {
  const e = error as NodeJS.ErrnoException;
  return new FailureError(`could not write the archive (${e.code ?? "error"}: ${e.message}); no file was changed`);
}

function discard(root: string, journal: Journal): void {
  for (const e of journal.entries) rmSync(join(root, e.temp), { force: true });
  for (const d of [...journal.createdDirs].reverse()) {
    try {
      rmdirSync(join(root, d));
    } catch {
      /* not empty, or gone */
    }
  }
}

const savedCopy = (temp: string) => temp.replace(/\.newsctl-tmp$/, ".newsctl-undo");

/**
 * Puts back the first `renamed` files after a failure past the commit mark.
 * Their old bytes are saved beside them and the journal turned to "undo"
 * first, so a crash part-way is finished by recovery, never rolled forward.
 */
function putBack(root: string, journalPath: string, journal: Journal, originals: (Buffer | null)[], renamed: number): void {
  const undo = journal.entries.slice(0, renamed).map((entry, i) => {
    const original = originals[i];
    if (!original) return { path: entry.path, saved: null };
    writeDurably(join(root, savedCopy(entry.temp)), original);
    return { path: entry.path, saved: savedCopy(entry.temp) };
  });
  writeJournal(journalPath, { ...journal, state: "undo", undo });
  finishUndo(root, { ...journal, undo });
  rmSync(journalPath, { force: true });
}

/** Idempotent: a saved copy already renamed is gone, a new file already removed stays removed. */
function finishUndo(root: string, journal: Journal): void {
  (journal.undo ?? []).forEach((u, i) => {
    faultAt(`undo:${i + 1}`);
    if (u.saved === null) rmSync(join(root, u.path), { force: true });
    else if (existsSync(join(root, u.saved))) renameSync(join(root, u.saved), join(root, u.path));
  });
  discard(root, journal);
}

/**
 * Finish or undo what a killed run left. Call with the lock held.
 * Returns the paths that were rolled forward.
 */
export function recoverTransactions(root: string): string[] {
  const dir = join(root, STATE_DIR);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.startsWith(JOURNAL_PREFIX));
  } catch {
    return [];
  }
  // Under the lock, a half-written journal belongs to a run that died before it wrote any temp file.
  for (const n of names.filter((n) => n.endsWith(".tmp"))) rmSync(join(dir, n), { force: true });
  names = names.filter((n) => n.endsWith(".json"));
  const finished: string[] = [];
  for (const name of names.sort()) {
    const journalPath = join(dir, name);
    let journal: Journal;
    try {
      journal = JSON.parse(readFileSync(journalPath, "utf8")) as Journal;
    } catch {
      // A journal that never finished writing belongs to a change that never committed.
      rmSync(journalPath, { force: true });
      continue;
    }
    if (journal.state === "commit") {
      for (const e of journal.entries) {
        if (existsSync(join(root, e.temp))) {
          renameSync(join(root, e.temp), join(root, e.path));
          finished.push(e.path);
        }
        // A copy saved for putting back, by a run that died before it turned its journal to "undo".
        rmSync(join(root, savedCopy(e.temp)), { force: true });
      }
    } else if (journal.state === "undo") {
      finishUndo(root, journal);
    } else {
      discard(root, journal);
    }
    rmSync(journalPath, { force: true });
  }
  return finished;
}

export function hasPendingTransactions(root: string): boolean {
  try {
    return readdirSync(join(root, STATE_DIR)).some((n) => n.startsWith(JOURNAL_PREFIX));
  } catch {
    return false;
  }
}

/** One file replaced atomically (temp beside it, then rename), keeping its mode: for a file outside any archive lock. */
export function replaceFileAtomically(path: string, content: string | Buffer): void {
  const temp = `${path}.${process.pid}-${randomBytes(4).toString("hex")}.newsctl-tmp`;
  try {
    writeDurably(temp, content);
    try {
      chmodSync(temp, statSync(path).mode & 0o7777);
    } catch {
      /* a new file, or a file system without modes: the default is fine */
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new FailureError(`could not write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  syncDir(dirname(path));
}

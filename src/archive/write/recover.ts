// Finishing or undoing what a killed run left: the next newsctl run reads
// the journals in .newsctl/ and acts on each, under the lock. Only a
// journal newsctl could have written is acted on (see journal.ts), and only
// when no entry on the way to any file it names is a symbolic link; any
// other is left alone and reported. A failure while recovering is reported
// too: it never stops a reader from reading.

import { lstatSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describeOsError } from "../../errors.js";
import { describeFault, faultOnPath } from "../inside.js";
import { isJournalTempName, JOURNAL_PREFIX, parseJournal, savedName, type Journal } from "./journal.js";
import { STATE_DIR, stateDirProblem } from "./state-dir.js";
import { discard, finishUndo } from "./transaction.js";

export interface Recovery {
  /** The files rolled forward. */
  finished: string[];
  /** One line per journal not acted on or not finished: which, why, and what to do. */
  problems: string[];
}

function journalNames(root: string): string[] {
  if (stateDirProblem(root)) return [];
  try {
    return readdirSync(join(root, STATE_DIR)).filter((n) => n.startsWith(JOURNAL_PREFIX));
  } catch {
    return [];
  }
}

export function hasPendingTransactions(root: string): boolean {
  return journalNames(root).length > 0;
}

/** Why the files a journal names cannot be touched safely, or null. */
function pathsProblem(root: string, journal: Journal): string | null {
  const checks: [string, "file" | "folder"][] = [
    ...journal.entries.flatMap((e, i): [string, "file"][] => [
      [e.path, "file"],
      [e.temp, "file"],
      [savedName(e.path, journal.txid, i), "file"],
    ]),
    ...journal.createdDirs.map((d): [string, "folder"] => [d, "folder"]),
  ];
  for (const [path, kind] of checks) {
    const fault = faultOnPath(root, path, kind);
    if (fault) return describeFault(fault);
  }
  return null;
}

const isFile = (abs: string) => lstatSync(abs, { throwIfNoEntry: false })?.isFile() ?? false;

/** Act on one checked journal; returns the files rolled forward. */
function replay(root: string, journal: Journal): string[] {
  const finished: string[] = [];
  if (journal.state === "commit") {
    journal.entries.forEach((e, i) => {
      if (isFile(join(root, e.temp))) {
        renameSync(join(root, e.temp), join(root, e.path));
        finished.push(e.path);
      }
      // A copy saved for putting back, by a run that died before it turned its journal to "undo".
      rmSync(join(root, savedName(e.path, journal.txid, i)), { force: true });
    });
  } else if (journal.state === "undo") {
    finishUndo(root, journal);
  } else {
    discard(root, journal);
  }
  return finished;
}

/** Finish or undo what killed runs left. Call with the lock held. */
export function recoverTransactions(root: string): Recovery {
  const dir = join(root, STATE_DIR);
  const out: Recovery = { finished: [], problems: [] };
  for (const name of journalNames(root).sort()) {
    const shown = `${STATE_DIR}/${name}`;
    try {
      if (isJournalTempName(name)) {
        // Under the lock, a half-written journal belongs to a run that died before it wrote any temp file.
        if (isFile(join(dir, name))) rmSync(join(dir, name));
        continue;
      }
      if (!isFile(join(dir, name))) throw new Refusal("not a regular file");
      const journal = parseJournal(name, readFileSync(join(dir, name), "utf8"));
      if (typeof journal === "string") throw new Refusal(journal);
      const unsafe = pathsProblem(root, journal);
      if (unsafe) throw new Refusal(unsafe);
      out.finished.push(...replay(root, journal));
      rmSync(join(dir, name));
    } catch (error) {
      out.problems.push(
        error instanceof Refusal
          ? `${shown}: not a journal newsctl could have written (${error.message}); it was not acted on; if no newsctl is running, delete it`
          : `${shown}: could not finish the change an earlier run left half-done (${describeOsError(error)}); fix that and run newsctl again, or delete the journal and restore the files it names from git`,
      );
    }
  }
  return out;
}

class Refusal extends Error {}

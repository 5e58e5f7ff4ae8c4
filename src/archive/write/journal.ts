// The journal of a change in progress: .newsctl/journal-<txid>.json. It names
// the files of one change, their temp files and, while a failed change is
// put back, the saved copies of their old bytes. Since .newsctl/ is just a
// folder in the repository, a journal may come from anyone: recovery acts
// only on a journal newsctl could have written, checked here field by field.

import { randomBytes } from "node:crypto";
import { dirname } from "node:path";
import { writeAtomically, type NewFileOptions } from "./atomic.js";
import { newsPathProblem, relPathProblem } from "../inside.js";
import { parseArchivePath } from "../format/paths.js";

export interface JournalEntry {
  /** Archive-relative path of the file the change writes. */
  path: string;
  /** Its temp file, beside it: always tempName(path, txid, index). */
  temp: string;
}

export interface UndoEntry {
  path: string;
  /** The saved copy of its old bytes (savedName(...)); null: the file was new, remove it. */
  saved: string | null;
}

export interface Journal {
  txid: string;
  state: "prepare" | "commit" | "undo";
  entries: JournalEntry[];
  /** Folders this change created, shallowest first; removed again on rollback when empty. */
  createdDirs: string[];
  /** State "undo": each file already replaced, in the order of `entries`. */
  undo?: UndoEntry[];
}

const TXID = "[0-9]{1,10}-[0-9a-z]{1,12}-[0-9a-f]{8}";
const JOURNAL_NAME = new RegExp(`^journal-(${TXID})\\.json$`);
const JOURNAL_TEMP_NAME = new RegExp(`^journal-${TXID}\\.json\\.tmp$`);
export const JOURNAL_PREFIX = "journal-";

export function newTxid(): string {
  return `${process.pid}-${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;
}

export const journalName = (txid: string): string => `${JOURNAL_PREFIX}${txid}.json`;
export const isJournalTempName = (name: string): boolean => JOURNAL_TEMP_NAME.test(name);

/**
 * Temp and saved-copy names are short and fixed in length, whatever the
 * length of the file's own name (which may already be near the 255-byte
 * limit); the leading dot keeps them out of every listing of the archive.
 */
function besideName(path: string, txid: string, index: number, kind: "tmp" | "undo"): string {
  return `${dirname(path)}/.newsctl-${txid}-${index + 1}.${kind}`;
}

export const tempName = (path: string, txid: string, index: number): string => besideName(path, txid, index, "tmp");
export const savedName = (path: string, txid: string, index: number): string => besideName(path, txid, index, "undo");

export function writeJournal(dir: string, journal: Journal, options: Pick<NewFileOptions, "beforeWrite"> = {}): void {
  const name = journalName(journal.txid);
  writeAtomically(dir, name, JSON.stringify(journal), { ...options, temp: `${name}.tmp`, durable: true });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** `v` is an object with every key of `required`, and no key beyond those and `optional`. */
function keysProblem(v: unknown, required: string[], what: string, optional: string[] = []): string | null {
  if (!isObject(v)) return `${what} is not an object`;
  const extra = Object.keys(v).find((k) => !required.includes(k) && !optional.includes(k));
  if (extra !== undefined) return `${what} has an unknown field ${JSON.stringify(extra)}`;
  const missing = required.find((k) => !(k in v));
  return missing !== undefined ? `${what} has no ${missing}` : null;
}

/** The journal in `text`, named `name`; or why newsctl could not have written it. */
export function parseJournal(name: string, text: string): Journal | string {
  const m = JOURNAL_NAME.exec(name);
  if (!m) return "not a journal name newsctl writes";
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return "not valid JSON";
  }
  const shape = keysProblem(data, ["txid", "state", "entries", "createdDirs"], "the journal", ["undo"]);
  if (shape) return shape;
  const j = data as Record<string, unknown>;
  if (j["txid"] !== m[1]) return "its txid does not match its file name";
  if (!["prepare", "commit", "undo"].includes(j["state"] as string)) return "an unknown state";
  const journal = data as Journal;
  return entriesProblem(journal) ?? dirsProblem(journal) ?? undoProblem(journal) ?? journal;
}

function entriesProblem({ txid, entries }: Journal): string | null {
  if (!Array.isArray(entries) || entries.length === 0) return "no entries";
  const seen = new Set<string>();
  for (const [i, e] of entries.entries()) {
    const what = `entry ${i + 1}`;
    const shape = keysProblem(e, ["path", "temp"], what);
    if (shape) return shape;
    const bad = relPathProblem(e.path) ?? (parseArchivePath(e.path) ? null : "not an archive file path (news/YYYY/MM/D/<name>.md)");
    if (bad) return `${what}: path ${JSON.stringify(e.path)} is ${bad}`;
    if (seen.has(e.path)) return `${what}: path ${JSON.stringify(e.path)} appears twice`;
    seen.add(e.path);
    if (e.temp !== tempName(e.path, txid, i)) return `${what}: temp ${JSON.stringify(e.temp)} is not the temp file newsctl makes for it`;
  }
  return null;
}

function dirsProblem({ entries, createdDirs }: Journal): string | null {
  if (!Array.isArray(createdDirs)) return "createdDirs is not a list";
  for (const d of createdDirs) {
    const bad = newsPathProblem(d);
    if (bad) return `createdDirs: ${JSON.stringify(d)} is ${bad}`;
    if (!entries.some((e) => e.path.startsWith(`${d}/`))) return `createdDirs: ${JSON.stringify(d)} holds none of the change's files`;
  }
  return new Set(createdDirs).size === createdDirs.length ? null : "createdDirs names a folder twice";
}

function undoProblem({ txid, state, entries, undo }: Journal): string | null {
  if (undo === undefined) return state === "undo" ? "state undo without an undo list" : null;
  if (state !== "undo") return "an undo list outside the undo state";
  if (!Array.isArray(undo) || undo.length > entries.length) return "undo is not a list of the change's files";
  for (const [i, u] of undo.entries()) {
    const what = `undo ${i + 1}`;
    const shape = keysProblem(u, ["path", "saved"], what);
    if (shape) return shape;
    if (u.path !== entries[i]!.path) return `${what}: path ${JSON.stringify(u.path)} is not entry ${i + 1}'s`;
    if (u.saved !== null && u.saved !== savedName(u.path, txid, i)) return `${what}: saved ${JSON.stringify(u.saved)} is not the copy newsctl makes for it`;
  }
  return null;
}

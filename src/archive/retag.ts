// Renaming (or merging) context tags across the archive, planned as
// whole-file writes of current versions only: superseded versions are
// history. Every file is parsed again from the bytes planned for it, and the
// plan stands only if it reads back as the rename says. Pure: writes nothing.

import { setFrontMatter } from "./format/event-edit.js";
import { eventContexts, sortTags } from "./format/contexts.js";
import { parseEvent } from "./format/parse-event.js";
import { retagContextLine, retagFrontMatter, retagList, type Retag } from "./format/tag-edit.js";
import { cloneDoc, joinText, replaceLine, type TextDoc } from "./format/text.js";
import type { FileWrite } from "./write/transaction.js";
import type { Archive, EventFile } from "./types.js";

export interface RetagPlan {
  from: string[];
  to: string;
  writes: FileWrite[];
  /** Each written file's bytes before, for diffs. */
  before: Map<string, string>;
  /** Events whose own tags change. */
  events: number;
}

/** A file whose bytes would not read back as the rename says: the 1-based line where it went wrong. */
export class RetagRefused extends Error {
  constructor(
    readonly path: string,
    readonly line: number,
  ) {
    super(`${path}:${line}: the new tag would not read back as written`);
  }
}

export function planRetag(archive: Archive, from: string[], to: string): RetagPlan {
  const retag: Retag = { from: new Set(from), to };
  const writes: FileWrite[] = [];
  const before = new Map<string, string>();
  let events = 0;
  for (const event of archive.events) {
    const file = event.current;
    if (!file.title) continue;
    if (event.contexts.some((t) => retag.from.has(t))) events++;
    const content = retagFile(file, retag);
    if (content === null) continue;
    writes.push({ path: file.path, content });
    before.set(file.path, joinText(file.doc));
  }
  writes.sort((a, b) => (a.path < b.path ? -1 : 1));
  return { from, to, writes, before, events };
}

/** The tags front matter declares, when it declares a list (what the model reads). */
function declaredTags(file: EventFile): string[] | null {
  const declared = file.frontMatter?.data?.["contexts"];
  if (!Array.isArray(declared)) return null;
  return declared.filter((t): t is string | number => typeof t === "string" || typeof t === "number").map(String);
}

type FrontMatterEdit = (doc: TextDoc, file: EventFile, retag: Retag) => boolean;

/** Tried in turn until one reads back: each item's own bytes, the same quoted, the whole key rewritten. */
const FRONT_MATTER_EDITS: FrontMatterEdit[] = [
  (doc, file, retag) => retagFrontMatter(doc, file.frontMatter!, retag, false),
  (doc, file, retag) => retagFrontMatter(doc, file.frontMatter!, retag, true),
  (doc, file, retag) => {
    const tags = retagList(declaredTags(file)!, retag).map((t) => t.trim());
    setFrontMatter(doc, file, [["contexts", `[${tags.map((t) => JSON.stringify(t)).join(", ")}]`]]);
    return true;
  },
];

function retagFile(file: EventFile, retag: Retag): string | null {
  const lines = new Map<number, string>();
  for (const r of file.related) {
    const text = retagContextLine(file.doc.lines[r.line - 1]!, r.link.end, retag);
    if (text !== null) lines.set(r.line - 1, text);
  }
  const declared = declaredTags(file);
  const inFrontMatter = declared !== null && declared.some((t) => retag.from.has(t.trim()));
  if (lines.size === 0 && !inFrontMatter) return null;
  const edits: (FrontMatterEdit | null)[] = inFrontMatter ? FRONT_MATTER_EDITS : [null];
  for (const edit of edits) {
    const doc = cloneDoc(file.doc);
    for (const [index, text] of lines) replaceLine(doc, index, text);
    if (edit && !edit(doc, file, retag)) continue;
    const content = joinText(doc);
    if (readsBack(file, content, retag)) return content;
  }
  const firstLine = inFrontMatter ? 1 : Math.min(...lines.keys()) + 1;
  throw new RetagRefused(file.path, firstLine);
}

/** Parsed again, the file says what it said, with the tags renamed and nothing else moved. */
function readsBack(file: EventFile, content: string, retag: Retag): boolean {
  const again = parseEvent(file.path, file.info, content);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const { contexts: _a, ...restBefore } = file.frontMatter?.data ?? {};
  const { contexts: _b, ...restAfter } = again.frontMatter?.data ?? {};
  return (
    same(
      again.notes.map((n) => [n.rule, n.message]),
      file.notes.map((n) => [n.rule, n.message]),
    ) &&
    same(restAfter, restBefore) &&
    again.title?.text === file.title?.text &&
    same(again.summary, file.summary) &&
    same(
      again.sources.map((s) => [s.text, s.dest]),
      file.sources.map((s) => [s.text, s.dest]),
    ) &&
    same(
      again.changes.map((c) => [c.text, c.dest, c.kind, c.timestamp]),
      file.changes.map((c) => [c.text, c.dest, c.kind, c.timestamp]),
    ) &&
    same(
      again.related.map((r) => [r.text, r.dest, r.contexts]),
      file.related.map((r) => [r.text, r.dest, retagList(r.contexts, retag)]),
    ) &&
    same(eventContexts(again), sortTags(retagList(eventContexts(file), retag)))
  );
}

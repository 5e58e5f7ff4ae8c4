// A lean, flat form of a parsed file: nested arrays of strings and numbers,
// cheap to send from a worker thread and to keep in the cache, and turned
// back into the very same ArchiveFile (field by field) on the other side.
// The text itself (`doc`) is not carried: it is read again from disk on first
// use, and only if the file is still the one that was parsed.

import { openSync, fstatSync, readSync, closeSync } from "node:fs";
import { join } from "node:path";
import { FailureError } from "../../errors.js";
import type { InlineLink, LinkTarget } from "../format/links.js";
import { parseArchivePath } from "../format/paths.js";
import { splitText, type TextDoc } from "../format/text.js";
import type { ArchiveFile, ChangeItem, DayPage, EventFile, LinkItem, ParseNote, RelatedItem, Section, SectionName, SourceItem } from "../types.js";

/** What a file looked like on disk when it was read. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export type FileRecord = unknown[];

const EVENT = 1;
const DAY = 2;
const UNREADABLE = 3;
const KIND_CODES = ["first", "update", "current", "unknown"] as const;

export function toRecord(file: ArchiveFile, stamp: FileStamp): FileRecord {
  const head = [file.path, stamp.size, stamp.mtimeMs, file.notes.map(noteRecord)];
  if (file.kind === "unreadable") return [UNREADABLE, ...head];
  if (file.kind === "day") return [DAY, ...head, file.lastItemIndex, file.entries.map(linkRecord)];
  const sections = Object.values(file.sections).map((s) => [s.name, s.headingIndex, s.lastItemIndex]);
  const fm = file.frontMatter ? [file.frontMatter.endIndex, file.frontMatter.language, file.frontMatter.data] : null;
  return [
    EVENT,
    ...head,
    fm,
    file.dateLine ? [...linkRecord(file.dateLine), file.dateLine.date] : null,
    file.title ? [file.title.text, file.title.line, file.title.column, file.title.index] : null,
    file.summary,
    file.sources.map((s) => [...linkRecord(s), s.isCover]),
    file.related.map((r) => [...linkRecord(r), r.contexts]),
    file.changes.map((c) => [...linkRecord(c), c.timestamp, KIND_CODES.indexOf(c.kind)]),
    sections,
  ];
}

/** The record's path and stamp, without building the file. */
export function recordKey(rec: FileRecord): { path: string } & FileStamp {
  return { path: rec[1] as string, size: rec[2] as number, mtimeMs: rec[3] as number };
}

/** Returns one shared copy of equal strings; see createInterner. */
export type Intern = ((s: string) => string) & { target?: (dest: string) => LinkTarget };

/**
 * Link texts, destinations, titles and tags repeat across files (a title is
 * copied into every Related and Changes item that points at it): one copy
 * each keeps a large archive's model well inside its memory budget. So do
 * internal link targets, which are plain data ({kind, path}) nobody edits.
 */
export function createInterner(): Intern {
  const seen = new Map<string, string>();
  const targets = new Map<string, LinkTarget>();
  const intern: Intern = (s) => {
    const known = seen.get(s);
    if (known !== undefined) return known;
    seen.set(s, s);
    return s;
  };
  intern.target = (dest) => {
    let target = targets.get(dest);
    if (!target) {
      target = { kind: "internal", path: intern(dest.slice(1)) };
      targets.set(dest, target);
    }
    return target;
  };
  return intern;
}

const keep: Intern = (s) => s;

export function fromRecord(root: string, rec: FileRecord, intern: Intern = keep): ArchiveFile {
  const [kind, rawPath, size, mtimeMs, notes] = rec as [number, string, number, number, unknown[][]];
  const path = intern(rawPath);
  const info = parseArchivePath(path);
  const parsedNotes = notes.map(noteFrom);
  if (kind === UNREADABLE) return { kind: "unreadable", path, info, notes: parsedNotes };
  if (!info) throw new Error(`cache record for ${path} has no archive path`);
  const stamp = { size, mtimeMs };
  if (kind === DAY) {
    const page: DayPage = {
      kind: "day",
      path,
      info,
      get doc(): TextDoc {
        return loadDocInto(this, root, stamp);
      },
      set doc(value: TextDoc) {
        keepDoc(this, value);
      },
      entries: (rec[6] as unknown[][]).map((r) => linkFrom(path, r, intern)),
      lastItemIndex: rec[5] as number,
      notes: parsedNotes,
    };
    return page;
  }
  if (kind !== EVENT) throw new Error(`unknown record kind ${String(kind)}`);
  const [fm, dateLine, title, summary, sources, related, changes, sections] = rec.slice(5) as [
    [number, string, Record<string, unknown> | null] | null,
    unknown[] | null,
    [string, number, number, number] | null,
    string,
    unknown[][],
    unknown[][],
    unknown[][],
    [SectionName, number, number][],
  ];
  // `doc` is an accessor written in the literal (not added later) so every
  // file keeps one fast object shape.
  const file: EventFile = {
    kind: "event",
    path,
    info,
    get doc(): TextDoc {
      return loadDocInto(this, root, stamp);
    },
    set doc(value: TextDoc) {
      keepDoc(this, value);
    },
    frontMatter: fm ? { endIndex: fm[0], language: fm[1], data: fm[2] } : null,
    dateLine: dateLine ? dateLineFrom(path, dateLine, intern) : null,
    title: title ? { text: intern(title[0]), line: title[1], column: title[2], index: title[3] } : null,
    summary,
    sources: sources.map((r) => sourceFrom(path, r, intern)),
    related: related.map((r) => relatedFrom(path, r, intern)),
    changes: changes.map((r) => changeFrom(path, r, intern)),
    sections: sectionsFrom(sections),
    notes: parsedNotes,
  };
  return file;
}

function sectionsFrom(list: [SectionName, number, number][]): Partial<Record<SectionName, Section>> {
  const out: Partial<Record<SectionName, Section>> = {};
  for (const [name, headingIndex, lastItemIndex] of list) out[name] = { name, headingIndex, lastItemIndex };
  return out;
}

function noteRecord(n: ParseNote): unknown[] {
  return [n.line, n.column, n.rule, n.severity, n.message];
}

function noteFrom(r: unknown[]): ParseNote {
  return { line: r[0] as number, column: r[1] as number, rule: r[2] as string, severity: r[3] as ParseNote["severity"], message: r[4] as string };
}

// The target is almost always the destination minus its leading slash: send
// a 0 for that and the whole target only when it differs.
function linkRecord(item: LinkItem): unknown[] {
  const { link, target } = item;
  const plain = target.kind === "internal" && item.dest.length === target.path.length + 1 && item.dest === "/" + target.path;
  return [item.text, item.dest, item.line, link.start, link.end, link.destStart, link.destEnd, link.angle, plain ? 0 : target];
}

function linkOf(path: string, r: unknown[], intern: Intern): InlineLink {
  const text = r[0];
  const dest = r[1];
  const start = r[3];
  if (typeof text !== "string" || typeof dest !== "string" || typeof start !== "number") throw new Error(`bad link record in ${path}`);
  return { text: intern(text), dest: intern(dest), start, end: r[4] as number, destStart: r[5] as number, destEnd: r[6] as number, angle: r[7] as boolean };
}

function targetOf(link: InlineLink, r: unknown[], intern: Intern): LinkTarget {
  if (r[8] !== 0) return r[8] as LinkTarget;
  return intern.target ? intern.target(link.dest) : { kind: "internal", path: link.dest.slice(1) };
}

// One literal per item kind, keys in the parser's order: no temporary objects.
function linkFrom(path: string, r: unknown[], intern: Intern): LinkItem {
  const link = linkOf(path, r, intern);
  return { text: link.text, dest: link.dest, target: targetOf(link, r, intern), link, line: r[2] as number, column: link.start + 1 };
}

function sourceFrom(path: string, r: unknown[], intern: Intern): SourceItem {
  const link = linkOf(path, r, intern);
  return { text: link.text, dest: link.dest, target: targetOf(link, r, intern), link, line: r[2] as number, column: link.start + 1, isCover: r[9] as boolean };
}

function relatedFrom(path: string, r: unknown[], intern: Intern): RelatedItem {
  const link = linkOf(path, r, intern);
  return { text: link.text, dest: link.dest, target: targetOf(link, r, intern), link, line: r[2] as number, column: link.start + 1, contexts: (r[9] as string[]).map(intern) };
}

function changeFrom(path: string, r: unknown[], intern: Intern): ChangeItem {
  const link = linkOf(path, r, intern);
  const kind = KIND_CODES[r[10] as number]!;
  return { text: link.text, dest: link.dest, target: targetOf(link, r, intern), link, line: r[2] as number, column: link.start + 1, timestamp: r[9] as string | null, kind };
}

function dateLineFrom(path: string, r: unknown[], intern: Intern): NonNullable<EventFile["dateLine"]> {
  const link = linkOf(path, r, intern);
  return { text: link.text, dest: link.dest, target: targetOf(link, r, intern), link, line: r[2] as number, column: link.start + 1, date: r[9] as string };
}

/**
 * `doc` stays an ordinary, enumerable property: the first read loads the
 * file and replaces the accessor with the value. A file that changed since
 * it was parsed is refused rather than edited at the wrong lines.
 */
function loadDocInto(file: { path: string }, root: string, stamp: FileStamp): TextDoc {
  const doc = loadDoc(root, file.path, stamp);
  keepDoc(file, doc);
  return doc;
}

function keepDoc(file: object, doc: TextDoc): void {
  Object.defineProperty(file, "doc", { value: doc, writable: true, configurable: true, enumerable: true });
}

function loadDoc(root: string, path: string, stamp: FileStamp): TextDoc {
  let read: { bytes: Buffer; stamp: FileStamp };
  try {
    read = readStamped(join(root, path));
  } catch (error) {
    throw new FailureError(`${path}: cannot read the file again (${(error as NodeJS.ErrnoException).code ?? "error"}); run the command again`);
  }
  if (read.stamp.size !== stamp.size || read.stamp.mtimeMs !== stamp.mtimeMs) {
    throw new FailureError(`${path} changed on disk while newsctl was running; run the command again`);
  }
  return splitText(read.bytes.toString("utf8"));
}

/** readFileSync's own system calls (open, fstat, read, close), keeping what fstat saw. */
export function readStamped(abs: string): { bytes: Buffer; stamp: FileStamp } {
  const fd = openSync(abs, "r");
  try {
    const st = fstatSync(fd);
    const bytes = Buffer.allocUnsafe(st.size);
    let got = 0;
    while (got < st.size) {
      const n = readSync(fd, bytes, got, st.size - got, got);
      if (n === 0) break;
      got += n;
    }
    return { bytes: got === st.size ? bytes : bytes.subarray(0, got), stamp: { size: st.size, mtimeMs: st.mtimeMs } };
  } finally {
    closeSync(fd);
  }
}

// The last check before a write is committed: the new text is parsed again
// and must say what the command meant it to say. A field the command changed
// reads back as the value given; every other field reads back as it did
// before. Any difference refuses the whole change, naming the file, the field
// and the first character that differs: a file is never written that says
// less, or other, than its author asked.

import { UsageError } from "../../errors.js";
import { describeChar, quote } from "./fields.js";
import { eventContexts } from "./contexts.js";
import { parseDayPage } from "./parse-day.js";
import { parseEvent } from "./parse-event.js";
import { parseArchivePath } from "./paths.js";
import type { DayPage, EventFile, LinkItem } from "../types.js";
import { linkTitle } from "./write.js";

export interface EventValues {
  date: string | null;
  title: string | null;
  summary: string;
  sources: { name: string; url: string }[];
  covers: string[];
  /** Front matter `contexts:` (sorted); null when the file does not declare them. */
  tags: string[] | null;
  related: { title: string; to: string; contexts: string[] }[];
  changes: { title: string; to: string; kind: string; timestamp: string | null }[];
}

export interface DayEntryValue {
  title: string;
  to: string;
}

const LABEL: Record<keyof EventValues, string> = {
  date: "the date line",
  title: "the title",
  summary: "the summary",
  sources: "the Source list",
  covers: "the Cover Image",
  tags: "the context tags",
  related: "the Related list",
  changes: "the Changes list",
};

/** Where a link points: the archive path, or the destination as written. */
export function linkTarget(item: LinkItem): string {
  return item.target.kind === "internal" ? item.target.path : item.dest;
}

export function eventValues(file: EventFile): EventValues {
  return {
    date: file.dateLine?.date ?? null,
    title: file.title ? file.title.text.trim() : null,
    summary: file.summary,
    sources: file.sources.filter((s) => !s.isCover).map((s) => ({ name: linkTitle(s), url: s.dest })),
    covers: file.sources.filter((s) => s.isCover).map((s) => s.dest),
    tags: Array.isArray(file.frontMatter?.data?.["contexts"]) ? eventContexts(file) : null,
    related: file.related.map((r) => ({ title: linkTitle(r), to: linkTarget(r), contexts: r.contexts })),
    changes: file.changes.map((c) => ({ title: linkTitle(c), to: linkTarget(c), kind: c.kind, timestamp: c.timestamp })),
  };
}

export function dayEntryValues(page: DayPage): DayEntryValue[] {
  return page.entries.map((e) => ({ title: linkTitle(e), to: linkTarget(e) }));
}

/** Refuse (exit 2) unless `text`, read as the event file at `path`, gives `expected`, and no parse note the old text lacked. */
export function verifyEvent(path: string, text: string, expected: EventValues, before: EventFile | null = null): void {
  const file = parseEvent(path, parseArchivePath(path)!, text);
  refuseNewNotes(path, file.notes, before?.notes ?? []);
  const actual = eventValues(file);
  for (const field of Object.keys(LABEL) as (keyof EventValues)[]) {
    const diff = difference(expected[field], actual[field]);
    if (diff !== null) refuse(path, `${LABEL[field]} would not read back as written: ${diff}`);
  }
}

export function verifyDayPage(path: string, text: string, expected: DayEntryValue[], before: DayPage | null = null): void {
  const page = parseDayPage(path, parseArchivePath(path)!, text);
  refuseNewNotes(path, page.notes, before?.notes ?? []);
  const diff = difference(expected, dayEntryValues(page));
  if (diff !== null) refuse(path, `the day page's list would not read back as written: ${diff}`);
}

function refuse(path: string, why: string): never {
  throw new UsageError(`${path}: ${why}; nothing was written`);
}

/**
 * A note of a rule the old text had fewer of: the write would make the file
 * worse. Malformed list items are the author's own lines, copied as they are
 * (a Changes list shared by every version carries its current version's).
 */
function refuseNewNotes(path: string, notes: { rule: string; line: number; message: string }[], old: { rule: string }[]): void {
  const count = new Map<string, number>();
  for (const n of old) count.set(n.rule, (count.get(n.rule) ?? 0) + 1);
  for (const n of notes) {
    if (n.rule === "malformed-item") continue;
    const left = count.get(n.rule) ?? 0;
    if (left === 0) refuse(path, `the new text would not read back cleanly (line ${n.line}: ${n.message})`);
    count.set(n.rule, left - 1);
  }
}

/** Where two values part, for a person; null when they are equal. */
function difference(expected: unknown, actual: unknown, where = ""): string | null {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
      if (i >= actual.length) return `${where}item ${i + 1} would be lost`;
      if (i >= expected.length) return `${where}an extra item ${i + 1} would appear`;
      const d = difference(expected[i], actual[i], `${where}item ${i + 1}: `);
      if (d !== null) return d;
    }
    return null;
  }
  if (isRecord(expected) && isRecord(actual)) {
    for (const key of Object.keys(expected)) {
      const d = difference(expected[key], actual[key], `${where}${key} `);
      if (d !== null) return d;
    }
    return null;
  }
  if (expected === actual) return null;
  if (typeof expected === "string" && typeof actual === "string") return where + stringDifference(expected, actual);
  return `${where}${show(expected)} would read back as ${show(actual)}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  return typeof v === "string" ? quote(v) : v === null ? "nothing" : JSON.stringify(v);
}

function stringDifference(expected: string, actual: string): string {
  const a = [...expected];
  const b = [...actual];
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const at = i < a.length ? `at ${describeChar(a[i]!)}, character ${i + 1}` : `after character ${i}`;
  return `${quote(clip(expected, i))} would read back as ${quote(clip(actual, i))} (they part ${at})`;
}

/** Some 60 characters around where two strings part. */
function clip(text: string, at: number): string {
  const chars = [...text];
  if (chars.length <= 60) return text;
  const from = Math.max(0, at - 30);
  return (from > 0 ? "…" : "") + chars.slice(from, from + 60).join("") + (from + 60 < chars.length ? "…" : "");
}

// A new revision of an event, planned as whole-file writes: the new version
// file, the shared Changes list in every version, the day page entry, and
// the Related items of other events' current versions that pointed at the
// previous current version. Pure: reads the parsed archive, writes nothing.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { updatedChangesLines, writeChangesList } from "./changes-list.js";
import { editSources, editSummary, editTitle, setFrontMatter, type SourceValue } from "./event-edit.js";
import { isCurrent, sortTags } from "./model.js";
import { dayPagePath, formatIsoDate } from "./paths.js";
import { uniqueSlug } from "./slug.js";
import { cloneDoc, joinText, type TextDoc } from "./text.js";
import type { FileWrite } from "./transaction.js";
import type { Archive, DayPage, Event, EventFile, LinkItem } from "./types.js";
import { addDayPageEntry, formatTimestamp, linkTitle, renderDayPage, rewriteLink } from "./write.js";

/** What the event should say after the revision. `tags: null` keeps them. */
export interface RevisionRequest {
  title: string;
  summary: string;
  sources: SourceValue[];
  tags: string[] | null;
}

export type RevisionField = "title" | "summary" | "sources" | "tags";

export interface RevisionPlan {
  previous: string;
  path: string;
  title: string;
  recorded: string;
  previousRecorded: { timestamp: string; from: "front-matter" | "revise-time" };
  changed: RevisionField[];
  /** The new version first; every file the revision writes. */
  writes: FileWrite[];
  /** Each written file's bytes before (null: a new file), for diffs. */
  before: Map<string, string | null>;
  versions: string[];
  dayPage: string | null;
  repointed: string[];
  /** Versions named in the Changes list that are not in the archive. */
  missing: string[];
}

/** The event as it stands, in the shape of a request. */
export function currentValues(event: Event): RevisionRequest {
  const c = event.current;
  return {
    title: c.title ? c.title.text.trim() : "",
    summary: c.summary,
    sources: c.sources.filter((s) => !s.isCover).map((s) => ({ name: linkTitle(s), url: s.dest })),
    tags: event.contexts,
  };
}

export function changedFields(event: Event, request: RevisionRequest): RevisionField[] {
  const now = currentValues(event);
  const fields: RevisionField[] = [];
  if (request.title !== now.title) fields.push("title");
  if (request.summary !== now.summary) fields.push("summary");
  if (JSON.stringify(request.sources) !== JSON.stringify(now.sources)) fields.push("sources");
  if (request.tags && JSON.stringify(sortTags(request.tags)) !== JSON.stringify(now.tags)) fields.push("tags");
  return fields;
}

const RECORDED = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?$/;

/** When a version was recorded, from its front matter `recorded:`; null when it does not say. */
export function recordedTime(file: EventFile): string | null {
  const value = file.frontMatter?.data?.["recorded"];
  if (value instanceof Date && !Number.isNaN(value.getTime())) return formatTimestamp(value);
  if (typeof value !== "string") return null;
  const m = RECORDED.exec(value.trim());
  return m ? `${m[1]} ${m[2]}${m[3] ?? ":00"}` : null;
}

export function planRevision(archive: Archive, event: Event, request: RevisionRequest, now: Date): RevisionPlan {
  const current = event.current;
  const recorded = formatTimestamp(now);
  const fromFile = recordedTime(current);
  const previousRecorded = fromFile
    ? { timestamp: fromFile, from: "front-matter" as const }
    : { timestamp: recorded, from: "revise-time" as const };
  const changed = changedFields(event, request);
  const path = newVersionPath(archive, current, request.title);
  const changes = updatedChangesLines(current, previousRecorded.timestamp, { title: request.title, path });
  const writes: FileWrite[] = [{ path, content: joinText(newVersionDoc(current, request, changed, changes, recorded)) }];
  const versions: string[] = [];
  const missing: string[] = [];
  for (const c of current.changes) {
    if (c.target.kind === "internal" && !archive.files.has(c.target.path) && !missing.includes(c.target.path)) missing.push(c.target.path);
  }
  for (const v of event.versions) {
    const doc = cloneDoc(v.doc);
    writeChangesList(doc, v, changes);
    writes.push({ path: v.path, content: joinText(doc) });
    versions.push(v.path);
  }
  const day = dayPageWrite(archive, event, request.title, path);
  if (day) writes.push(day);
  const repointed = repointWrites(archive, event, request.title, path);
  writes.push(...repointed);
  const before = new Map<string, string | null>();
  for (const w of writes) {
    const f = archive.files.get(w.path);
    before.set(w.path, f && f.kind !== "unreadable" ? joinText(f.doc) : null);
  }
  return {
    previous: current.path,
    path,
    title: request.title,
    recorded,
    previousRecorded,
    changed,
    writes,
    before,
    versions,
    dayPage: day?.path ?? null,
    repointed: repointed.map((w) => w.path),
    missing,
  };
}

/** Same day folder; never a path any file or link already uses. */
function newVersionPath(archive: Archive, current: EventFile, title: string): string {
  const dir = current.info.dir;
  const taken = (slug: string) => {
    const p = `${dir}/${slug}.md`;
    return archive.files.has(p) || archive.inbound.has(p) || existsSync(join(archive.root, p));
  };
  return `${dir}/${uniqueSlug(title, taken)}.md`;
}

function newVersionDoc(current: EventFile, request: RevisionRequest, changed: string[], changes: string[], recorded: string): TextDoc {
  const doc = cloneDoc(current.doc);
  // Bottom-up, so each edit's line numbers are still those of the parse.
  const edits: { at: number; run: () => void }[] = [
    { at: current.sections.changes?.headingIndex ?? doc.lines.length, run: () => writeChangesList(doc, current, changes) },
    { at: current.title!.index, run: () => changed.includes("title") && editTitle(doc, current, request.title) },
    { at: current.title!.index + 1, run: () => changed.includes("summary") && editSummary(doc, current, request.summary) },
    { at: -1, run: () => setFrontMatter(doc, current, frontMatterValues(request, changed, recorded)) },
  ];
  if (changed.includes("sources")) {
    edits.push({ at: current.sections.source?.headingIndex ?? current.title!.index + 2, run: () => editSources(doc, current, request.sources) });
  }
  edits.sort((a, b) => b.at - a.at);
  for (const e of edits) e.run();
  return doc;
}

function frontMatterValues(request: RevisionRequest, changed: string[], recorded: string): [string, string][] {
  const values: [string, string][] = [];
  if (changed.includes("tags") && request.tags) {
    values.push(["contexts", `[${sortTags(request.tags).map((t) => JSON.stringify(t)).join(", ")}]`]);
  }
  values.push(["recorded", JSON.stringify(recorded)]);
  return values;
}

/** The day page lists the new version where it listed the old one (or any version of the event). */
function dayPageWrite(archive: Archive, event: Event, title: string, path: string): FileWrite | null {
  const current = event.current;
  const pagePath = dayPagePath(current.info.dir);
  const page = archive.files.get(pagePath);
  if (page && page.kind !== "day") return null;
  if (!page) {
    const date = formatIsoDate(current.info);
    const others = (archive.days.get(date)?.files ?? []).filter((f) => f.info.dir === current.info.dir && f.title && isCurrent(archive, f));
    const entries = others.map((f) => (f === current ? { title, path } : { title: f.title!.text.trim(), path: f.path }));
    return { path: pagePath, content: renderDayPage(date, entries) };
  }
  const pointsAt = (p: string) => (e: LinkItem) => e.target.kind === "internal" && e.target.path === p;
  let entries = page.entries.filter(pointsAt(current.path));
  if (entries.length === 0) {
    const older = page.entries.find((e) => event.versions.some((v) => pointsAt(v.path)(e)));
    entries = older ? [older] : [];
  }
  if (entries.length === 0) return { path: pagePath, content: joinText(addDayPageEntry(page as DayPage, title, path)) };
  const doc = cloneDoc(page.doc);
  for (const e of entries) repoint(doc, e, title, path);
  return { path: pagePath, content: joinText(doc) };
}

/** Related items in other events' current versions that point at the previous current version. */
function repointWrites(archive: Archive, event: Event, title: string, path: string): FileWrite[] {
  const previous = event.current.path;
  const writes: FileWrite[] = [];
  const from = new Set((archive.inbound.get(previous) ?? []).filter((l) => l.via === "related").map((l) => l.from));
  for (const p of [...from].sort()) {
    const f = archive.files.get(p);
    if (!f || f.kind !== "event" || archive.eventOf.get(p) === event || !isCurrent(archive, f)) continue;
    const doc = cloneDoc(f.doc);
    for (const r of f.related) if (r.target.kind === "internal" && r.target.path === previous) repoint(doc, r, title, path);
    writes.push({ path: p, content: joinText(doc) });
  }
  return writes;
}

/** The link moves; its text becomes the title unless it already reads so (stray spaces kept). */
function repoint(doc: TextDoc, item: LinkItem, title: string, path: string): void {
  rewriteLink(doc, item, linkTitle(item) === title ? { path } : { path, text: title });
}

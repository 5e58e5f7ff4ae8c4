// A new revision of an event, planned as whole-file writes: the new version
// file, the shared Changes list in every version, the day page entry, and
// the Related items of other events' current versions that pointed at the
// previous current version. A tag change also moves the `_Context: …_` lists
// between this event and its related events. Every write is parsed again and
// verified before it is returned. Pure: reads the parsed archive, writes nothing.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { shapeEvent } from "./format/layout.js";
import { expectedChanges, updatedChangesLines, writeChangesList } from "./format/changes-list.js";
import { editSources, editSummary, editTitle, setFrontMatter, type SourceValue } from "./format/event-edit.js";
import { sortTags } from "./format/contexts.js";
import { contextEdits } from "./related-contexts.js";
import { dayPageWrite, repointWrites, type NextVersion } from "./revision-others.js";
import { uniqueSlug } from "./format/slug.js";
import { cloneDoc, joinText, type TextDoc } from "./format/text.js";
import type { FileWrite } from "./write/transaction.js";
import type { Archive, Event, EventFile, RelatedItem } from "./types.js";
import { eventValues, verifyEvent, type EventValues } from "./format/verify.js";
import { formatTimestamp, linkTitle, rewriteContexts } from "./format/write.js";

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
  const next: NextVersion = { title: request.title, path, tags: changed.includes("tags") ? sortTags(request.tags!) : null };
  const changes = updatedChangesLines(current, previousRecorded.timestamp, next);
  const changeValues = expectedChanges(current, previousRecorded.timestamp, next);
  const writes: FileWrite[] = [newVersionWrite(archive, event, request, next, changes, changeValues, recorded)];
  const versions: string[] = [];
  const missing: string[] = [];
  for (const c of current.changes) {
    if (c.target.kind === "internal" && !archive.files.has(c.target.path) && !missing.includes(c.target.path)) missing.push(c.target.path);
  }
  for (const v of event.versions) {
    const doc = cloneDoc(v.doc);
    writeChangesList(doc, v, changes);
    const content = joinText(doc);
    verifyEvent(v.path, content, { ...eventValues(v), changes: changeValues }, v);
    writes.push({ path: v.path, content });
    versions.push(v.path);
  }
  const day = dayPageWrite(archive, event, next);
  if (day) writes.push(day);
  const repointed = repointWrites(archive, event, next);
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

/** The new version: a copy of the current one with the request's fields, verified to read back as them. */
function newVersionWrite(archive: Archive, event: Event, request: RevisionRequest, next: NextVersion, changes: string[], changeValues: EventValues["changes"], recorded: string): FileWrite {
  const current = event.current;
  const tags = next.tags;
  const contexts = tags ? contextEdits(current, (item) => theirTags(archive, event, item, tags)) : new Map<RelatedItem, string[]>();
  const changed = changedFields(event, request);
  const doc = newVersionDoc(current, request, changed, changes, recorded, contexts);
  const content = shapeEvent(next.path, current.info, joinText(doc));
  const old = eventValues(current);
  verifyEvent(next.path, content, {
    ...old,
    title: request.title,
    summary: request.summary,
    sources: request.sources,
    tags: tags ?? old.tags,
    related: current.related.map((r, i) => ({ ...old.related[i]!, contexts: contexts.get(r) ?? r.contexts })),
    changes: changeValues,
  }, current);
  return { path: next.path, content };
}

/** The tags this event (`mine`) and a Related item's target event share; null for an item to leave as it is. */
function theirTags(archive: Archive, event: Event, item: RelatedItem, mine: string[]): { mine: string[]; theirs: string[] } | null {
  if (item.target.kind !== "internal") return null;
  const other = archive.eventOf.get(item.target.path);
  return other && other !== event ? { mine, theirs: other.contexts } : null;
}

function newVersionDoc(current: EventFile, request: RevisionRequest, changed: string[], changes: string[], recorded: string, contexts: Map<RelatedItem, string[]>): TextDoc {
  const doc = cloneDoc(current.doc);
  // Bottom-up, so each edit's line numbers are still those of the parse. The
  // summary sits between the title and the first heading: it goes after every
  // edit below it, even one at the heading right after the title.
  const edits: { at: number; run: () => void }[] = [
    { at: current.sections.changes?.headingIndex ?? doc.lines.length, run: () => writeChangesList(doc, current, changes) },
    { at: current.title!.index, run: () => changed.includes("title") && editTitle(doc, current, request.title) },
    { at: current.title!.index + 0.5, run: () => changed.includes("summary") && editSummary(doc, current, request.summary) },
    { at: -1, run: () => setFrontMatter(doc, current, frontMatterValues(request, changed, recorded)) },
  ];
  if (changed.includes("sources")) {
    edits.push({ at: current.sections.source?.headingIndex ?? current.title!.index + 2, run: () => editSources(doc, current, request.sources) });
  }
  for (const [item, list] of contexts) edits.push({ at: item.line - 1, run: () => rewriteContexts(doc, item, list) });
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

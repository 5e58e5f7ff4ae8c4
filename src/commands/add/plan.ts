// Every file one add writes, computed from what is on disk now. Called
// inside the lock for the real write, so the slug, the day page and the
// backlinked files are read after any other writer has finished.

import { lstatSync } from "node:fs";
import { join } from "node:path";
import { findEvent } from "../../archive/find-event.js";
import { eventContexts, sharedTags, sortTags } from "../../archive/format/contexts.js";
import { dayPagePath, parseIsoDate } from "../../archive/format/paths.js";
import { readDays } from "../../archive/read/read-archive.js";
import { uniqueSlug } from "../../archive/format/slug.js";
import { cloneDoc, insertLines, joinText, lastNonBlankLine } from "../../archive/format/text.js";
import type { FileWrite } from "../../archive/write/transaction.js";
import type { Archive, EventFile } from "../../archive/types.js";
import {
  addDayPageEntry,
  appendToSection,
  markdownLink,
  nextItemNumber,
  relatedItemTail,
  renderDayPage,
  renderEvent,
  serialize,
} from "../../archive/format/write.js";
import { dayEntryValues, eventValues, verifyDayPage, verifyEvent } from "../../archive/format/verify.js";
import { checkWritePaths } from "../../archive/write/writable.js";
import { uniqueTags } from "../../archive/format/fields.js";
import { UsageError } from "../../errors.js";
import type { Draft } from "./draft.js";
import { chooseDayDir } from "./lookup.js";

export interface FileChange {
  path: string;
  /** null: the file is new. */
  before: string | null;
  after: string;
  why: "event" | "day page" | "backlink";
}

export interface AddPlan {
  path: string;
  content: string;
  changes: FileChange[];
  writes: FileWrite[];
  /** The day as it was read, for the near-identical title check. */
  day: Archive;
}

export function planAdd(root: string, draft: Draft, recorded: string): AddPlan {
  const ref = parseIsoDate(draft.date)!;
  const day = readDays(root, [ref]);
  const dir = chooseDayDir(root, ref, day);
  // Anything already at the name takes it, a dangling link included.
  const taken = (slug: string) => day.files.has(`${dir}/${slug}.md`) || lstatSync(join(root, dir, `${slug}.md`), { throwIfNoEntry: false }) !== undefined;
  const path = `${dir}/${uniqueSlug(draft.title, taken)}.md`;
  const files = relatedEvents(root, draft.related);
  // Spelled as the archive spells them before planning (src/archive/tags.ts).
  const tags = sortTags(uniqueTags(draft.tags));
  const related = files.map((file) => ({
    file,
    title: file.title!.text.trim(),
    contexts: sortTags(sharedTags(tags, eventContexts(file))),
  }));
  const content = renderEvent({
    date: draft.date,
    dayDir: dir,
    title: draft.title,
    summary: draft.summary,
    sources: draft.sources,
    cover: draft.cover,
    related: related.map((r) => ({ title: r.title, path: r.file.path, contexts: r.contexts })),
    changes: [{ title: draft.title, path, timestamp: null, kind: "current" }],
    contexts: tags,
    recorded,
  });
  verifyEvent(path, content, {
    date: draft.date,
    title: draft.title,
    summary: draft.summary,
    sources: draft.sources,
    covers: draft.cover ? [draft.cover] : [],
    tags,
    related: related.map((r) => ({ title: r.title, to: r.file.path, contexts: r.contexts })),
    changes: [{ title: draft.title, to: path, kind: "current", timestamp: null }],
  });
  const changes: FileChange[] = [{ path, before: null, after: content, why: "event" }];
  if (draft.backlink) {
    for (const r of related) changes.push(backlink(r.file, draft.title, path, r.contexts));
  }
  changes.push(dayPageChange(day, dir, draft, path));
  // A dry run shows only what a real run could write: never through a link.
  checkWritePaths(root, changes.map((c) => c.path));
  return { path, content, changes, writes: changes.map((c) => ({ path: c.path, content: c.after })), day };
}

/** Current versions, read now, each once. */
function relatedEvents(root: string, paths: string[]): EventFile[] {
  const seen = new Set<string>();
  const out: EventFile[] = [];
  for (const path of paths) {
    const file = findEvent(root, path, { cwd: root, label: `related event ${path}` }).event.current;
    if (seen.has(file.path)) continue;
    seen.add(file.path);
    out.push(file);
  }
  return out;
}

/** This event added to the end of a related event's Related list; a missing list is made before Changes. */
function backlink(file: EventFile, title: string, path: string, contexts: string[]): FileChange {
  const doc = cloneDoc(file.doc);
  const item = `${nextItemNumber(file.related.length)}. ${markdownLink(title, path)} ${relatedItemTail(contexts)}`;
  const section = file.sections.related;
  if (section) {
    appendToSection(doc, file, section, item);
  } else {
    const changes = file.sections.changes;
    if (changes) {
      const blankBefore = changes.headingIndex === 0 || doc.lines[changes.headingIndex - 1] === "";
      insertLines(doc, changes.headingIndex - 1, [...(blankBefore ? [] : [""]), "### Related:", "", item, ""]);
    } else {
      const last = lastNonBlankLine(doc);
      insertLines(doc, last, ["", "### Related:", "", item]);
    }
  }
  const after = joinText(doc);
  const expected = eventValues(file);
  expected.related.push({ title, to: path, contexts });
  verifyEvent(file.path, after, expected, file);
  return { path: file.path, before: serialize(file), after, why: "backlink" };
}

function dayPageChange(day: Archive, dir: string, draft: Draft, path: string): FileChange {
  const pagePath = dayPagePath(dir);
  const page = day.files.get(pagePath);
  if (page?.kind === "day") {
    const after = joinText(addDayPageEntry(page, draft.title, path));
    verifyDayPage(pagePath, after, [...dayEntryValues(page), { title: draft.title, to: path }], page);
    return { path: pagePath, before: serialize(page), after, why: "day page" };
  }
  if (page) {
    throw new UsageError(`${pagePath}: cannot add to the day page (${page.notes[0]?.message ?? "unreadable"}); nothing was written`);
  }
  // A day folder without a page: the new page lists the day's current events already there, then this one.
  const entries = day.events
    .map((e) => e.current)
    .filter((f) => f.info.dir === dir && f.title)
    .map((f) => ({ title: f.title!.text.trim(), path: f.path }));
  const listed = [...entries, { title: draft.title, path }];
  const after = renderDayPage(draft.date, listed);
  verifyDayPage(pagePath, after, listed.map((e) => ({ title: e.title, to: e.path })));
  return { path: pagePath, before: null, after, why: "day page" };
}

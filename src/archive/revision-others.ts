// What a revision changes in files other than the event's own versions: the
// day page entry, and the Related items of other events' current versions
// that pointed at the previous current version (repointed, and their
// `_Context: …_` lists moved with a tag change). Each write is verified.

import { isCurrent } from "./model.js";
import { dayPagePath, formatIsoDate } from "./format/paths.js";
import { contextEdits } from "./related-contexts.js";
import { cloneDoc, joinText, type TextDoc } from "./format/text.js";
import type { FileWrite } from "./write/transaction.js";
import type { Archive, DayPage, Event, LinkItem } from "./types.js";
import { dayEntryValues, eventValues, verifyDayPage, verifyEvent } from "./format/verify.js";
import { addDayPageEntry, linkTitle, renderDayPage, rewriteContexts, rewriteLink } from "./format/write.js";

export interface NextVersion {
  title: string;
  path: string;
  /** The event's tags after the revision, when it changes them. */
  tags: string[] | null;
}

/** The day page lists the new version where it listed the old one (or any version of the event). */
export function dayPageWrite(archive: Archive, event: Event, next: NextVersion): FileWrite | null {
  const current = event.current;
  const pagePath = dayPagePath(current.info.dir);
  const page = archive.files.get(pagePath);
  if (page && page.kind !== "day") return null;
  const entry = { title: next.title, to: next.path };
  if (!page) {
    const date = formatIsoDate(current.info);
    const others = (archive.days.get(date)?.files ?? []).filter((f) => f.info.dir === current.info.dir && f.title && isCurrent(archive, f));
    const entries = others.map((f) => (f === current ? { title: next.title, path: next.path } : { title: f.title!.text.trim(), path: f.path }));
    const content = renderDayPage(date, entries);
    verifyDayPage(pagePath, content, entries.map((e) => ({ title: e.title, to: e.path })));
    return { path: pagePath, content };
  }
  const pointsAt = (p: string) => (e: LinkItem) => e.target.kind === "internal" && e.target.path === p;
  let entries = page.entries.filter(pointsAt(current.path));
  if (entries.length === 0) {
    const older = page.entries.find((e) => event.versions.some((v) => pointsAt(v.path)(e)));
    entries = older ? [older] : [];
  }
  let doc: TextDoc;
  const expected = dayEntryValues(page);
  if (entries.length === 0) {
    doc = addDayPageEntry(page as DayPage, next.title, next.path);
    expected.push(entry);
  } else {
    doc = cloneDoc(page.doc);
    for (const e of entries) {
      repoint(doc, e, next);
      expected[page.entries.indexOf(e)] = entry;
    }
  }
  const content = joinText(doc);
  verifyDayPage(pagePath, content, expected, page);
  return { path: pagePath, content };
}

/** Related items in other events' current versions that point at the previous current version. */
export function repointWrites(archive: Archive, event: Event, next: NextVersion): FileWrite[] {
  const previous = event.current.path;
  const writes: FileWrite[] = [];
  const from = new Set((archive.inbound.get(previous) ?? []).filter((l) => l.via === "related").map((l) => l.from));
  for (const p of [...from].sort()) {
    const f = archive.files.get(p);
    const other = archive.eventOf.get(p);
    if (!f || f.kind !== "event" || !other || other === event || !isCurrent(archive, f)) continue;
    const pointsHere = (item: LinkItem) => item.target.kind === "internal" && item.target.path === previous;
    const tags = next.tags;
    const contexts = tags ? contextEdits(f, (item) => (pointsHere(item) ? { mine: other.contexts, theirs: tags } : null)) : new Map<LinkItem, string[]>();
    const doc = cloneDoc(f.doc);
    const expected = eventValues(f);
    f.related.forEach((r, i) => {
      if (!pointsHere(r)) return;
      const list = contexts.get(r);
      if (list) rewriteContexts(doc, r, list);
      repoint(doc, r, next);
      expected.related[i] = { title: next.title, to: next.path, contexts: list ?? r.contexts };
    });
    const content = joinText(doc);
    verifyEvent(p, content, expected, f);
    writes.push({ path: p, content });
  }
  return writes;
}

/** The link moves; its text becomes the title unless it already reads so (stray spaces kept). */
function repoint(doc: TextDoc, item: LinkItem, next: NextVersion): void {
  rewriteLink(doc, item, linkTitle(item) === next.title ? { path: next.path } : { path: next.path, text: next.title });
}


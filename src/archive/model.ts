// Parsed files -> events, days and inbound links.

import { eventContexts } from "./format/contexts.js";
import { formatIsoDate } from "./format/paths.js";
import type { Archive, ArchiveFile, Event, EventFile, InboundLink, LinkItem } from "./types.js";

export function buildArchive(root: string, list: ArchiveFile[]): Archive {
  const files = new Map<string, ArchiveFile>();
  for (const f of list) files.set(f.path, f);
  const archive: Archive = {
    root,
    files,
    events: [],
    eventOf: new Map(),
    days: new Map(),
    inbound: new Map(),
  };
  indexDays(archive, list);
  groupEvents(archive);
  indexInbound(archive, list);
  return archive;
}

function indexDays(archive: Archive, list: ArchiveFile[]): void {
  for (const f of list) {
    if (!f.info) continue;
    const date = formatIsoDate(f.info);
    let day = archive.days.get(date);
    if (!day) {
      day = { date, dirs: [], page: null, files: [] };
      archive.days.set(date, day);
    }
    if (!day.dirs.includes(f.info.dir)) day.dirs.push(f.info.dir);
    if (f.kind === "day") day.page ??= f;
    else if (f.kind === "event") day.files.push(f);
  }
}

function groupEvents(archive: Archive): void {
  const parent = new Map<string, string>();
  const find = (p: string): string => {
    let r = p;
    while (parent.get(r) !== r) r = parent.get(r)!;
    // Path compression keeps long Changes chains cheap.
    for (let q = p; q !== r; ) {
      const next = parent.get(q)!;
      parent.set(q, r);
      q = next;
    }
    return r;
  };
  const eventFiles: EventFile[] = [];
  for (const f of archive.files.values()) {
    if (f.kind === "event") {
      eventFiles.push(f);
      parent.set(f.path, f.path);
    }
  }
  for (const f of eventFiles) {
    for (const c of f.changes) {
      if (c.target.kind !== "internal" || !parent.has(c.target.path)) continue;
      const a = find(f.path);
      const b = find(c.target.path);
      if (a !== b) parent.set(a, b);
    }
  }
  const groups = new Map<string, EventFile[]>();
  for (const f of eventFiles) {
    const r = find(f.path);
    const g = groups.get(r);
    if (g) g.push(f);
    else groups.set(r, [f]);
  }
  for (const members of groups.values()) {
    const current = pickCurrent(members);
    const event: Event = { versions: orderVersions(current, members), current, contexts: eventContexts(current), unreadable: unreadableVersions(archive, members) };
    archive.events.push(event);
    for (const m of members) archive.eventOf.set(m.path, event);
  }
}

/** The version whose own Changes list marks itself current; failing that, the one most lists name. */
function pickCurrent(members: EventFile[]): EventFile {
  if (members.length === 1) return members[0]!;
  const votes = new Map<string, number>();
  for (const m of members) {
    for (const c of m.changes) {
      if (c.kind === "current" && c.target.kind === "internal") votes.set(c.target.path, (votes.get(c.target.path) ?? 0) + 1);
    }
  }
  const selfCurrent = members.filter((m) => m.changes.some((c) => c.kind === "current" && c.target.kind === "internal" && c.target.path === m.path));
  const pool = selfCurrent.length > 0 ? selfCurrent : members.filter((m) => votes.has(m.path));
  if (pool.length === 0) return members[members.length - 1]!;
  return pool.reduce((best, m) => ((votes.get(m.path) ?? 0) > (votes.get(best.path) ?? 0) ? m : best));
}

function unreadableVersions(archive: Archive, members: EventFile[]): string[] {
  const found = new Set<string>();
  for (const m of members) {
    if (m.notes.some((n) => n.rule === "parse-error")) found.add(m.path);
    for (const c of m.changes) {
      if (c.target.kind !== "internal") continue;
      const f = archive.files.get(c.target.path);
      if (f && (f.kind === "unreadable" || f.notes.some((n) => n.rule === "parse-error"))) found.add(f.path);
    }
  }
  return [...found].sort();
}

function orderVersions(current: EventFile, members: EventFile[]): EventFile[] {
  const byPath = new Map(members.map((m) => [m.path, m]));
  const ordered: EventFile[] = [];
  for (const c of current.changes) {
    if (c.target.kind !== "internal") continue;
    const m = byPath.get(c.target.path);
    if (m && !ordered.includes(m)) ordered.push(m);
  }
  for (const m of members) if (!ordered.includes(m)) ordered.push(m);
  return ordered;
}

function indexInbound(archive: Archive, list: ArchiveFile[]): void {
  for (const f of list) {
    forEachLink(f, (item, via) => {
      if (item.target.kind !== "internal") return;
      const link: InboundLink = { from: f.path, via, line: item.line, column: item.column };
      const known = archive.inbound.get(item.target.path);
      if (known) known.push(link);
      else archive.inbound.set(item.target.path, [link]);
    });
  }
}

/** Every link the model follows out of a file (not Source items: those are URLs). */
export function forEachLink(file: ArchiveFile, visit: (item: LinkItem, via: InboundLink["via"]) => void): void {
  if (file.kind === "event") {
    if (file.dateLine) visit(file.dateLine, "date");
    for (const r of file.related) visit(r, "related");
    for (const c of file.changes) visit(c, "changes");
  } else if (file.kind === "day") {
    for (const e of file.entries) visit(e, "day");
  }
}

export function isCurrent(archive: Archive, file: EventFile): boolean {
  return archive.eventOf.get(file.path)?.current === file;
}

// What "validate reports nothing new after an add" means while validate is
// built elsewhere: the archive reads back without notes, every internal
// link resolves, the day page lists the event, Related contexts are shared tags.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { readArchive } from "../src/archive/read/read-archive.js";
import type { Archive, EventFile } from "../src/archive/types.js";

/** Internal links whose target file is missing, as "from -> to". */
export function brokenLinks(archive: Archive): string[] {
  const broken: string[] = [];
  for (const [target, links] of archive.inbound) {
    if (!existsSync(join(archive.root, target))) broken.push(...links.map((l) => `${l.from} -> ${target}`));
  }
  return broken.sort();
}

export function notesOf(archive: Archive): string[] {
  const out: string[] = [];
  for (const f of archive.files.values()) for (const n of f.notes) out.push(`${f.path}:${n.line} ${n.rule} ${n.message}`);
  return out.sort();
}

/** Checks the archive after an add of `path`; returns the parsed new event. */
export function expectConsistentAdd(root: string, path: string, before: { notes: string[]; broken: string[] }): EventFile {
  const archive = readArchive(root);
  const file = archive.files.get(path);
  expect(file?.kind, `${path} was written`).toBe("event");
  const event = file as EventFile;
  expect(event.notes).toEqual([]);
  expect(notesOf(archive)).toEqual(before.notes);
  expect(brokenLinks(archive)).toEqual(before.broken);
  expect(archive.eventOf.get(path)?.current).toBe(event);
  const day = archive.days.get(event.dateLine!.date)!;
  expect(day.page?.entries.map((e) => (e.target.kind === "internal" ? e.target.path : e.dest))).toContain(path);
  const own = new Set(archive.eventOf.get(path)!.contexts.map((c) => c.toLowerCase()));
  for (const r of event.related) {
    expect(r.target.kind).toBe("internal");
    const other = archive.eventOf.get((r.target as { path: string }).path)!;
    expect(other.current.path).toBe((r.target as { path: string }).path);
    const shared = other.contexts.filter((c) => own.has(c.toLowerCase())).map((c) => c.toLowerCase());
    expect(r.contexts.map((c) => c.toLowerCase()).sort()).toEqual(shared.sort());
  }
  return event;
}

export function baseline(root: string): { notes: string[]; broken: string[] } {
  const archive = readArchive(root);
  return { notes: notesOf(archive), broken: brokenLinks(archive) };
}

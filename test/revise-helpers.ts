// Checks shared by the revise tests.

import { expect } from "vitest";
import type { Archive } from "../src/archive/types.js";

/** The whole archive reads back clean: no notes, every internal link lands on a file, one shared Changes list. */
export function expectSound(archive: Archive, currentPath: string): void {
  for (const f of archive.files.values()) {
    expect(f.notes, f.path).toEqual([]);
    if (f.kind === "unreadable") continue;
    const items = f.kind === "day" ? f.entries : [...(f.dateLine ? [f.dateLine] : []), ...f.related, ...f.changes];
    for (const item of items) {
      if (item.target.kind === "internal") expect(archive.files.has(item.target.path), `${f.path} -> ${item.dest}`).toBe(true);
    }
  }
  const event = archive.eventOf.get(currentPath)!;
  expect(event.current.path).toBe(currentPath);
  const lists = event.versions.map((v) => v.changes.map((c) => v.doc.lines[c.line - 1]));
  for (const list of lists) expect(list).toEqual(lists[0]);
  const current = event.current.changes.filter((c) => c.kind === "current");
  expect(current).toHaveLength(1);
  expect(current[0]!.target).toEqual({ kind: "internal", path: currentPath });
  for (const c of event.current.changes.slice(0, -1)) expect(c.timestamp, c.dest).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
}

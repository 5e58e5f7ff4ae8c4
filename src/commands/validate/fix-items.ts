// --fix on findings from the lean index: a repair names its file and the
// line and column of the link it changes. Only the files repaired are read
// in full (inside the lock, as they are now); each repair gets the parsed
// link at that place, or is dropped (and stays reported) when the file no
// longer has one there.

import { lstatSync } from "node:fs";
import { join } from "node:path";
import { buildArchive } from "../../archive/model.js";
import { readArchiveFile } from "../../archive/read/read-archive.js";
import type { Archive, ArchiveFile, LinkItem } from "../../archive/types.js";
import type { Diagnostic } from "./diagnostics.js";

/** The files the repairs touch, parsed; `diagnostics` get their parsed link items (or lose an unmatched fix). */
export function loadFixTargets(root: string, diagnostics: Diagnostic[]): Archive {
  const files = new Map<string, ArchiveFile | null>();
  const load = (path: string): ArchiveFile | null => {
    if (!files.has(path)) {
      // A day page that does not exist is made by the repair; one that exists is edited (or, unreadable, left alone).
      const exists = lstatSync(join(root, path), { throwIfNoEntry: false }) !== undefined;
      files.set(path, exists ? readArchiveFile(root, path) : null);
    }
    return files.get(path)!;
  };
  for (const d of diagnostics) {
    const fix = d.fix;
    if (!fix) continue;
    const file = load(fix.file);
    if (fix.kind === "add-entry") continue;
    const item = file ? itemAt(file, fix.item) : null;
    if (item) fix.item = item;
    else delete d.fix;
  }
  const found = [...files.values()].filter((f): f is ArchiveFile => f !== null);
  return buildArchive(root, found.sort((a, b) => (a.path < b.path ? -1 : 1)));
}

function itemAt(file: ArchiveFile, at: { line: number; column: number }): LinkItem | null {
  const items: LinkItem[] = file.kind === "day" ? file.entries : file.kind === "event" ? [...file.related, ...file.changes] : [];
  return items.find((i) => i.line === at.line && i.column === at.column) ?? null;
}

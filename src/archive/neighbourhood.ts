// Reading only the part of the archive one event's revision can touch:
// parsing every file costs seconds on a large archive (the files that link
// to the event come from the lean index). The parsed set is closed over
// Changes links, so every event in it is grouped (and its current version
// chosen) as a full read would.

import { buildArchive } from "./model.js";
import { readArchiveFile } from "./read.js";
import type { Archive, ArchiveFile } from "./types.js";

/** Parse `start` and every file their Changes lists name, transitively. */
export function readNeighbourhood(root: string, start: Iterable<string>, known: Set<string>): Archive {
  const files = new Map<string, ArchiveFile>();
  const queue = [...start];
  while (queue.length > 0) {
    const path = queue.pop()!;
    if (files.has(path) || !known.has(path)) continue;
    const file = readArchiveFile(root, path);
    files.set(path, file);
    if (file.kind !== "event") continue;
    for (const c of file.changes) if (c.target.kind === "internal" && !files.has(c.target.path)) queue.push(c.target.path);
  }
  return buildArchive(root, [...files.values()].sort((a, b) => (a.path < b.path ? -1 : 1)));
}

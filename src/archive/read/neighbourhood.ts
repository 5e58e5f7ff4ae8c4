// Reading only the part of the archive one event's revision can touch:
// parsing every file costs seconds on a large archive (the files that link
// to the event come from the lean index). The parsed set is closed over
// Changes links, so every event in it is grouped (and its current version
// chosen) as a full read would.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildArchive } from "../model.js";
import { readArchiveFile } from "./read-archive.js";
import type { Archive, ArchiveFile } from "../types.js";

/** The files that may be read: the archive's listing, or a test that asks the disk. */
export interface PathSet {
  has(path: string): boolean;
}

/** Parse `start` and every file their Changes lists name, transitively (only those `known` holds). */
export function readNeighbourhood(root: string, start: Iterable<string>, known: PathSet): Archive {
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

/** One pass over the bytes of `paths`, handing each file to every scan. */
export function scanBytes(root: string, paths: string[], scans: ByteScan[]): void {
  for (const path of paths) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(root, path));
    } catch {
      continue;
    }
    for (const scan of scans) scan.visit(path, bytes);
  }
}

export interface ByteScan {
  visit(path: string, bytes: Buffer): void;
}

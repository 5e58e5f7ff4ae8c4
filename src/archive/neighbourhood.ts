// Reading only the part of the archive one event's revision can touch:
// parsing every file costs seconds on a large archive, while scanning bytes
// for a file name is cheap. The parsed set is closed over Changes links, so
// every event in it is grouped (and its current version chosen) as a full
// read would.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseLinkAt, resolveLink } from "./links.js";
import { buildArchive } from "./model.js";
import { LIST_ITEM } from "./parse-event.js";
import { splitText } from "./text.js";
import { readArchiveFile } from "./read.js";
import type { Archive, ArchiveFile } from "./types.js";

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

/**
 * The paths of every file that may link to `target`, found the way the parser
 * resolves links (resolveLink): a file holding the target's name as written,
 * or any list item whose link, once its escapes and percent-encoding are
 * decoded, resolves to the target. Only files holding a `%` or a backslash
 * need the second look, and that look reads list items, not whole events.
 */
export function linkScan(target: string): ByteScan & { hits: string[] } {
  const name = Buffer.from(target.slice(target.lastIndexOf("/") + 1), "utf8");
  const hits: string[] = [];
  return {
    hits,
    visit(path, bytes) {
      if (bytes.includes(name)) hits.push(path);
      else if ((bytes.includes(PERCENT) || bytes.includes(BACKSLASH)) && linksTo(path, bytes.toString("utf8"), target)) hits.push(path);
    },
  };
}

/** linkScan's hits, in a pass of their own. */
export function scanForLinksTo(root: string, paths: string[], target: string): string[] {
  const scan = linkScan(target);
  scanBytes(root, paths, [scan]);
  return scan.hits;
}

const PERCENT = 0x25;
const BACKSLASH = 0x5c;

/** Whether a list item of the text links (as parseEvent and parseDayPage read it) to `target`. */
function linksTo(path: string, text: string, target: string): boolean {
  for (const line of splitText(text).lines) {
    if (!line.includes("%") && !line.includes("\\")) continue;
    const item = LIST_ITEM.exec(line);
    const link = item ? parseLinkAt(line, item[0].length) : null;
    if (!link) continue;
    const to = resolveLink(path, link.dest);
    if (to.kind === "internal" && to.path === target) return true;
  }
  return false;
}

// What revise and history read: the event's own files first (named by path
// or slug), then, for revise, its day folder and every file with a link to
// the current version (found in the lean index). Never the whole archive parsed.

import { basename } from "node:path";
import { filesLinkingTo } from "../../archive/index/queries.js";
import { listArchivePaths } from "../../archive/read.js";
import { readIndex } from "../../archive/read/read-index.js";
import { readNeighbourhood } from "../../archive/neighbourhood.js";
import type { Archive, Event } from "../../archive/types.js";
import { asArchivePath, findEvent } from "./find-event.js";

export interface Loaded {
  archive: Archive;
  event: Event;
}

/** Only the files EVENT names and their Changes lists: enough for history. */
export function loadEvent(root: string, arg: string, cwd: string, paths = listArchivePaths(root)): Loaded {
  const known = new Set(paths);
  const archive = readNeighbourhood(root, candidatePaths(root, paths, arg, cwd), known);
  return { archive, event: findEvent(archive, arg, cwd) };
}

/** Everything a revision of EVENT can touch or must know about. */
export function loadForRevision(root: string, arg: string, cwd: string): Loaded {
  const paths = listArchivePaths(root);
  const first = loadEvent(root, arg, cwd, paths);
  const current = first.event.current;
  const start = new Set([
    ...first.archive.files.keys(),
    ...paths.filter((p) => p.startsWith(current.info.dir + "/")),
    // Every file with a link that resolves to it, as validate resolves links (from the lean index).
    ...filesLinkingTo(readIndex(root).index!, current.path),
  ]);
  const archive = readNeighbourhood(root, start, new Set(paths));
  return { archive, event: findEvent(archive, arg, cwd) };
}

/** The files EVENT may name: one path, or every file whose name is (or starts with) the slug. */
function candidatePaths(root: string, paths: string[], arg: string, cwd: string): string[] {
  const given = arg.trim();
  if (given === "") return [];
  const path = asArchivePath(root, given, cwd);
  if (path !== null) return [path];
  const slug = given.replace(/\.md$/, "").toLowerCase();
  return paths.filter((p) => {
    const name = basename(p, ".md");
    return name !== "index" && name.startsWith(slug);
  });
}

// `list --tag` on a large unchanged archive: an index of every current
// event (path, version count, tags, in list order) saved beside validate's
// findings under the same key (every file's path, size and mtime, and
// newsctl's build). A warm run filters the index and parses only the files
// that match, instead of building the whole model.

import { buildArchive } from "../../archive/model.js";
import { readArchive, readArchiveFile } from "../../archive/read.js";
import { fingerprintArchive, loadResult, saveResult } from "../../archive/result-cache.js";
import type { Archive } from "../../archive/types.js";
import { toListItem, type ListItem } from "./item.js";

type IndexEntry = [path: string, versions: number, contexts: string[]];

const NAME = "list-index";

export interface TagQuery {
  tags: string[];
  from?: string;
  to?: string;
}

/** The items for a tag query, or null when the archive is too small for the cache to pay. */
export function listByTagCached(root: string, query: TagQuery, select: (archive: Archive) => ListItem[], current: (archive: Archive) => string[]): ListItem[] | null {
  const fingerprint = fingerprintArchive(root);
  if (!fingerprint.large) return null;
  const index = loadResult<IndexEntry[]>(root, NAME, fingerprint.key);
  if (Array.isArray(index)) return fromIndex(root, index, query);
  const archive = readArchive(root);
  if (!fingerprint.recent) saveResult(root, NAME, fingerprint.key, buildIndex(archive, current(archive)));
  return select(archive);
}

function buildIndex(archive: Archive, paths: string[]): IndexEntry[] {
  return paths.map((path) => {
    const event = archive.eventOf.get(path);
    return [path, event ? event.versions.length : 1, event ? event.contexts : []];
  });
}

function fromIndex(root: string, index: IndexEntry[], { tags, from, to }: TagQuery): ListItem[] {
  const wanted = tags.map((t) => t.trim().toLowerCase());
  const items: ListItem[] = [];
  for (const [path, versions, contexts] of index) {
    const lowered = new Set(contexts.map((c) => c.toLowerCase()));
    if (!wanted.every((t) => lowered.has(t))) continue;
    const file = readArchiveFile(root, path);
    if (file.kind !== "event") continue;
    const item = toListItem(buildArchive(root, [file]), file);
    if ((from && item.date < from) || (to && item.date > to)) continue;
    items.push({ ...item, contexts, versions });
  }
  return items;
}

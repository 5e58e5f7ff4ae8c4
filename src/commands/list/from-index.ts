// `list` over the whole archive (by tag, by range, or everything) on the
// lean index: events are chosen and ordered there, and only the files shown
// are read in full. The current events in list order (path, version count,
// tags, date: see current-events.ts) are kept beside validate's findings
// under the archive's key, so an unchanged large archive answers without
// building the index at all.

import { pathOf, resolveEvents, type Resolved } from "../../archive/index/events.js";
import { dateOf, dayPagePosition, eventContexts, hasTitle } from "../../archive/index/queries.js";
import { buildArchive } from "../../archive/model.js";
import { readArchiveFile } from "../../archive/read/read-files.js";
import { loadCacheJson, writeCacheJson } from "../../archive/read/cache-file.js";
import { readIndex } from "../../archive/read/read-index.js";
import { matchingEvents, packEvents, type CurrentEvent, type SavedEvents } from "./current-events.js";
import { toListItem, type ListItem } from "./item.js";

export interface IndexQuery {
  tags: string[];
  from?: string;
  to?: string;
  allVersions?: boolean;
}

const NAME = "list-index.json";

interface Pick {
  path: string;
  date: string;
  order: number;
  version: number;
  versions: number;
  current: boolean;
  contexts: string[];
}

export function listFromIndex(root: string, query: IndexQuery): ListItem[] {
  if (query.allVersions) {
    const { index } = readIndex(root);
    return rowsOf(root, pickFiles(resolveEvents(index!), query));
  }
  let matched: CurrentEvent[] | null = null;
  let saved: ((key: string) => SavedEvents | null) | null = null;
  const read = readIndex(root, {
    // Read (while the workers check the archive) what a warm run answers from.
    meanwhile: () => (saved = loadCacheJson<SavedEvents>(root, NAME)),
    reuse: (key) => {
      const events = saved?.(key);
      matched = events ? matchingEvents(events, query.tags, query.from, query.to) : null;
      return matched !== null;
    },
  });
  if (read.index !== null) {
    const events = pickFiles(resolveEvents(read.index), { tags: [] });
    const saved = packEvents(events);
    if (read.large && !read.recent) writeCacheJson(root, NAME, read.key, saved);
    matched = matchingEvents(saved, query.tags, query.from, query.to)!;
  }
  return rowsOf(root, matched!.map((e) => ({ ...e, order: 0, version: 0, current: true })));
}

function tagFilter(tags: string[]): (contexts: string[]) => boolean {
  const wanted = tags.map((t) => t.trim().toLowerCase());
  if (wanted.length === 0) return () => true;
  return (contexts) => {
    const lowered = new Set(contexts.map((c) => c.toLowerCase()));
    return wanted.every((t) => lowered.has(t));
  };
}

/** The files to show, in list order: by date, then day-page order, then path; superseded versions beside their current one. */
function pickFiles(r: Resolved, query: IndexQuery): Pick[] {
  const matches = tagFilter(query.tags);
  const picked: Pick[] = [];
  for (let e = 0; e < r.current.length; e++) {
    const contexts = eventContexts(r, e);
    if (!matches(contexts)) continue;
    const current = r.current[e]!;
    const position = dayPagePosition(r, current);
    const order = position < 0 ? Number.MAX_SAFE_INTEGER : position;
    const versions = r.start[e + 1]! - r.start[e]!;
    const files = query.allVersions ? Array.from(r.versions.subarray(r.start[e], r.start[e + 1])) : [current];
    files.forEach((id, version) => {
      if (!hasTitle(r, id)) return;
      const date = dateOf(r, id);
      if ((query.from && date < query.from) || (query.to && date > query.to)) return;
      picked.push({ path: pathOf(r.index, id), date, order, version, versions, current: id === current, contexts });
    });
  }
  return picked.sort(
    (a, b) =>
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      a.order - b.order ||
      (a.order === Number.MAX_SAFE_INTEGER && a.path !== b.path ? (a.path < b.path ? -1 : 1) : 0) ||
      a.version - b.version,
  );
}

/** Each picked file read in full, as list shows it; a file that is no longer an event is left out. */
function rowsOf(root: string, picked: Pick[]): ListItem[] {
  const rows: ListItem[] = [];
  for (const p of picked) {
    const file = readArchiveFile(root, p.path);
    if (file.kind !== "event") continue;
    rows.push({ ...toListItem(buildArchive(root, [file]), file), versions: p.versions, current: p.current });
  }
  return rows;
}

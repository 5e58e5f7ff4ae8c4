// The current events in list order, as `list` keeps them under the archive's
// key (.newsctl/cache/list-index.json): laid out for few JSON tokens (all
// paths in one string, tags by number), so a warm run reads 100k events in
// a few tens of milliseconds and cuts out only the paths that match.

export interface CurrentEvent {
  path: string;
  versions: number;
  contexts: string[];
  date: string;
}

export interface SavedEvents {
  /** Paths joined with NUL (no file name holds one). */
  paths: string;
  /** YYYY-MM-DD of each, joined. */
  dates: string;
  versions: number[];
  /** Every tag once; each event's tags as numbers into it. */
  tags: string[];
  tagCounts: number[];
  tagIds: number[];
}

export function packEvents(events: CurrentEvent[]): SavedEvents {
  const tags: string[] = [];
  const ids = new Map<string, number>();
  const tagIds: number[] = [];
  for (const e of events) {
    for (const t of e.contexts) {
      let id = ids.get(t);
      if (id === undefined) ids.set(t, (id = tags.push(t) - 1));
      tagIds.push(id);
    }
  }
  return {
    paths: events.map((e) => e.path).join("\0"),
    dates: events.map((e) => e.date).join(""),
    versions: events.map((e) => e.versions),
    tags,
    tagCounts: events.map((e) => e.contexts.length),
    tagIds,
  };
}

/** The saved events that have every one of `wanted` (any case) and fall in the range; null when `saved` is not well formed. */
export function matchingEvents(saved: SavedEvents, wanted: string[], from?: string, to?: string): CurrentEvent[] | null {
  if (!isSaved(saved)) return null;
  const paths = saved.paths === "" ? [] : saved.paths.split("\0");
  const n = saved.versions.length;
  if (paths.length !== n || saved.tagCounts.length !== n || saved.dates.length !== n * 10) return null;
  const want = wanted.map((w) => w.trim().toLowerCase());
  const lowered = saved.tags.map((t) => t.toLowerCase());
  const out: CurrentEvent[] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    const ids = saved.tagIds.slice(at, (at += saved.tagCounts[i]!));
    if (!want.every((w) => ids.some((id) => lowered[id] === w))) continue;
    const date = saved.dates.slice(i * 10, i * 10 + 10);
    if ((from && date < from) || (to && date > to)) continue;
    out.push({ path: paths[i]!, versions: saved.versions[i]!, contexts: ids.map((id) => saved.tags[id]!), date });
  }
  return out;
}

function isSaved(s: SavedEvents): boolean {
  return (
    typeof s === "object" &&
    s !== null &&
    typeof s.paths === "string" &&
    typeof s.dates === "string" &&
    [s.versions, s.tags, s.tagCounts, s.tagIds].every(Array.isArray) &&
    s.tagIds.every((id) => Number.isInteger(id) && id >= 0 && id < s.tags.length)
  );
}

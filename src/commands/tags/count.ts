// Context tags and how many current events carry each. Reading stays
// behind readTagSets, so a leaner index can answer it later.

import { sortTags } from "../../archive/format/contexts.js";
import { readArchive } from "../../archive/read/read-archive.js";
import type { Archive } from "../../archive/types.js";

export interface TagCount {
  tag: string;
  /** Current events carrying the tag. */
  count: number;
}

/** Each current event's own tags (events whose current version has no title are not events). */
export function tagSetsOf(archive: Archive): string[][] {
  return archive.events.filter((e) => e.current.title).map((e) => e.contexts);
}

export function readTagSets(root: string): string[][] {
  return tagSetsOf(readArchive(root));
}

/** Most used first; ties (and `by: "name"`) in name order, any case, then capitals first. */
export function countTags(sets: string[][], by: "count" | "name" = "count"): TagCount[] {
  const counts = new Map<string, number>();
  for (const set of sets) for (const tag of set) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return rankTags(counts, by);
}

/** Counts already made, in countTags' order. */
export function rankTags(counts: Map<string, number>, by: "count" | "name" = "count"): TagCount[] {
  const names = sortTags([...counts.keys()]);
  const rank = new Map(names.map((t, i) => [t, i]));
  const out = names.map((tag) => ({ tag, count: counts.get(tag)! }));
  if (by === "count") out.sort((a, b) => b.count - a.count || rank.get(a.tag)! - rank.get(b.tag)!);
  return out;
}

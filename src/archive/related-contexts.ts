// A Related item's `_Context: …_` list names the tags its two events share.
// When a revision changes an event's tags, the lists between it and the
// events it relates to (both ways) move with them: each list whose tags the
// change alters is written anew; a list that already names the shared tags
// (in any case and order) keeps its bytes, and an item without a list is
// left without one. No shared tag left gives `_Context: _`, as add writes.

import { sharedTags, sortTags } from "./format/contexts.js";
import type { EventFile, RelatedItem } from "./types.js";
import { contextTailOf } from "./format/write.js";

/** Whose tags meet in one Related item: `mine` (the file's event) and `theirs` (the target's); null to leave the item. */
export type TagPair = (item: RelatedItem) => { mine: string[]; theirs: string[] } | null;

/** The new list of each of `file`'s Related items whose shared tags differ from its list. */
export function contextEdits(file: EventFile, pairOf: TagPair): Map<RelatedItem, string[]> {
  const edits = new Map<RelatedItem, string[]>();
  for (const item of file.related) {
    const pair = pairOf(item);
    if (!pair || !contextTailOf(file.doc, item)) continue;
    const shared = sortTags(sharedTags(pair.mine, pair.theirs));
    if (!sameTags(item.contexts, shared)) edits.set(item, shared);
  }
  return edits;
}

function sameTags(a: string[], b: string[]): boolean {
  const la = new Set(a.map((t) => t.trim().toLowerCase()));
  const lb = new Set(b.map((t) => t.trim().toLowerCase()));
  return la.size === lb.size && [...la].every((t) => lb.has(t));
}

// Likely duplicate tags, grouped so an editor sees which spelling wins.
// Two tags are alike when, after folding case, diacritics (Unicode NFKD,
// marks dropped) and every character that is not a letter or digit, they
// are equal, one is the other's plural (+s, +es, y/+ies), or one (at least
// 4 letters) starts the other. Groups are closed under these links. The
// winner is the most used spelling; a tie goes to the first in name order.

import type { TagCount } from "./count.js";

/** How far a spelling is from the winner: the first fold that makes them meet. */
export type SimilarReason = "case" | "diacritics" | "punctuation" | "plural" | "prefix";

export interface SimilarGroup {
  winner: string;
  /** Current events carrying any tag of the group. */
  count: number;
  /** Most used first; the winner's reason is null. */
  tags: (TagCount & { reason: SimilarReason | null })[];
}

const MIN_PREFIX = 4;

function fold(tag: string): string {
  return tag.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
}

/** Letters and digits only; a tag of nothing else keeps its folded self. */
function compact(tag: string): string {
  const letters = fold(tag).replace(/[^\p{L}\p{N}]/gu, "");
  return letters === "" ? fold(tag) : letters;
}

/** The spellings `word` could be the plural of. */
function singulars(word: string): string[] {
  const out: string[] = [];
  if (word.endsWith("s") && !word.endsWith("ss")) out.push(word.slice(0, -1));
  if (word.endsWith("es")) out.push(word.slice(0, -2));
  if (word.endsWith("ies")) out.push(word.slice(0, -3) + "y");
  return out.filter((w) => w.length > 0);
}

function reasonBetween(tag: string, winner: string): SimilarReason {
  if (tag.toLowerCase() === winner.toLowerCase()) return "case";
  if (fold(tag) === fold(winner)) return "diacritics";
  const a = compact(tag);
  const b = compact(winner);
  if (a === b) return "punctuation";
  if (singulars(a).includes(b) || singulars(b).includes(a)) return "plural";
  return "prefix";
}

function unionFind(size: number): { find(i: number): number; union(a: number, b: number): void } {
  const parent = Array.from({ length: size }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  return { find, union: (a, b) => void (parent[find(a)] = find(b)) };
}

/** `counts` as countTags gives them (most used first); `sets` each event's tags, for group counts. */
export function similarGroups(counts: TagCount[], sets: string[][]): SimilarGroup[] {
  const keys = counts.map((c) => compact(c.tag));
  const uf = unionFind(counts.length);
  const byKey = new Map<string, number>();
  keys.forEach((k, i) => (byKey.has(k) ? uf.union(i, byKey.get(k)!) : byKey.set(k, i)));
  keys.forEach((k, i) => {
    for (const s of singulars(k)) if (byKey.has(s)) uf.union(i, byKey.get(s)!);
  });
  const sorted = [...byKey.keys()].sort();
  sorted.forEach((k, i) => {
    if ([...k].length < MIN_PREFIX) return;
    for (let j = i + 1; j < sorted.length && sorted[j]!.startsWith(k); j++) uf.union(byKey.get(k)!, byKey.get(sorted[j]!)!);
  });
  const members = new Map<number, TagCount[]>();
  counts.forEach((c, i) => {
    const root = uf.find(i);
    const list = members.get(root);
    if (list) list.push(c);
    else members.set(root, [c]);
  });
  const groups = [...members.values()].filter((tags) => tags.length > 1);
  const eventCounts = countEvents(groups, sets);
  const rank = new Map(counts.map((c, i) => [c.tag, i]));
  // counts is most used first, ties in name order: each group's first member wins.
  return groups
    .map((tags, g) => ({
      winner: tags[0]!.tag,
      count: eventCounts[g]!,
      tags: tags.map((t, i) => ({ ...t, reason: i === 0 ? null : reasonBetween(t.tag, tags[0]!.tag) })),
    }))
    .sort((a, b) => b.count - a.count || rank.get(a.winner)! - rank.get(b.winner)!);
}

/** For each group, the events carrying any of its tags (one pass over the events). */
function countEvents(groups: TagCount[][], sets: string[][]): number[] {
  const groupOf = new Map<string, number>();
  groups.forEach((tags, g) => tags.forEach((t) => groupOf.set(t.tag, g)));
  const out = groups.map(() => 0);
  for (const set of sets) {
    const seen = new Set<number>();
    for (const tag of set) {
      const g = groupOf.get(tag);
      if (g !== undefined && !seen.has(g)) {
        seen.add(g);
        out[g]!++;
      }
    }
  }
  return out;
}

// An event's context tags as its own file gives them (front matter
// `contexts:`, else its Related items' `_Context: …_` lists), and the one
// way tags are ordered and compared.

import type { EventFile } from "../types.js";

/** Front matter `contexts:` as written (plain strings and numbers only), or null when it has none. */
export function declaredContexts(file: EventFile): string[] | null {
  return contextsIn(file.frontMatter?.data ?? null);
}

/** Front matter data's `contexts:` items that can be tags (strings and numbers), or null when it is not a list. */
export function contextsIn(data: Record<string, unknown> | null): string[] | null {
  const declared = data?.["contexts"];
  if (!Array.isArray(declared)) return null;
  // Only plain tags: a YAML alias bomb nests arrays that String() would blow up.
  return declared.filter((t): t is string | number => typeof t === "string" || typeof t === "number").map(String);
}

/** Front matter `contexts:` where present, else the union of the Related contexts. */
export function eventContexts(file: EventFile): string[] {
  const declared = declaredContexts(file);
  if (declared) return sortTags(declared);
  const tags: string[] = [];
  for (const r of file.related) tags.push(...r.contexts);
  return sortTags(tags);
}

export function sortTags(tags: string[]): string[] {
  const unique = [...new Set(tags.map((t) => t.trim()).filter((t) => t.length > 0))];
  return unique.sort((a, b) => {
    const la = a.toLowerCase();
    const lb = b.toLowerCase();
    return la < lb ? -1 : la > lb ? 1 : a < b ? -1 : a > b ? 1 : 0;
  });
}

/** The tags two lists share, compared in any case, spelled as in `mine`. */
export function sharedTags(mine: string[], theirs: string[]): string[] {
  const lowered = new Set(theirs.map((t) => t.trim().toLowerCase()));
  return mine.filter((t) => lowered.has(t.trim().toLowerCase()));
}

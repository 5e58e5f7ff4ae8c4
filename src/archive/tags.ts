// The archive's tag vocabulary: every context tag it uses, wherever it uses
// it (front matter `contexts:` and the Related items' `_Context: …_` lists,
// where the seed keeps all of its tags), so that flags, prompts and revise
// spell a tag the way the archive does. A tag is one tag in any case. Its
// count is the number of event files (any version) using it; its spelling is
// the one most of them use, a tie going to the one seen first (files in path
// order, front matter before Related items, top to bottom).

import { cleanTag, uniqueTags } from "./format/fields.js";
import { declaredContexts } from "./format/contexts.js";
import type { Archive, EventFile } from "./types.js";

export interface TagUse {
  tag: string;
  count: number;
}

/** Every spelling of a context tag in one file, in the order they appear. */
export function fileTags(file: EventFile): string[] {
  const tags = [...(declaredContexts(file) ?? [])];
  for (const r of file.related) tags.push(...r.contexts);
  return [...new Set(tags.map(cleanTag).filter((t) => t !== ""))];
}

interface Tally {
  files: number;
  spellings: Map<string, { files: number; order: number }>;
}

/** The vocabulary of `files` (in path order): one entry per tag, most used first, then by name. */
export function tagVocabulary(files: Iterable<EventFile>): TagUse[] {
  const lists: string[][] = [];
  for (const file of files) lists.push(fileTags(file));
  return vocabularyOf(lists);
}

/**
 * The vocabulary of event files given as their tags (each file's spellings
 * in order, as fileTags gives them; files in path order): from parsed files
 * or from the lean index.
 */
export function vocabularyOf(files: Iterable<readonly string[]>): TagUse[] {
  const tallies = new Map<string, Tally>();
  let order = 0;
  for (const tagsOfFile of files) {
    const counted = new Set<string>();
    for (const spelling of tagsOfFile) {
      const key = spelling.toLowerCase();
      let tally = tallies.get(key);
      if (!tally) tallies.set(key, (tally = { files: 0, spellings: new Map() }));
      if (!counted.has(key)) {
        counted.add(key);
        tally.files++;
      }
      const seen = tally.spellings.get(spelling);
      if (seen) seen.files++;
      else tally.spellings.set(spelling, { files: 1, order: order++ });
    }
  }
  const out: TagUse[] = [];
  for (const tally of tallies.values()) out.push({ tag: winningSpelling(tally), count: tally.files });
  return out.sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

function winningSpelling(tally: Tally): string {
  let best: [string, { files: number; order: number }] | null = null;
  for (const entry of tally.spellings) {
    if (!best || entry[1].files > best[1].files || (entry[1].files === best[1].files && entry[1].order < best[1].order)) best = entry;
  }
  return best![0];
}

/**
 * Tags spelled as the archive spells them ("islamist" becomes "Islamist"),
 * each once. A tag given exactly as in `keep` (the tags of the event being
 * revised) stays as it is: keeping a value is never a change.
 */
export function spellTags(tags: string[], vocabulary: TagUse[], keep: string[] = []): string[] {
  const spelling = new Map(vocabulary.map((v) => [v.tag.toLowerCase(), v.tag]));
  const kept = new Set(keep);
  return uniqueTags(tags.map(cleanTag).map((t) => (kept.has(t) ? t : (spelling.get(t.toLowerCase()) ?? t))));
}

/** The vocabulary of a whole archive read into memory. */
export function archiveVocabulary(archive: Archive): TagUse[] {
  const files = [...archive.files.values()].filter((f): f is EventFile => f.kind === "event");
  return tagVocabulary(files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
}

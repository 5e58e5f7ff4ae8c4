// The archive's events for add's suggestions (its tags, related events), from
// the lean index: every current version's path, title, day and tags, and the
// tag vocabulary of every event file, with no file parsed in full.

import { cleanTag } from "../../archive/format/fields.js";
import type { ArchiveIndex } from "../../archive/index/archive-index.js";
import { kindOf, pathOf, resolveEvents } from "../../archive/index/events.js";
import { eventContexts, hasTitle, ymdOf } from "../../archive/index/queries.js";
import { F, F_FLAGS, F_LINK, F_LINKS, F_TAG, F_TAGS, F_TITLE, FLAG_DECLARED, KIND_EVENT, L, L_AUX1, L_AUX2, L_FLAGS, VIA_MASK } from "../../archive/index/part.js";
import { readIndex } from "../../archive/read/read-index.js";
import { vocabularyOf, type TagUse } from "../../archive/tags.js";
import type { Catalogue } from "./suggest.js";

export function readCatalogue(root: string): Catalogue & { vocabulary: TagUse[] } {
  const r = resolveEvents(readIndex(root).index!);
  const { index } = r;
  const events: Catalogue["events"] = [];
  for (let e = 0; e < r.current.length; e++) {
    const id = r.current[e]!;
    const ymd = ymdOf(r, id);
    const title = hasTitle(r, id) ? { text: index.text.get(index.files[id * F + F_TITLE]!) } : null;
    const info = { year: Math.floor(ymd / 10000), month: Math.floor(ymd / 100) % 100, day: ymd % 100 };
    events.push({ current: { path: pathOf(index, id), title, info }, contexts: eventContexts(r, e) });
  }
  return { events, vocabulary: indexVocabulary(index) };
}

const RELATED = 1;

/** tagVocabulary (src/archive/tags.ts) over every event file, read from the index: the same spellings, in the same order. */
function indexVocabulary(index: ArchiveIndex): TagUse[] {
  const { files, links, tags, text } = index;
  const lists: string[][] = [];
  for (const id of index.order) {
    if (kindOf(index, id) !== KIND_EVENT) continue;
    const found: string[] = [];
    const take = (first: number, n: number) => {
      for (let k = first; k < first + n; k++) found.push(text.get(tags[k]!));
    };
    if (files[id * F + F_FLAGS]! & FLAG_DECLARED) take(files[id * F + F_TAG]!, files[id * F + F_TAGS]!);
    const first = files[id * F + F_LINK]!;
    for (let k = first; k < first + files[id * F + F_LINKS]!; k++) {
      if ((links[k * L + L_FLAGS]! & VIA_MASK) === RELATED) take(links[k * L + L_AUX1]!, links[k * L + L_AUX2]!);
    }
    lists.push([...new Set(found.map(cleanTag).filter((t) => t !== ""))]);
  }
  return vocabularyOf(lists);
}

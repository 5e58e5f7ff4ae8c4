// The archive's events for add's suggestions (its tags, related events), from
// the lean index: every current version's path, title, day and tags, and no
// file parsed in full.

import { pathOf, resolveEvents } from "../../archive/index/events.js";
import { eventContexts, hasTitle, ymdOf } from "../../archive/index/queries.js";
import { F, F_TITLE } from "../../archive/index/part.js";
import { readIndex } from "../../archive/read/read-index.js";
import type { Catalogue } from "./suggest.js";

export function readCatalogue(root: string): Catalogue {
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
  return { events };
}

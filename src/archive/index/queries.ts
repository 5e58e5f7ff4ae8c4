// Questions whole-archive commands ask of the resolved index: an event's
// tags, where its day page lists it, which files link to a file.

import { sortTags } from "../format/contexts.js";
import type { ArchiveIndex } from "./archive-index.js";
import { formatYmd, pathOf, type Resolved } from "./events.js";
import { F, F_FLAGS, F_LINK, F_LINKS, F_TAG, F_TAGS, F_YMD, FLAG_DECLARED, FLAG_TITLE, L, L_AUX1, L_AUX2, L_FLAGS, L_TARGET, VIA_MASK } from "./part.js";

const RELATED = 1;

/** A file's own tags: front matter `contexts:` where it declares them, else the union of its Related contexts. */
export function fileContexts(r: Resolved, id: number): string[] {
  const { files, tags, links, text } = r.index;
  const out: string[] = [];
  if (files[id * F + F_FLAGS]! & FLAG_DECLARED) {
    const first = files[id * F + F_TAG]!;
    for (let k = first; k < first + files[id * F + F_TAGS]!; k++) out.push(text.get(tags[k]!));
    return sortTags(out);
  }
  const first = files[id * F + F_LINK]!;
  for (let k = first; k < first + files[id * F + F_LINKS]!; k++) {
    const o = k * L;
    if ((links[o + L_FLAGS]! & VIA_MASK) !== RELATED) continue;
    const t = links[o + L_AUX1]!;
    for (let j = t; j < t + links[o + L_AUX2]!; j++) out.push(text.get(tags[j]!));
  }
  return sortTags(out);
}

/** An event's tags: its current version's. */
export function eventContexts(r: Resolved, event: number): string[] {
  return fileContexts(r, r.current[event]!);
}

export function hasTitle(r: Resolved, id: number): boolean {
  return (r.index.files[id * F + F_FLAGS]! & FLAG_TITLE) !== 0;
}

export function dateOf(r: Resolved, id: number): string {
  return formatYmd(r.index.files[id * F + F_YMD]!);
}

export function ymdOf(r: Resolved, id: number): number {
  return r.index.files[id * F + F_YMD]!;
}

/** Where the day page of `id`'s day first lists it, or -1 (no page, or not listed). */
export function dayPagePosition(r: Resolved, id: number): number {
  const page = r.days.get(ymdOf(r, id))?.page ?? -1;
  if (page < 0) return -1;
  const { files, links } = r.index;
  const first = files[page * F + F_LINK]!;
  const n = files[page * F + F_LINKS]!;
  for (let k = 0; k < n; k++) if (links[(first + k) * L + L_TARGET] === id) return k;
  return -1;
}

/** The paths of the files holding a link (of any kind) that resolves to `path`, in path order. */
export function filesLinkingTo(index: ArchiveIndex, path: string): string[] {
  const target = index.idOf(path);
  if (target < 0) return [];
  const { files, links, order } = index;
  const out: string[] = [];
  for (const id of order) {
    const first = files[id * F + F_LINK]!;
    const n = files[id * F + F_LINKS]!;
    for (let k = first; k < first + n; k++) {
      if (links[k * L + L_TARGET] === target) {
        out.push(pathOf(index, id));
        break;
      }
    }
  }
  return out;
}

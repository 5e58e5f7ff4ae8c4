// What the whole-archive rules see: the resolved lean index, lookups built
// once (integer maps, never nested scans) and a sink for findings. The same
// questions the full model's CheckContext answers, asked by file id.

import type { ArchiveIndex } from "../archive/index/archive-index.js";
import { isCurrentFile, kindOf, pathOf, type Resolved } from "../archive/index/events.js";
import {
  F,
  F_FLAGS,
  F_LINK,
  F_LINKS,
  F_TAG,
  F_TAGS,
  F_TITLE,
  F_TITLE_LINE,
  FLAG_BROKEN,
  FLAG_DECLARED,
  FLAG_TITLE,
  KIND_EVENT,
  KIND_UNREADABLE,
  L,
  L_AUX2,
  L_COLUMN,
  L_FLAGS,
  L_LINE,
  L_TARGET,
  L_TEXT,
  LINK_STALE,
  TARGET_PATH,
  TARGET_SHIFT,
  VIA_MASK,
  VIAS,
} from "../archive/index/part.js";
import type { Finding, LeanFix, Position, Severity } from "./finding.js";

export interface IndexContext {
  r: Resolved;
  index: ArchiveIndex;
  report(file: string, at: Position, rule: string, severity: Severity, message: string, fix?: LeanFix, missing?: string): void;
  path(id: number): string;
  isCurrent(id: number): boolean;
  isBroken(id: number): boolean;
  /** The trimmed title of a readable event file, or null when there is none to compare with. */
  titleOf(id: number): string | null;
  /** The one event file whose title is `text`, to suggest for a broken link. */
  fileTitled(text: string): string | null;
  /** Day-page entries by target file id, per page, built on first use. */
  entriesOf(page: number): Map<number, number>;
  /** Front matter `contexts:` lower-cased, or null when the file declares none. */
  declaredTags(id: number): Set<string> | null;
}

export function createIndexContext(r: Resolved, sink: Finding[]): IndexContext {
  const { index } = r;
  const { files, strings } = index;
  let byTitle: Map<string, string | null> | null = null;
  const entryMaps = new Map<number, Map<number, number>>();
  const ctx: IndexContext = {
    r,
    index,
    report(file, at, rule, severity, message, fix, missing) {
      const d: Finding = { file, line: at.line, column: at.column, severity, rule, message };
      if (fix) d.fix = fix;
      if (missing) d.missing = missing;
      sink.push(d);
    },
    path: (id) => pathOf(index, id),
    isCurrent: (id) => isCurrentFile(r, id),
    isBroken: (id) => kindOf(index, id) === KIND_UNREADABLE || (files[id * F + F_FLAGS]! & FLAG_BROKEN) !== 0,
    titleOf(id) {
      const flags = files[id * F + F_FLAGS]!;
      if ((flags & 3) !== KIND_EVENT || !(flags & FLAG_TITLE) || flags & FLAG_BROKEN) return null;
      const title = strings[files[id * F + F_TITLE]!]!;
      return title === "" ? null : title;
    },
    fileTitled(text) {
      byTitle ??= indexTitles(index);
      return byTitle.get(text.trim()) ?? null;
    },
    entriesOf(page) {
      let map = entryMaps.get(page);
      if (!map) {
        map = new Map();
        for (const o of linksOf(index, page)) {
          const t = index.links[o + L_TARGET]!;
          if (t >= 0) map.set(t, (map.get(t) ?? 0) + 1);
        }
        entryMaps.set(page, map);
      }
      return map;
    },
    declaredTags(id) {
      if (!(files[id * F + F_FLAGS]! & FLAG_DECLARED)) return null;
      const first = files[id * F + F_TAG]!;
      const tags = new Set<string>();
      for (let k = first; k < first + files[id * F + F_TAGS]!; k++) tags.add(strings[index.tags[k]!]!.trim().toLowerCase());
      return tags;
    },
  };
  return ctx;
}

/** Title -> path, or null where two files share the title (no suggestion then). */
function indexTitles(index: ArchiveIndex): Map<string, string | null> {
  const map = new Map<string, string | null>();
  for (const id of index.order) {
    const flags = index.files[id * F + F_FLAGS]!;
    if ((flags & 3) !== KIND_EVENT || !(flags & FLAG_TITLE)) continue;
    const t = index.strings[index.files[id * F + F_TITLE]!]!;
    if (t === "") continue;
    map.set(t, map.has(t) ? null : pathOf(index, id));
  }
  return map;
}

/** Offsets into index.links of a file's links, in file order. */
export function linksOf(index: ArchiveIndex, id: number): number[] {
  const first = index.files[id * F + F_LINK]!;
  const out: number[] = [];
  for (let k = first; k < first + index.files[id * F + F_LINKS]!; k++) out.push(k * L);
  return out;
}

export function viaOf(index: ArchiveIndex, o: number): (typeof VIAS)[number] {
  return VIAS[index.links[o + L_FLAGS]! & VIA_MASK]!;
}

export function isInternal(index: ArchiveIndex, o: number): boolean {
  return (index.links[o + L_FLAGS]! >> TARGET_SHIFT & 3) === 0;
}

/** The archive path an internal link points at (whether or not it exists). */
export function targetPath(index: ArchiveIndex, o: number): string {
  const t = index.links[o + L_TARGET]!;
  return t >= 0 ? pathOf(index, t) : index.strings[TARGET_PATH - t]!;
}

/** The target as validate names it: the archive path of an internal link, else the destination as written. */
export function targetOf(index: ArchiveIndex, o: number): string {
  return isInternal(index, o) ? targetPath(index, o) : index.strings[index.links[o + L_AUX2]!]!;
}

/** Whether the link's text differs from `title` (its existing target's title). */
export function isStale(index: ArchiveIndex, o: number, title: string): boolean {
  const text = index.links[o + L_TEXT]!;
  return text >= 0 ? index.strings[text] !== title : (index.links[o + L_FLAGS]! & LINK_STALE) !== 0;
}

export function titleLine(index: ArchiveIndex, id: number): number | null {
  return index.files[id * F + F_FLAGS]! & FLAG_TITLE ? index.files[id * F + F_TITLE_LINE]! : null;
}

export function at(index: ArchiveIndex, o: number): Position {
  return { line: index.links[o + L_LINE]!, column: index.links[o + L_COLUMN]! };
}

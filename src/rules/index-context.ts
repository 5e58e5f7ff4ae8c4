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
  F_TITLE_HASH,
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
} from "../archive/index/part.js";
import { HashTable, hashString } from "../archive/index/strings.js";
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
  /** The string id of what titleOf gives, or -1. */
  titleId(id: number): number;
  /** The one event file whose title is `text`, to suggest for a broken link. */
  fileTitled(text: string): string | null;
  /** Day-page entries by target file id, per page, built on first use. */
  entriesOf(page: number): Map<number, number>;
  /** Front matter `contexts:` lower-cased, or null when the file declares none. */
  declaredTags(id: number): Set<string> | null;
}

export function createIndexContext(r: Resolved, sink: Finding[]): IndexContext {
  const { index } = r;
  const { files, text } = index;
  let byTitle: HashTable | null = null;
  const entryMaps = new Map<number, Map<number, number>>();
  const declared = new Map<number, Set<string> | null>();
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
    titleId(id) {
      const flags = files[id * F + F_FLAGS]!;
      if ((flags & 3) !== KIND_EVENT || !(flags & FLAG_TITLE) || flags & FLAG_BROKEN) return -1;
      const title = files[id * F + F_TITLE]!;
      return text.length(title) === 0 ? -1 : title;
    },
    titleOf(id) {
      const title = ctx.titleId(id);
      return title < 0 ? null : text.get(title);
    },
    fileTitled(text) {
      byTitle ??= indexTitles(index);
      return titled(index, byTitle, text.trim());
    },
    entriesOf(page) {
      let map = entryMaps.get(page);
      if (!map) {
        map = new Map();
        const first = files[page * F + F_LINK]!;
        for (let k = first; k < first + files[page * F + F_LINKS]!; k++) {
          const t = index.links[k * L + L_TARGET]!;
          if (t >= 0) map.set(t, (map.get(t) ?? 0) + 1);
        }
        entryMaps.set(page, map);
      }
      return map;
    },
    declaredTags(id) {
      if (!(files[id * F + F_FLAGS]! & FLAG_DECLARED)) return null;
      let tags = declared.get(id);
      if (tags === undefined) {
        const first = files[id * F + F_TAG]!;
        tags = new Set<string>();
        for (let k = first; k < first + files[id * F + F_TAGS]!; k++) tags.add(text.get(index.tags[k]!).trim().toLowerCase());
        declared.set(id, tags);
      }
      return tags;
    },
  };
  return ctx;
}

/** Event files by the hash of their trimmed title (every event with a title, as the model's lookup takes them). */
function indexTitles(index: ArchiveIndex): HashTable {
  const table = new HashTable();
  for (const id of index.order) {
    const flags = index.files[id * F + F_FLAGS]!;
    if ((flags & 3) !== KIND_EVENT || !(flags & FLAG_TITLE) || index.text.length(index.files[id * F + F_TITLE]!) === 0) continue;
    table.insert(id, index.files[id * F + F_TITLE_HASH]!);
  }
  return table;
}

/** The one file titled `text`, or null (none, or several: no suggestion then). */
function titled(index: ArchiveIndex, byTitle: HashTable, text: string): string | null {
  const same = byTitle.findAll(hashString(text), (id) => index.text.equalTo(index.files[id * F + F_TITLE]!, text));
  return same.length === 1 ? pathOf(index, same[0]!) : null;
}

export function isInternal(index: ArchiveIndex, o: number): boolean {
  return (index.links[o + L_FLAGS]! >> TARGET_SHIFT & 3) === 0;
}

/** The archive path an internal link points at (whether or not it exists). */
export function targetPath(index: ArchiveIndex, o: number): string {
  const t = index.links[o + L_TARGET]!;
  return t >= 0 ? pathOf(index, t) : index.text.get(TARGET_PATH - t);
}

/** The target as validate names it: the archive path of an internal link, else the destination as written. */
export function targetOf(index: ArchiveIndex, o: number): string {
  return isInternal(index, o) ? targetPath(index, o) : index.text.get(index.links[o + L_AUX2]!);
}

/** Whether the link's text differs from `title` (the string id of its existing target's title). */
export function isStale(index: ArchiveIndex, o: number, title: number): boolean {
  const text = index.links[o + L_TEXT]!;
  return text >= 0 ? !index.text.equal(text, title) : (index.links[o + L_FLAGS]! & LINK_STALE) !== 0;
}

export function titleLine(index: ArchiveIndex, id: number): number | null {
  return index.files[id * F + F_FLAGS]! & FLAG_TITLE ? index.files[id * F + F_TITLE_LINE]! : null;
}

export function at(index: ArchiveIndex, o: number): Position {
  return { line: index.links[o + L_LINE]!, column: index.links[o + L_COLUMN]! };
}

// Events and days from the lean index, by the very rules model.ts applies to
// parsed files: an event is the set of files its Changes lists join; its
// current version is the one whose own list marks itself current, failing
// that the one most lists name, failing that the last by path. Everything
// is integer ids; groups are found in path order, as the model finds them.

import type { ArchiveIndex } from "./archive-index.js";
import {
  CHANGE_SHIFT,
  F,
  F_FLAGS,
  F_LINK,
  F_LINKS,
  F_PATH,
  F_YMD,
  FLAG_BROKEN,
  FLAG_INFO,
  FLAG_PADDED,
  KIND_DAY,
  KIND_EVENT,
  KIND_MASK,
  KIND_UNREADABLE,
  L,
  L_FLAGS,
  L_TARGET,
  VIA_MASK,
} from "./part.js";

const CHANGES = 2;
const CURRENT = 2;

export interface Day {
  ymd: number;
  /** Day folders as written, in path order (two when the day is split over 1/ and 01/). */
  dirs: string[];
  /** Whether each of `dirs` is the zero-padded one. */
  padded: boolean[];
  /** The first day page by path, or -1. */
  page: number;
  /** Event files, in path order. */
  files: number[];
}

export interface Resolved {
  index: ArchiveIndex;
  /** Event id of each event file; -1 for other files. */
  eventOf: Int32Array;
  /** Per event: its current version. */
  current: Int32Array;
  /** Per event: its versions, oldest first, at versions[start[e] .. start[e + 1]). */
  start: Int32Array;
  versions: Int32Array;
  /** By year * 10000 + month * 100 + day, in path order of their first file. */
  days: Map<number, Day>;
}

export function kindOf(index: ArchiveIndex, id: number): number {
  return index.files[id * F + F_FLAGS]! & KIND_MASK;
}

export function pathOf(index: ArchiveIndex, id: number): string {
  return index.text.get(index.files[id * F + F_PATH]!);
}

/** Calls `each` with the link offset (into index.links) of each of a file's Changes items. */
function forChanges(index: ArchiveIndex, id: number, each: (o: number) => void): void {
  const first = index.files[id * F + F_LINK]!;
  const end = first + index.files[id * F + F_LINKS]!;
  for (let k = first; k < end; k++) if ((index.links[k * L + L_FLAGS]! & VIA_MASK) === CHANGES) each(k * L);
}

export function resolveEvents(index: ArchiveIndex): Resolved {
  const { files, links, order, fileCount } = index;
  const parent = new Int32Array(fileCount).fill(-1);
  for (let id = 0; id < fileCount; id++) if ((files[id * F + F_FLAGS]! & KIND_MASK) === KIND_EVENT) parent[id] = id;
  const find = (p: number): number => {
    let r = p;
    while (parent[r] !== r) r = parent[r]!;
    for (let q = p; q !== r; ) {
      const next = parent[q]!;
      parent[q] = r;
      q = next;
    }
    return r;
  };
  for (const id of order) {
    if (parent[id] === -1) continue;
    const first = files[id * F + F_LINK]!;
    const end = first + files[id * F + F_LINKS]!;
    for (let k = first; k < end; k++) {
      const o = k * L;
      if ((links[o + L_FLAGS]! & VIA_MASK) !== CHANGES) continue;
      const t = links[o + L_TARGET]!;
      if (t < 0 || parent[t] === -1) continue;
      const a = find(id);
      const b = find(t);
      if (a !== b) parent[a] = b;
    }
  }
  // Events numbered by their first file in path order; members listed in path order.
  const eventOf = new Int32Array(fileCount).fill(-1);
  const eventOfRoot = new Int32Array(fileCount).fill(-1);
  const sizes: number[] = [];
  for (const id of order) {
    if (parent[id] === -1) continue;
    const r = find(id);
    if (eventOfRoot[r] === -1) {
      eventOfRoot[r] = sizes.length;
      sizes.push(0);
    }
    const e = eventOfRoot[r]!;
    eventOf[id] = e;
    sizes[e]!++;
  }
  const count = sizes.length;
  const start = new Int32Array(count + 1);
  for (let e = 0; e < count; e++) start[e + 1] = start[e]! + sizes[e]!;
  const versions = new Int32Array(start[count]!);
  const fill = start.slice(0, count);
  for (const id of order) if (eventOf[id] !== -1) versions[fill[eventOf[id]!]!++] = id;
  const current = new Int32Array(count);
  for (let e = 0; e < count; e++) {
    if (start[e + 1]! - start[e]! === 1) {
      current[e] = versions[start[e]!]!;
      continue;
    }
    const members = Array.from(versions.subarray(start[e], start[e + 1]));
    const cur = pickCurrent(index, members);
    current[e] = cur;
    versions.set(orderVersions(index, cur, members), start[e]!);
  }
  return { index, eventOf, current, start, versions, days: indexDays(index) };
}

function isCurrentMark(index: ArchiveIndex, o: number): boolean {
  return ((index.links[o + L_FLAGS]! >> CHANGE_SHIFT) & 7) === CURRENT && index.links[o + L_TARGET]! >= 0;
}

function pickCurrent(index: ArchiveIndex, members: number[]): number {
  if (members.length === 1) return members[0]!;
  const votes = new Map<number, number>();
  const self: number[] = [];
  for (const m of members) {
    let marksSelf = false;
    forChanges(index, m, (o) => {
      if (!isCurrentMark(index, o)) return;
      const t = index.links[o + L_TARGET]!;
      votes.set(t, (votes.get(t) ?? 0) + 1);
      if (t === m) marksSelf = true;
    });
    if (marksSelf) self.push(m);
  }
  const pool = self.length > 0 ? self : members.filter((m) => votes.has(m));
  if (pool.length === 0) return members[members.length - 1]!;
  return pool.reduce((best, m) => ((votes.get(m) ?? 0) > (votes.get(best) ?? 0) ? m : best));
}

function orderVersions(index: ArchiveIndex, current: number, members: number[]): number[] {
  if (members.length === 1) return members;
  const ordered: number[] = [];
  forChanges(index, current, (o) => {
    const t = index.links[o + L_TARGET]!;
    if (t >= 0 && members.includes(t) && !ordered.includes(t)) ordered.push(t);
  });
  for (const m of members) if (!ordered.includes(m)) ordered.push(m);
  return ordered;
}

function indexDays(index: ArchiveIndex): Map<number, Day> {
  const days = new Map<number, Day>();
  let day: Day | undefined;
  for (const id of index.order) {
    const flags = index.files[id * F + F_FLAGS]!;
    if (!(flags & FLAG_INFO)) continue;
    const ymd = index.files[id * F + F_YMD]!;
    if (day?.ymd !== ymd) day = days.get(ymd);
    if (!day) {
      day = { ymd, dirs: [], padded: [], page: -1, files: [] };
      days.set(ymd, day);
    }
    // A day has at most two folders, 1/ and 01/: the folder is known from the date and whether it is padded.
    const padded = (flags & FLAG_PADDED) !== 0;
    if (!day.padded.includes(padded)) {
      day.padded.push(padded);
      day.dirs.push(dayFolder(ymd, padded));
    }
    const kind = flags & KIND_MASK;
    if (kind === KIND_DAY) {
      if (day.page < 0) day.page = id;
    } else if (kind === KIND_EVENT) day.files.push(id);
  }
  return days;
}

/** news/YYYY/MM/D as parseArchivePath read it: the day padded to two digits only when it was. */
function dayFolder(ymd: number, padded: boolean): string {
  const y = Math.floor(ymd / 10000);
  const m = Math.floor(ymd / 100) % 100;
  const d = ymd % 100;
  return `news/${String(y).padStart(4, "0")}/${String(m).padStart(2, "0")}/${padded ? String(d).padStart(2, "0") : String(d)}`;
}

/** A file that could not be read as what it is (unreadable, or a parse error): the rules leave it alone. */
export function isBrokenFile(index: ArchiveIndex, id: number): boolean {
  return kindOf(index, id) === KIND_UNREADABLE || (index.files[id * F + F_FLAGS]! & FLAG_BROKEN) !== 0;
}

/**
 * The files of `event` that cannot be read as events, as model.ts's
 * unreadableVersions finds them: its own broken versions, and the files its
 * Changes lists name that exist but are broken. Its current version is then
 * a guess, and nothing is repaired on its behalf.
 */
export function unreadableVersions(r: Resolved, event: number): number[] {
  const { index } = r;
  const found = new Set<number>();
  for (let k = r.start[event]!; k < r.start[event + 1]!; k++) {
    const m = r.versions[k]!;
    if (isBrokenFile(index, m)) found.add(m);
    forChanges(index, m, (o) => {
      const t = index.links[o + L_TARGET]!;
      if (t >= 0 && isBrokenFile(index, t)) found.add(t);
    });
  }
  return [...found];
}

export function isPadded(index: ArchiveIndex, id: number): boolean {
  return (index.files[id * F + F_FLAGS]! & FLAG_PADDED) !== 0;
}

export function isCurrentFile(r: Resolved, id: number): boolean {
  const e = r.eventOf[id]!;
  return e >= 0 && r.current[e] === id;
}

/** YYYY-MM-DD of a day key. */
export function formatYmd(ymd: number): string {
  const y = Math.floor(ymd / 10000);
  const m = Math.floor(ymd / 100) % 100;
  const d = ymd % 100;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

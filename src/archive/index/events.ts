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
  FLAG_INFO,
  KIND_DAY,
  KIND_EVENT,
  KIND_MASK,
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
  return index.strings[index.files[id * F + F_PATH]!]!;
}

/** Link offsets (into index.links) of a file's Changes items that mark a version current and point at a file. */
function* changeLinks(index: ArchiveIndex, id: number): Generator<number> {
  const first = index.files[id * F + F_LINK]!;
  const n = index.files[id * F + F_LINKS]!;
  for (let k = first; k < first + n; k++) {
    if ((index.links[k * L + L_FLAGS]! & VIA_MASK) === CHANGES) yield k * L;
  }
}

export function resolveEvents(index: ArchiveIndex): Resolved {
  const { files, links, order } = index;
  const parent = new Int32Array(index.fileCount).fill(-1);
  for (let id = 0; id < index.fileCount; id++) if ((files[id * F + F_FLAGS]! & KIND_MASK) === KIND_EVENT) parent[id] = id;
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
    for (const o of changeLinks(index, id)) {
      const t = links[o + L_TARGET]!;
      if (t < 0 || parent[t] === -1) continue;
      const a = find(id);
      const b = find(t);
      if (a !== b) parent[a] = b;
    }
  }
  const groups = new Map<number, number[]>();
  for (const id of order) {
    if (parent[id] === -1) continue;
    const r = find(id);
    const g = groups.get(r);
    if (g) g.push(id);
    else groups.set(r, [id]);
  }
  const eventOf = new Int32Array(index.fileCount).fill(-1);
  const current = new Int32Array(groups.size);
  const start = new Int32Array(groups.size + 1);
  const versions = new Int32Array(groups.size === 0 ? 0 : [...groups.values()].reduce((n, g) => n + g.length, 0));
  let e = 0;
  let at = 0;
  for (const members of groups.values()) {
    const cur = pickCurrent(index, members);
    current[e] = cur;
    start[e] = at;
    for (const v of orderVersions(index, cur, members)) {
      versions[at++] = v;
      eventOf[v] = e;
    }
    e++;
  }
  start[e] = at;
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
    for (const o of changeLinks(index, m)) {
      if (!isCurrentMark(index, o)) continue;
      const t = index.links[o + L_TARGET]!;
      votes.set(t, (votes.get(t) ?? 0) + 1);
      if (t === m) marksSelf = true;
    }
    if (marksSelf) self.push(m);
  }
  const pool = self.length > 0 ? self : members.filter((m) => votes.has(m));
  if (pool.length === 0) return members[members.length - 1]!;
  return pool.reduce((best, m) => ((votes.get(m) ?? 0) > (votes.get(best) ?? 0) ? m : best));
}

function orderVersions(index: ArchiveIndex, current: number, members: number[]): number[] {
  const isMember = new Set(members);
  const ordered: number[] = [];
  const seen = new Set<number>();
  for (const o of changeLinks(index, current)) {
    const t = index.links[o + L_TARGET]!;
    if (t >= 0 && isMember.has(t) && !seen.has(t)) {
      seen.add(t);
      ordered.push(t);
    }
  }
  for (const m of members) if (!seen.has(m)) ordered.push(m);
  return ordered;
}

function indexDays(index: ArchiveIndex): Map<number, Day> {
  const days = new Map<number, Day>();
  for (const id of index.order) {
    const flags = index.files[id * F + F_FLAGS]!;
    if (!(flags & FLAG_INFO)) continue;
    const ymd = index.files[id * F + F_YMD]!;
    let day = days.get(ymd);
    if (!day) {
      day = { ymd, dirs: [], page: -1, files: [] };
      days.set(ymd, day);
    }
    const path = pathOf(index, id);
    const dir = path.slice(0, path.lastIndexOf("/"));
    if (!day.dirs.includes(dir)) day.dirs.push(dir);
    const kind = flags & KIND_MASK;
    if (kind === KIND_DAY) {
      if (day.page < 0) day.page = id;
    } else if (kind === KIND_EVENT) day.files.push(id);
  }
  return days;
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

// A three-way merge of a day page, for git's merge driver. A day page is an
// ordered set of entries (one per current event) among other lines, so two
// branches that each add an event to one day do not conflict: each side's
// additions and removals are kept, an entry one side repointed (a revision:
// same place, new version and title) comes from that side, and only an
// entry both sides changed differently is a conflict. Lines are aligned by
// what they are (an entry by the file it links to, any other line by its
// text), as diff3 does, then each region both sides changed is merged entry
// by entry. Ours' byte-order mark and line endings win; other lines keep
// their bytes, but for the numbers of entries the merge appends.

import { lcsOps } from "./lcs.js";
import { parseDayPage } from "./parse-day.js";
import { parseArchivePath } from "./paths.js";
import { dominantEol, joinText, splitText, type TextDoc } from "./text.js";
import { renumberListItem } from "./write.js";

export interface MergeOptions {
  /** The day page's archive path, for links written relative to it. */
  path: string;
  /** Conflict markers are this many characters (git's %L). */
  markerSize: number;
}

export interface MergeResult {
  text: string;
  /** Regions both sides changed differently, written between conflict markers. */
  conflicts: number;
}

interface Item {
  text: string;
  /** The line's own ending; kept for lines taken from ours. */
  eol: string;
  fromOurs: boolean;
  /** What the line is: an entry by its target, any other line by its text. */
  key: string;
  entry: boolean;
}

interface OutLine {
  text: string;
  /** Ours' own line ending, or null to take ours' usual one. */
  eol: string | null;
  /** An entry this merge adds (from either side): numbered anew. */
  added: boolean;
  entry: boolean;
}

const FALLBACK_PATH = "news/1970/01/1/index.md";

export function mergeDayPages(base: string, ours: string, theirs: string, options: MergeOptions): MergeResult {
  const path = parseArchivePath(options.path)?.isDayPage ? options.path : FALLBACK_PATH;
  const [b, o, t] = [base, ours, theirs].map((text, i) => itemsOf(text, path, i === 1)) as [Item[], Item[], Item[]];
  const toOurs = alignment(b, o);
  const toTheirs = alignment(b, t);
  const out: OutLine[] = [];
  const markers = { conflicts: 0, size: options.markerSize };
  let [bi, oi, ti] = [0, 0, 0];
  for (;;) {
    let anchor = bi;
    while (anchor < b.length && (toOurs[anchor] === -1 || toTheirs[anchor] === -1)) anchor++;
    const end = anchor < b.length ? [anchor, toOurs[anchor]!, toTheirs[anchor]!] : [b.length, o.length, t.length];
    mergeRegion(b.slice(bi, end[0]), o.slice(oi, end[1]), t.slice(ti, end[2]), out, markers);
    if (anchor >= b.length) break;
    mergeRegion([b[anchor]!], [o[end[1]!]!], [t[end[2]!]!], out, markers);
    [bi, oi, ti] = [anchor + 1, end[1]! + 1, end[2]! + 1];
  }
  return { text: render(out, splitText(ours)), conflicts: markers.conflicts };
}

function itemsOf(text: string, path: string, fromOurs: boolean): Item[] {
  const info = parseArchivePath(path)!;
  const page = parseDayPage(path, info, text);
  const entryAt = new Map(page.entries.map((e) => [e.line - 1, e]));
  return page.doc.lines.map((line, i) => {
    const e = entryAt.get(i);
    const eol = page.doc.eols[i]!;
    if (!e) return { text: line, eol, fromOurs, key: `text\0${line}`, entry: false };
    const target = e.target.kind === "internal" ? e.target.path : e.dest;
    return { text: line, eol, fromOurs, key: `entry\0${target}`, entry: true };
  });
}

/** For each item of `from`, the index of the same item in `to`, or -1. */
function alignment(from: Item[], to: Item[]): Int32Array {
  const match = new Int32Array(from.length).fill(-1);
  for (const op of lcsOps(from.map((x) => x.key), to.map((x) => x.key))) if (op.kind === " ") match[op.a] = op.b;
  return match;
}

const outLine = (x: Item, added = false): OutLine => ({ text: x.text, eol: x.fromOurs && x.eol !== "" ? x.eol : null, added, entry: x.entry });
const keep = (items: Item[], out: OutLine[]): void => {
  out.push(...items.map((x) => outLine(x)));
};

/** One region between lines all three agree on, merged entry by entry; conflict markers around it when the sides disagree. */
function mergeRegion(b: Item[], o: Item[], t: Item[], out: OutLine[], markers: { conflicts: number; size: number }): void {
  const merged = mergeEntries(b, o, t);
  if (merged) {
    out.push(...merged);
    return;
  }
  markers.conflicts++;
  const marker = (text: string): OutLine => ({ text, eol: null, added: false, entry: false });
  out.push(marker(`${"<".repeat(markers.size)} ours`));
  keep(o, out);
  out.push(marker("=".repeat(markers.size)));
  // Numbers after the block count one side of it: ours.
  out.push(...t.map((x) => ({ ...outLine(x), entry: false })));
  out.push(marker(`${">".repeat(markers.size)} theirs`));
}

type Status = { kind: "same"; item: Item } | { kind: "removed" } | { kind: "changed"; item: Item };

interface SideChanges {
  status: Status[];
  /** Lines the side added, by the base line they follow (-1: the start of the region). */
  added: Map<number, Item[]>;
}

/** A region both sides changed, merged as sets of lines; null when the two sides disagree on one line. */
function mergeEntries(b: Item[], o: Item[], t: Item[]): OutLine[] | null {
  const ours = changesOf(b, o);
  const theirs = changesOf(b, t);
  const out: OutLine[] = [];
  for (let i = -1; i < b.length; i++) {
    if (i >= 0) {
      const line = resolve(ours.status[i]!, theirs.status[i]!);
      if (line === null) return null;
      if (line !== "removed") out.push(outLine(line));
    }
    const added = unionOfAdditions(ours.added.get(i) ?? [], theirs.added.get(i) ?? []);
    if (added === null) return null;
    out.push(...added.map((x) => outLine(x, x.entry)));
  }
  return out;
}

function resolve(ours: Status, theirs: Status): Item | "removed" | null {
  if (ours.kind === "same") return theirs.kind === "removed" ? "removed" : theirs.kind === "changed" ? theirs.item : ours.item;
  if (theirs.kind === "same") return ours.kind === "removed" ? "removed" : ours.item;
  if (ours.kind === "removed" && theirs.kind === "removed") return "removed";
  if (ours.kind === "changed" && theirs.kind === "changed" && ours.item.text === theirs.item.text) return ours.item;
  return null;
}

/**
 * How one side changed the base lines of a region. A base entry the side no
 * longer has, with an entry the side put in its place (between the same two
 * lines kept), was changed into that entry: a revision repoints in place.
 */
function changesOf(b: Item[], side: Item[]): SideChanges {
  const status: Status[] = b.map(() => ({ kind: "removed" }));
  const added = new Map<number, Item[]>();
  let gone: number[] = [];
  let fresh: Item[] = [];
  let anchor = -1;
  const settle = () => {
    const entries = gone.filter((i) => b[i]!.entry);
    const newEntries = fresh.filter((x) => x.entry);
    entries.forEach((i, k) => {
      if (k < newEntries.length) status[i] = { kind: "changed", item: newEntries[k]! };
    });
    const rest = fresh.filter((x) => !x.entry || newEntries.indexOf(x) >= entries.length);
    // After the base lines this stretch replaced or removed, so an entry appended after a revised one stays after it.
    const at = gone.length > 0 ? gone[gone.length - 1]! : anchor;
    if (rest.length > 0) added.set(at, [...(added.get(at) ?? []), ...rest]);
    gone = [];
    fresh = [];
  };
  for (const op of lcsOps(b.map((x) => x.key), side.map((x) => x.key))) {
    if (op.kind === "-") gone.push(op.a);
    else if (op.kind === "+") fresh.push(side[op.b]!);
    else {
      settle();
      const item = side[op.b]!;
      status[op.a] = { kind: item.text === b[op.a]!.text ? "same" : "changed", item };
      anchor = op.a;
    }
  }
  settle();
  return { status, added };
}

/** Both sides' additions at one place: ours first, then theirs but for what ours added too. */
function unionOfAdditions(ours: Item[], theirs: Item[]): Item[] | null {
  const pending = new Map<string, Item[]>();
  for (const x of ours) pending.set(x.key, [...(pending.get(x.key) ?? []), x]);
  const out = [...ours];
  for (const x of theirs) {
    const same = pending.get(x.key);
    if (!same || same.length === 0) {
      out.push(x);
      continue;
    }
    // Both added an entry for the same file: one line if they agree, a conflict if not.
    if (same.shift()!.text !== x.text) return null;
  }
  return out;
}

/** Ours' BOM and line endings; entries the merge added numbered as the archive numbers them. */
function render(out: OutLine[], ours: TextDoc): string {
  const eol = dominantEol(ours);
  let entries = 0;
  const lines = out.map((line) => {
    const text = line.added ? renumberListItem(line.text, entries + 1) : line.text;
    if (line.entry) entries++;
    return text;
  });
  const doc: TextDoc = { bom: ours.bom, lines, eols: out.map((line, i) => (i === out.length - 1 ? "" : (line.eol ?? eol))) };
  return joinText(doc);
}

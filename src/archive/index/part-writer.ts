// Writes one part of the lean index (see part.ts) as a worker reads its
// month: a file at a time, in path order, into growing Int32Arrays and a
// list of strings joined at the end. Links to files of the same part are
// resolved here, and their stale-title comparison made (at once, or when
// the target comes); links that leave the part carry their path and text.

import type { LinkTarget } from "../format/links.js";
import { linkTitle } from "../format/write.js";
import {
  CHANGE_KINDS,
  CHANGE_SHIFT,
  D,
  D_COLUMN,
  D_FILE,
  D_FLAGS,
  D_LINE,
  D_MESSAGE,
  D_RULE,
  F,
  F_CHANGES_LINE,
  F_FLAGS,
  F_HASH,
  F_LINK,
  F_LINKS,
  F_PATH,
  F_TAG,
  F_TAGS,
  F_TITLE,
  F_TITLE_HASH,
  F_TITLE_LINE,
  F_YMD,
  FLAG_BROKEN,
  FLAG_DECLARED,
  FLAG_INFO,
  FLAG_PADDED,
  FLAG_TITLE,
  FORMAT,
  HEAD,
  KIND_DAY,
  KIND_EVENT,
  KIND_UNREADABLE,
  L,
  L_AUX1,
  L_AUX2,
  L_AUX3,
  L_COLUMN,
  L_FLAGS,
  L_HASH,
  L_LINE,
  L_TARGET,
  L_TEXT,
  LINK_STALE,
  TARGET_NONE,
  TARGET_PATH,
  TARGET_SHIFT,
  type FileFinding,
  type Part,
} from "./part.js";
import { isBrokenScan, type ScannedFile, type ScannedLink, type Via } from "./scanned.js";
import { hashString } from "./strings.js";

/** A growing run of int32s. */
class Ints {
  data = new Int32Array(1024);
  length = 0;

  /** Room for `n` more, at the returned offset. */
  reserve(n: number): number {
    if (this.length + n > this.data.length) {
      const bigger = new Int32Array(Math.max(this.data.length * 2, this.length + n));
      bigger.set(this.data);
      this.data = bigger;
    }
    const at = this.length;
    this.length += n;
    return at;
  }

  push(value: number): void {
    // reserve() first: it may replace `data`.
    const at = this.reserve(1);
    this.data[at] = value;
  }
}

const VIA_CODE: Record<Via, number> = { date: 0, related: 1, changes: 2, day: 3 };
const TARGET_CODE: Record<LinkTarget["kind"], number> = { internal: 0, outside: 1, external: 2, fragment: 3 };
const CHANGE_CODE: Record<(typeof CHANGE_KINDS)[number], number> = { first: 0, update: 1, current: 2, unknown: 3 };

/**
 * Writes one part, a file at a time, in path order: `paths` are all of the
 * part's entries, sorted; `prefix` is the part's folder with a trailing
 * slash (null: no folder, every target leaves the part).
 */
export class PartWriter {
  /** The part's strings as UTF-8, written as they come (so no file's text is held until the end), and where each ends. */
  private bytes = Buffer.allocUnsafeSlow(64 * 1024);
  private used = 0;
  private readonly ends = new Ints();
  private readonly ids = new Map<string, number>();
  private readonly local = new Map<string, number>();
  private readonly titles: (string | null)[] = [];
  private readonly files = new Ints();
  private readonly links = new Ints();
  private readonly tags = new Ints();
  private readonly diags = new Ints();
  /** Links to a file of this part not written yet: [link offset, target, text]. */
  private readonly pending: [number, number, string][] = [];

  constructor(
    paths: string[],
    private readonly prefix: string | null,
  ) {
    paths.forEach((p, i) => this.local.set(p, i));
  }

  /** A string that recurs (tags, rules, messages): stored once per part. */
  private shared(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.str(s);
      this.ids.set(s, id);
    }
    return id;
  }

  /** A string that seldom recurs within a part (paths, titles, link texts): stored as it comes, no lookup. */
  private str(s: string): number {
    if (this.used + s.length * 3 > this.bytes.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(this.bytes.length * 2, this.used + s.length * 3));
      this.bytes.copy(bigger, 0, 0, this.used);
      this.bytes = bigger;
    }
    this.used += this.bytes.write(s, this.used, "utf8");
    this.ends.push(this.used);
    return this.ends.length - 1;
  }

  /** The next file (in path order) and the findings of its own rules. */
  add(file: ScannedFile, findings: FileFinding[]): void {
    const i = this.titles.length;
    this.titles.push(titleOf(file));
    const title = file.title ? file.title.text.trim() : null;
    const first = this.links.length / L;
    for (const link of file.links) this.writeLink(link);
    const firstTag = this.tags.length;
    for (const tag of file.declared ?? []) this.tags.push(this.shared(tag));
    const o = this.files.reserve(F);
    const out = this.files.data;
    out[o + F_PATH] = this.str(file.path);
    out[o + F_FLAGS] = fileFlags(file);
    out[o + F_YMD] = file.info ? file.info.year * 10000 + file.info.month * 100 + file.info.day : 0;
    out[o + F_TITLE] = title !== null ? this.str(title) : -1;
    out[o + F_TITLE_LINE] = file.title ? file.title.line : 0;
    out[o + F_CHANGES_LINE] = file.changesLine;
    out[o + F_LINK] = first;
    out[o + F_LINKS] = file.links.length;
    out[o + F_TAG] = firstTag;
    out[o + F_TAGS] = this.tags.length - firstTag;
    out[o + F_HASH] = hashString(file.path);
    out[o + F_TITLE_HASH] = title !== null ? hashString(title) : 0;
    for (const d of findings) {
      const at = this.diags.reserve(D);
      const diags = this.diags.data;
      diags[at + D_FILE] = i;
      diags[at + D_LINE] = d.line;
      diags[at + D_COLUMN] = d.column;
      diags[at + D_RULE] = this.shared(d.rule);
      diags[at + D_FLAGS] = (d.severity === "warning" ? 1 : 0) | (d.currentOnly ? 2 : 0);
      diags[at + D_MESSAGE] = this.shared(d.message);
    }
  }

  private target(link: ScannedLink): number {
    if (link.target.kind !== "internal") return TARGET_NONE;
    const path = link.target.path;
    const inPart = this.prefix !== null && path.startsWith(this.prefix) ? this.local.get(path) : undefined;
    return inPart ?? TARGET_PATH - this.str(path);
  }

  private writeLink(link: ScannedLink): void {
    const target = this.target(link);
    let flags = VIA_CODE[link.via] | (TARGET_CODE[link.target.kind] << TARGET_SHIFT);
    let text = -1;
    if (link.via !== "date") {
      if (target >= 0) {
        // Compared with the target's title here (now, or once the target is written): only the answer travels.
        if (target < this.titles.length) {
          if (isStale(link, this.titles[target]!)) flags |= LINK_STALE;
        } else this.pending.push([this.links.length, target, textOf(link)]);
      } else if (target !== TARGET_NONE) {
        // Compared (or suggested for, when missing) on the main thread.
        text = this.str(textOf(link));
      }
    }
    let aux1 = -1;
    let aux2 = -1;
    let aux3 = 0;
    if (link.via === "changes") {
      flags |= CHANGE_CODE[link.kind] << CHANGE_SHIFT;
      aux1 = link.timestamp === null ? -1 : this.shared(link.timestamp);
      aux2 = link.target.kind === "internal" ? -1 : this.str(link.dest);
    } else if (link.via === "related") {
      aux1 = this.tags.length;
      for (const tag of link.contexts) this.tags.push(this.shared(tag));
      aux2 = link.contexts.length;
      aux3 = link.contextColumn;
    }
    const o = this.links.reserve(L);
    const out = this.links.data;
    out[o + L_FLAGS] = flags;
    out[o + L_LINE] = link.line;
    out[o + L_COLUMN] = link.column;
    out[o + L_TARGET] = target;
    out[o + L_TEXT] = text;
    out[o + L_AUX1] = aux1;
    out[o + L_AUX2] = aux2;
    out[o + L_AUX3] = aux3;
    out[o + L_HASH] = target <= TARGET_PATH ? hashString((link.target as { path: string }).path) : 0;
  }

  finish(): Part {
    for (const [o, target, text] of this.pending) {
      const title = this.titles[target] ?? null;
      if (title !== null && text !== title) this.links.data[o + L_FLAGS]! |= LINK_STALE;
    }
    const { files, links, tags, diags, ends } = this;
    const ints = new Int32Array(HEAD + files.length + links.length + tags.length + diags.length + ends.length);
    ints.set([FORMAT, files.length / F, links.length / L, tags.length, diags.length / D, ends.length]);
    let at = HEAD;
    for (const list of [files, links, tags, diags, ends]) {
      ints.set(list.data.subarray(0, list.length), at);
      at += list.length;
    }
    // A buffer of its own, just the bytes used: it is transferred to the main thread and kept there.
    const strs = new Uint8Array(this.used);
    strs.set(this.bytes.subarray(0, this.used));
    return { ints, strs };
  }
}

function isStale(link: ScannedLink, title: string | null): boolean {
  return title !== null && textOf(link) !== title;
}

/** linkTitle, without its pattern when there is nothing to unescape. */
function textOf(link: ScannedLink): string {
  return link.text.includes("\\") ? linkTitle(link) : link.text.trim();
}

/** What stale-title compares a link's text with: the trimmed title of a readable event, or null. */
function titleOf(file: ScannedFile): string | null {
  if (file.kind !== "event" || !file.title || isBrokenScan(file)) return null;
  const title = file.title.text.trim();
  return title === "" ? null : title;
}

function fileFlags(file: ScannedFile): number {
  const kind = file.kind === "event" ? KIND_EVENT : file.kind === "day" ? KIND_DAY : KIND_UNREADABLE;
  let flags = kind;
  if (isBrokenScan(file)) flags |= FLAG_BROKEN;
  if (file.title) flags |= FLAG_TITLE;
  if (file.declared) flags |= FLAG_DECLARED;
  if (file.info) flags |= FLAG_INFO;
  if (file.info?.padded) flags |= FLAG_PADDED;
  return flags;
}

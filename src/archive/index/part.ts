// One part of the lean index (the files of one month folder, as a worker
// read them): integers in one Int32Array and the part's strings joined in
// one string, so it crosses to the main thread as a transferred buffer and
// a single string copy, and is kept in the cache as it is. No per-item
// objects: a file, a link and a finding are each a fixed run of integers.
//
// Links whose target is in the same part are resolved here (the Changes
// list, the day page, the date line): to the file's index in the part, with
// the stale-title comparison already made. Only links that leave the part
// carry their target path and text, for the main thread to resolve.

import type { LinkTarget } from "../links.js";
import { linkTitle } from "../write.js";
import { isBrokenScan, type ScannedFile, type ScannedLink, type Via } from "./scanned.js";
import type { Finding } from "../../rules/finding.js";

export interface Part {
  ints: Int32Array;
  strs: string;
}

/** A finding of one file's own rules, before the whole archive says whether the file is current. */
export interface FileFinding extends Finding {
  currentOnly: boolean;
}

export const FORMAT = 1;

// Header: format, counts of files, links, tags, findings and strings.
export const HEAD = 6;

// A file: F ints.
export const F = 10;
export const F_PATH = 0;
export const F_FLAGS = 1;
export const F_YMD = 2; // year * 10000 + month * 100 + day; 0 without an archive path
export const F_TITLE = 3; // trimmed title string, -1 without a title
export const F_TITLE_LINE = 4; // 0 without a title
export const F_CHANGES_LINE = 5; // 0 without a Changes heading
export const F_LINK = 6; // first link
export const F_LINKS = 7; // link count
export const F_TAG = 8; // first declared context
export const F_TAGS = 9; // declared context count

export const KIND_MASK = 3;
export const KIND_UNREADABLE = 0;
export const KIND_EVENT = 1;
export const KIND_DAY = 2;
export const FLAG_BROKEN = 1 << 2;
export const FLAG_TITLE = 1 << 3;
export const FLAG_DECLARED = 1 << 4;
export const FLAG_INFO = 1 << 5;

// A link: L ints.
export const L = 8;
export const L_FLAGS = 0;
export const L_LINE = 1;
export const L_COLUMN = 2;
export const L_TARGET = 3; // see TARGET_*; >= 0 a file
export const L_TEXT = 4; // linkTitle of the text, -1 when not carried
export const L_AUX1 = 5; // changes: timestamp string or -1; related: first context tag
export const L_AUX2 = 6; // changes: destination string (non-internal targets) or -1; related: tag count
export const L_AUX3 = 7; // related: column of the `_Context` mark

export const VIA_MASK = 3;
export const VIAS: readonly Via[] = ["date", "related", "changes", "day"];
export const TARGET_SHIFT = 2; // 0 internal, 1 outside, 2 external, 3 fragment
export const TARGET_KINDS: readonly LinkTarget["kind"][] = ["internal", "outside", "external", "fragment"];
export const CHANGE_SHIFT = 4; // 0 first, 1 update, 2 current, 3 unknown
export const CHANGE_KINDS = ["first", "update", "current", "unknown"] as const;
export const LINK_STALE = 1 << 7;

export const TARGET_NONE = -1; // not an internal link
/**
 * A target given by its path: -3 - (string index of the path). In a part,
 * a target outside it (or missing from it); once the whole index is
 * resolved, a target that does not exist.
 */
export const TARGET_PATH = -3;

// A finding: D ints.
export const D = 6;
export const D_FILE = 0;
export const D_LINE = 1;
export const D_COLUMN = 2;
export const D_RULE = 3;
export const D_FLAGS = 4; // bit 0 warning, bit 1 current versions only
export const D_MESSAGE = 5;

class Strings {
  readonly list: string[] = [];
  private readonly ids = new Map<string, number>();
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(s);
      this.ids.set(s, id);
    }
    return id;
  }
}

/**
 * `files` sorted by path; `prefix` is the part's folder with a trailing
 * slash (null: no folder, every target leaves the part). `findings` are
 * each file's own, in the order its rules made them.
 */
export function writePart(files: ScannedFile[], findings: FileFinding[][], prefix: string | null): Part {
  const strings = new Strings();
  const local = new Map<string, number>();
  files.forEach((f, i) => local.set(f.path, i));
  const titles = files.map(titleOf);
  const fileInts: number[] = [];
  const linkInts: number[] = [];
  const tagInts: number[] = [];
  const diagInts: number[] = [];
  const resolve = (link: ScannedLink): number => {
    if (link.target.kind !== "internal") return TARGET_NONE;
    const path = link.target.path;
    const inPart = prefix !== null && path.startsWith(prefix) ? local.get(path) : undefined;
    return inPart ?? TARGET_PATH - strings.id(path);
  };
  files.forEach((file, i) => {
    const first = linkInts.length / L;
    for (const link of file.links) writeLink(link, resolve(link), titles, strings, linkInts, tagInts);
    const firstTag = tagInts.length;
    for (const tag of file.declared ?? []) tagInts.push(strings.id(tag));
    fileInts.push(
      strings.id(file.path),
      fileFlags(file),
      file.info ? file.info.year * 10000 + file.info.month * 100 + file.info.day : 0,
      file.title ? strings.id(file.title.text.trim()) : -1,
      file.title ? file.title.line : 0,
      file.changesLine,
      first,
      file.links.length,
      firstTag,
      tagInts.length - firstTag,
    );
    for (const d of findings[i] ?? []) {
      diagInts.push(i, d.line, d.column, strings.id(d.rule), (d.severity === "warning" ? 1 : 0) | (d.currentOnly ? 2 : 0), strings.id(d.message));
    }
  });
  return pack(fileInts, linkInts, tagInts, diagInts, strings.list);
}

function writeLink(link: ScannedLink, target: number, titles: (string | null)[], strings: Strings, out: number[], tags: number[]): void {
  let flags = VIAS.indexOf(link.via) | (TARGET_KINDS.indexOf(link.target.kind) << TARGET_SHIFT);
  let text = -1;
  if (target >= 0) {
    const title = titles[target] ?? null;
    if (title !== null && link.via !== "date" && linkTitle(link) !== title) flags |= LINK_STALE;
  } else if (target !== TARGET_NONE && link.via !== "date") {
    // Compared (or suggested for, when missing) on the main thread.
    text = strings.id(linkTitle(link));
  }
  let aux1 = -1;
  let aux2 = -1;
  let aux3 = 0;
  if (link.via === "changes") {
    flags |= CHANGE_KINDS.indexOf(link.kind) << CHANGE_SHIFT;
    aux1 = link.timestamp === null ? -1 : strings.id(link.timestamp);
    aux2 = link.target.kind === "internal" ? -1 : strings.id(link.dest);
  } else if (link.via === "related") {
    aux1 = tags.length;
    for (const tag of link.contexts) tags.push(strings.id(tag));
    aux2 = link.contexts.length;
    aux3 = link.contextColumn;
  }
  out.push(flags, link.line, link.column, target, text, aux1, aux2, aux3);
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
  return flags;
}

function pack(files: number[], links: number[], tags: number[], diags: number[], strs: string[]): Part {
  const ints = new Int32Array(HEAD + files.length + links.length + tags.length + diags.length + strs.length);
  ints.set([FORMAT, files.length / F, links.length / L, tags.length, diags.length / D, strs.length]);
  let at = HEAD;
  for (const list of [files, links, tags, diags]) {
    ints.set(list, at);
    at += list.length;
  }
  let end = 0;
  for (const s of strs) {
    end += s.length;
    ints[at++] = end;
  }
  return { ints, strs: strs.join("") };
}

/** Where each section of a part starts, in ints. */
export function sectionsOf(ints: Int32Array): { files: number; links: number; tags: number; diags: number; ends: number; counts: number[] } {
  if (ints.length < HEAD || ints[0] !== FORMAT) throw new Error("not an index part of this format");
  const [, nFiles, nLinks, nTags, nDiags, nStrings] = ints as unknown as number[];
  const files = HEAD;
  const links = files + nFiles! * F;
  const tags = links + nLinks! * L;
  const diags = tags + nTags!;
  const ends = diags + nDiags! * D;
  if (ends + nStrings! !== ints.length) throw new Error("index part has the wrong length");
  return { files, links, tags, diags, ends, counts: [nFiles!, nLinks!, nTags!, nDiags!, nStrings!] };
}

// The lean index of a whole archive: every part's integers in one set of
// arrays, ids made global, every link's target resolved to a file id. Parts
// come in any order (workers finish when they finish); `order` lists the
// file ids by path, the order every answer is given in.

import {
  D,
  D_FILE,
  D_MESSAGE,
  D_RULE,
  F,
  F_LINK,
  F_PATH,
  F_TAG,
  F_TITLE,
  L,
  L_AUX1,
  L_AUX2,
  L_FLAGS,
  L_TARGET,
  L_TEXT,
  sectionsOf,
  TARGET_PATH,
  VIA_MASK,
  type Part,
} from "./part.js";

const RELATED = 1;
const CHANGES = 2;

export interface ArchiveIndex {
  strings: string[];
  /** F ints per file (see part.ts), ids global. */
  files: Int32Array;
  /** L ints per link; L_TARGET is a file id, TARGET_NONE, or (at or below TARGET_PATH) the path of a missing file. */
  links: Int32Array;
  tags: Int32Array;
  diags: Int32Array;
  fileCount: number;
  /** File ids in path order. */
  order: Int32Array;
  /** File id by archive path. */
  idOf: Map<string, number>;
}

interface Chunk {
  first: number;
  count: number;
}

/** Takes parts as they come; `finish` gives the index. */
export class IndexBuilder {
  private strings: string[] = [];
  private files: Int32Array[] = [];
  private links: Int32Array[] = [];
  private tags: Int32Array[] = [];
  private diags: Int32Array[] = [];
  private counts = [0, 0, 0, 0];
  private chunks: Chunk[] = [];

  add(part: Part): void {
    const at = sectionsOf(part.ints);
    const [nFiles, nLinks, nTags, nDiags, nStrings] = at.counts as [number, number, number, number, number];
    const [fileBase, linkBase, tagBase] = this.counts as [number, number, number, number];
    const strBase = this.strings.length;
    let start = 0;
    for (let i = 0; i < nStrings; i++) {
      const end = part.ints[at.ends + i]!;
      this.strings.push(part.strs.substring(start, end));
      start = end;
    }
    const files = part.ints.slice(at.files, at.files + nFiles * F);
    for (let o = 0; o < files.length; o += F) {
      files[o + F_PATH]! += strBase;
      if (files[o + F_TITLE]! >= 0) files[o + F_TITLE]! += strBase;
      files[o + F_LINK]! += linkBase;
      files[o + F_TAG]! += tagBase;
    }
    const links = part.ints.slice(at.links, at.links + nLinks * L);
    for (let o = 0; o < links.length; o += L) shiftLink(links, o, fileBase, strBase, tagBase);
    const tags = part.ints.slice(at.tags, at.tags + nTags);
    for (let i = 0; i < tags.length; i++) tags[i]! += strBase;
    const diags = part.ints.slice(at.diags, at.diags + nDiags * D);
    for (let o = 0; o < diags.length; o += D) {
      diags[o + D_FILE]! += fileBase;
      diags[o + D_RULE]! += strBase;
      diags[o + D_MESSAGE]! += strBase;
    }
    this.files.push(files);
    this.links.push(links);
    this.tags.push(tags);
    this.diags.push(diags);
    if (nFiles > 0) this.chunks.push({ first: fileBase, count: nFiles });
    this.counts = [fileBase + nFiles, linkBase + nLinks, tagBase + nTags, this.counts[3]! + nDiags];
  }

  finish(): ArchiveIndex {
    const index: ArchiveIndex = {
      strings: this.strings,
      files: concat(this.files),
      links: concat(this.links),
      tags: concat(this.tags),
      diags: concat(this.diags),
      fileCount: this.counts[0]!,
      order: new Int32Array(0),
      idOf: new Map(),
    };
    this.files = this.links = this.tags = this.diags = [];
    const paths = new Array<string>(index.fileCount);
    for (let id = 0; id < index.fileCount; id++) {
      const path = index.strings[index.files[id * F + F_PATH]!]!;
      paths[id] = path;
      index.idOf.set(path, id);
    }
    index.order = pathOrder(this.chunks, paths);
    resolveTargets(index);
    return index;
  }
}

function shiftLink(links: Int32Array, o: number, fileBase: number, strBase: number, tagBase: number): void {
  const target = links[o + L_TARGET]!;
  if (target >= 0) links[o + L_TARGET] = target + fileBase;
  else if (target <= TARGET_PATH) links[o + L_TARGET] = target - strBase;
  if (links[o + L_TEXT]! >= 0) links[o + L_TEXT]! += strBase;
  const via = links[o + L_FLAGS]! & VIA_MASK;
  if (via === CHANGES) {
    if (links[o + L_AUX1]! >= 0) links[o + L_AUX1]! += strBase;
    if (links[o + L_AUX2]! >= 0) links[o + L_AUX2]! += strBase;
  } else if (via === RELATED) {
    links[o + L_AUX1]! += tagBase;
  }
}

function concat(list: Int32Array[]): Int32Array {
  let n = 0;
  for (const a of list) n += a.length;
  const out = new Int32Array(n);
  let at = 0;
  for (const a of list) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

/**
 * Each part is sorted and holds one folder, so the parts in the order of
 * their first paths are the whole archive in path order. Should two ever
 * overlap, every path is sorted instead.
 */
function pathOrder(chunks: Chunk[], paths: string[]): Int32Array {
  const sorted = [...chunks].sort((a, b) => compare(paths[a.first]!, paths[b.first]!));
  const order = new Int32Array(paths.length);
  let at = 0;
  let last: string | null = null;
  for (const c of sorted) {
    if (last !== null && compare(last, paths[c.first]!) >= 0) return sortAll(paths);
    for (let i = 0; i < c.count; i++) order[at++] = c.first + i;
    last = paths[c.first + c.count - 1]!;
  }
  return order;
}

function sortAll(paths: string[]): Int32Array {
  const ids = Array.from(paths.keys()).sort((a, b) => compare(paths[a]!, paths[b]!));
  return Int32Array.from(ids);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function resolveTargets(index: ArchiveIndex): void {
  const { links, strings, idOf } = index;
  for (let o = L_TARGET; o < links.length; o += L) {
    const target = links[o]!;
    if (target <= TARGET_PATH) links[o] = idOf.get(strings[TARGET_PATH - target]!) ?? target;
  }
}

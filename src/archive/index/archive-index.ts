// The lean index of a whole archive: every part's integers in one set of
// arrays, ids made global, every link's target resolved to a file id. Parts
// come in any order (workers finish when they finish); `order` lists the
// file ids by path, the order every answer is given in. Strings stay in the
// parts' joined strings (see strings.ts); paths are found by their hash.

import {
  D,
  D_FILE,
  D_MESSAGE,
  D_RULE,
  F,
  F_HASH,
  F_LINK,
  F_PATH,
  F_TAG,
  F_TITLE,
  L,
  L_AUX1,
  L_AUX2,
  L_FLAGS,
  L_HASH,
  L_TARGET,
  L_TEXT,
  sectionsOf,
  TARGET_PATH,
  VIA_MASK,
  type Part,
} from "./part.js";
import { HashTable, hashString, StringTable } from "./strings.js";

const RELATED = 1;
const CHANGES = 2;

export interface ArchiveIndex {
  text: StringTable;
  /** F ints per file (see part.ts), ids global. */
  files: Int32Array;
  /** L ints per link; L_TARGET is a file id, TARGET_NONE, or (at or below TARGET_PATH) the path of a missing file. */
  links: Int32Array;
  tags: Int32Array;
  diags: Int32Array;
  fileCount: number;
  /** File ids in path order. */
  order: Int32Array;
  /** The file id of an archive path, or -1. */
  idOf(path: string): number;
}

interface Chunk {
  first: number;
  count: number;
}

/** A growing Int32Array. */
class Grow {
  data = new Int32Array(4096);
  length = 0;

  /** Room for `n` more; returns where they go. */
  reserve(n: number): number {
    if (this.length + n > this.data.length) {
      const bigger = new Int32Array(Math.max(this.data.length * 2, this.length + n));
      bigger.set(this.data.subarray(0, this.length));
      this.data = bigger;
    }
    const at = this.length;
    this.length += n;
    return at;
  }

  done(): Int32Array {
    return this.data.subarray(0, this.length);
  }

  /** Room for `n` in all, at once (rather than by doubling). */
  expect(n: number): void {
    if (n <= this.data.length) return;
    const bigger = new Int32Array(n);
    bigger.set(this.data.subarray(0, this.length));
    this.data = bigger;
  }
}

/**
 * Takes parts as they come, while the workers go on reading: their ints
 * are appended with ids made global, their files entered in the path
 * table, and the links they hold to files already here resolved at once.
 * `finish` resolves the rest and gives the index.
 */
export class IndexBuilder {
  private readonly text = new StringTable();
  private readonly files = new Grow();
  private readonly links = new Grow();
  private readonly tags = new Grow();
  private readonly diags = new Grow();
  private readonly table = new HashTable();
  /** Offsets of links whose target was not here yet when they came. */
  private pending: number[] = [];
  private readonly chunks: Chunk[] = [];

  /** `expectedParts`: how many parts will come, to size the arrays from the first. */
  constructor(private readonly expectedParts = 1) {}

  add(part: Part): void {
    const at = sectionsOf(part.ints);
    const [nFiles, nLinks, nTags, nDiags, nStrings] = at.counts as [number, number, number, number, number];
    if (this.chunks.length === 0 && nFiles > 0) {
      // Parts are months of a similar size: room for all of them, and a quarter more.
      const scale = (n: number) => Math.ceil(n * this.expectedParts * 1.25);
      this.files.expect(scale(nFiles * F));
      this.links.expect(scale(nLinks * L));
      this.tags.expect(scale(nTags));
      this.text.expect(scale(nStrings));
      this.table.expect(scale(nFiles));
    }
    const src = part.ints;
    const strBase = this.text.add(part.strs, src.subarray(at.ends, at.ends + nStrings));
    const fileBase = this.files.length / F;
    const linkBase = this.links.length / L;
    const tagBase = this.tags.length;
    const fo = this.files.reserve(nFiles * F);
    const files = this.files.data;
    files.set(src.subarray(at.files, at.files + nFiles * F), fo);
    for (let o = fo; o < fo + nFiles * F; o += F) {
      files[o + F_PATH]! += strBase;
      if (files[o + F_TITLE]! >= 0) files[o + F_TITLE]! += strBase;
      files[o + F_LINK]! += linkBase;
      files[o + F_TAG]! += tagBase;
    }
    const lo = this.links.reserve(nLinks * L);
    const links = this.links.data;
    links.set(src.subarray(at.links, at.links + nLinks * L), lo);
    for (let o = lo; o < lo + nLinks * L; o += L) shiftLink(links, o, fileBase, strBase, tagBase);
    const to = this.tags.reserve(nTags);
    for (let i = 0; i < nTags; i++) this.tags.data[to + i] = src[at.tags + i]! + strBase;
    const dO = this.diags.reserve(nDiags * D);
    const diags = this.diags.data;
    diags.set(src.subarray(at.diags, at.diags + nDiags * D), dO);
    for (let o = dO; o < dO + nDiags * D; o += D) {
      diags[o + D_FILE]! += fileBase;
      diags[o + D_RULE]! += strBase;
      diags[o + D_MESSAGE]! += strBase;
    }
    for (let id = fileBase; id < fileBase + nFiles; id++) this.table.insert(id, files[id * F + F_HASH]!);
    if (nFiles > 0) this.chunks.push({ first: fileBase, count: nFiles });
    for (let o = lo; o < lo + nLinks * L; o += L) if (links[o + L_TARGET]! <= TARGET_PATH && !this.resolve(o)) this.pending.push(o);
  }

  /** Points the link at `o` to the file its path names, when that file is here. */
  private resolve(o: number): boolean {
    const links = this.links.data;
    const id = this.table.findBy(links[o + L_HASH]!, this.samePath, TARGET_PATH - links[o + L_TARGET]!);
    if (id < 0) return false;
    links[o + L_TARGET] = id;
    return true;
  }

  /** Whether file `id`'s path is string `path` (bound once: no closure per link). */
  private readonly samePath = (id: number, path: number): boolean => this.text.equal(this.files.data[id * F + F_PATH]!, path);

  finish(): ArchiveIndex {
    for (const o of this.pending) this.resolve(o);
    this.pending = [];
    const { text, table } = this;
    const files = this.files.done();
    return {
      text,
      files,
      links: this.links.done(),
      tags: this.tags.done(),
      diags: this.diags.done(),
      fileCount: files.length / F,
      order: pathOrder(this.chunks, files, text),
      idOf: (path) => table.find(hashString(path), (id) => text.equalTo(files[id * F + F_PATH]!, path)),
    };
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

/**
 * Each part is sorted and holds one folder, so the parts in the order of
 * their first paths are the whole archive in path order. Should two ever
 * overlap, every path is sorted instead.
 */
function pathOrder(chunks: Chunk[], files: Int32Array, text: StringTable): Int32Array {
  const path = (id: number) => text.get(files[id * F + F_PATH]!);
  const firsts = new Map(chunks.map((c) => [c, path(c.first)]));
  const sorted = [...chunks].sort((a, b) => compare(firsts.get(a)!, firsts.get(b)!));
  const count = chunks.reduce((n, c) => n + c.count, 0);
  const order = new Int32Array(count);
  let at = 0;
  let last: string | null = null;
  for (const c of sorted) {
    if (last !== null && compare(last, firsts.get(c)!) >= 0) return sortAll(count, path);
    for (let i = 0; i < c.count; i++) order[at++] = c.first + i;
    last = path(c.first + c.count - 1);
  }
  return order;
}

function sortAll(count: number, path: (id: number) => string): Int32Array {
  const paths = Array.from({ length: count }, (_, id) => path(id));
  const ids = Array.from(paths.keys()).sort((a, b) => compare(paths[a]!, paths[b]!));
  return Int32Array.from(ids);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}


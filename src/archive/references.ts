// One cheap pass over every file's bytes, parsing none of them, that answers
// later "which files may link to a file named N?" and "which files may have
// the title T?". It keeps hashes only, so a hit is a candidate to parse and
// confirm, never an answer; but a file that does link to N (however the link
// is written: root-relative, relative, percent-encoded, with ?query or
// #fragment) or does have title T is always among the candidates.

import { closeSync, constants, openSync, readSync } from "node:fs";
import { join } from "node:path";

export interface ReferenceIndex {
  /** Files whose bytes may hold a link to a file named `name` (a base name, `x.md`). */
  mayLink(name: string): string[];
  /** Files whose bytes may hold the title line `# <title>` (compared trimmed). */
  mayHaveTitle(title: string): string[];
}

/** No file name on any common file system is longer than this many bytes. */
const MAX_NAME_BYTES = 1024;
const DOT_MD = Buffer.from(".md");
const SLASH = 0x2f;
const PERCENT = 0x25;
const HASH_SIGN = 0x23;
const TITLE = /^#[ \t]+(.*)$/;

export function indexReferences(root: string, paths: string[]): ReferenceIndex {
  const names = new HashList(paths.length, 8);
  const titles = new HashList(paths.length, 2);
  const buffer = new FileBuffer();
  paths.forEach((path, id) => {
    const bytes = buffer.read(join(root, path));
    if (bytes === null) return; // Unreadable: it links to nothing and has no title.
    const addName = (hash: number) => names.push(hash, id);
    collectNames(bytes, addName);
    // A segment is matched decoded (resolveLink decodes each one), so match the decoded bytes too.
    if (bytes.includes(PERCENT)) collectNames(decodePercents(bytes), addName);
    collectTitles(bytes, (hash) => titles.push(hash, id));
  });
  const nameTable = names.seal();
  const titleTable = titles.seal();
  const lookup = (table: SortedPairs, hash: number) => table.filesWith(hash).map((id) => paths[id]!);
  return {
    mayLink: (name) => lookup(nameTable, hashName(name)),
    mayHaveTitle: (title) => lookup(titleTable, hashString(title.trim())),
  };
}

function hashName(name: string): number {
  const bytes = Buffer.from(name, "utf8");
  return hashBytes(bytes, 0, bytes.length);
}

/**
 * (hash, file) pairs packed into one number each, in one typed array sorted
 * once: no object per pair, and a lookup is a binary search. A double holds
 * 53 bits exactly: the file id takes what it needs, the hash the rest (all
 * 32 bits up to 2 million files); a shortened hash only means more candidates.
 */
class HashList {
  private pairs: Float64Array;
  private length = 0;
  private readonly ids: number;
  private readonly shift: number;
  constructor(files: number, perFile: number) {
    const idBits = Math.max(1, Math.ceil(Math.log2(files + 1)));
    this.ids = 2 ** idBits;
    this.shift = Math.max(0, 32 - (53 - idBits));
    this.pairs = new Float64Array(Math.max(1024, files * perFile));
  }
  push(hash: number, id: number): void {
    if (this.length === this.pairs.length) {
      const grown = new Float64Array(this.pairs.length * 2);
      grown.set(this.pairs);
      this.pairs = grown;
    }
    this.pairs[this.length++] = (hash >>> this.shift) * this.ids + id;
  }
  seal(): SortedPairs {
    return new SortedPairs(this.pairs.subarray(0, this.length).sort(), this.ids, this.shift);
  }
}

class SortedPairs {
  constructor(
    private readonly pairs: Float64Array,
    private readonly ids: number,
    private readonly shift: number,
  ) {}
  filesWith(hash: number): number[] {
    const low = (hash >>> this.shift) * this.ids;
    let lo = 0;
    let hi = this.pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.pairs[mid]! < low) lo = mid + 1;
      else hi = mid;
    }
    const found = new Set<number>();
    for (let i = lo; i < this.pairs.length && this.pairs[i]! < low + this.ids; i++) found.add(this.pairs[i]! - low);
    return [...found];
  }
}

const SHRINK_ABOVE = 1 << 24;

/** Reads files into one reused buffer: a large archive is read without a new Buffer per file. */
class FileBuffer {
  private buffer = Buffer.allocUnsafe(1 << 16);
  /** The file's bytes (valid until the next read), or null when it cannot be read. */
  read(path: string): Buffer | null {
    let fd: number;
    try {
      // Non-blocking: a FIFO swapped in after the listing must not hang the scan.
      fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    } catch {
      return null;
    }
    try {
      let length = 0;
      for (;;) {
        if (length === this.buffer.length) {
          const grown = Buffer.allocUnsafe(this.buffer.length * 2);
          this.buffer.copy(grown, 0, 0, length);
          this.buffer = grown;
        }
        const n = readSync(fd, this.buffer, length, this.buffer.length - length, null);
        if (n === 0) break;
        length += n;
      }
      const bytes = this.buffer.subarray(0, length);
      // One huge file should not keep a huge buffer for the rest of the scan (the caller is done with it first).
      if (this.buffer.length > SHRINK_ABOVE) this.buffer = Buffer.allocUnsafe(1 << 16);
      return bytes;
    } catch {
      return null;
    } finally {
      closeSync(fd);
    }
  }
}

/**
 * Every `.md` ends a candidate file name; it starts after the last "/" before
 * it, or after a "(", "<", space or tab on the way back (a relative link
 * without a folder). Each possible start is hashed: a superset, never a miss.
 */
function collectNames(bytes: Buffer, emit: (hash: number) => void): void {
  for (let at = bytes.indexOf(DOT_MD); at >= 0; at = bytes.indexOf(DOT_MD, at + 3)) {
    const end = at + 3;
    const stop = Math.max(-1, at - MAX_NAME_BYTES);
    let k = at - 1;
    for (; k > stop; k--) {
      const c = bytes[k]!;
      if (c === SLASH || c === 0x0a || c === 0x0d) break;
      if (c === 0x28 || c === 0x3c || c === 0x20 || c === 0x09) emit(hashBytes(bytes, k + 1, end));
    }
    emit(hashBytes(bytes, k + 1, end));
  }
}

/** Title lines: `#`, blanks, text; at the start of the file (after a BOM) or of a line. */
function collectTitles(bytes: Buffer, emit: (hash: number) => void): void {
  const bomEnd = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let at = bytes.indexOf(HASH_SIGN); at >= 0; at = bytes.indexOf(HASH_SIGN, at + 1)) {
    const before = bytes[at - 1];
    if (at !== bomEnd && before !== 0x0a && before !== 0x0d) continue;
    const next = bytes[at + 1];
    if (next !== 0x20 && next !== 0x09) continue;
    let end = at + 1;
    while (end < bytes.length && bytes[end] !== 0x0a && bytes[end] !== 0x0d) end++;
    const m = TITLE.exec(bytes.toString("utf8", at, end));
    if (m) emit(hashString(m[1]!.trim()));
    at = end - 1;
  }
}

/** Every %XX as its byte; other bytes as they are. */
function decodePercents(bytes: Buffer): Buffer {
  const out = Buffer.allocUnsafe(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === PERCENT && i + 2 < bytes.length) {
      const hi = hexValue(bytes[i + 1]!);
      const lo = hexValue(bytes[i + 2]!);
      if (hi >= 0 && lo >= 0) {
        out[n++] = hi * 16 + lo;
        i += 2;
        continue;
      }
    }
    out[n++] = c;
  }
  return out.subarray(0, n);
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/** FNV-1a, 32 bits: a collision only costs one more file parsed. */
function hashBytes(bytes: Buffer, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

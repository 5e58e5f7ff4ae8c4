// One cheap pass over every file's bytes, parsing none of them, that answers
// later "which files may link to a file named N?" and "which files may have
// the title T?". It keeps hashes only, so a hit is a candidate to parse and
// confirm, never an answer; but a file that does link to N (however the link
// is written: root-relative, relative, percent-encoded, with ?query or
// #fragment) or does have title T is always among the candidates.

import { readFileSync } from "node:fs";
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
  const names = new Map<number, number[]>();
  const titles = new Map<number, number[]>();
  const add = (map: Map<number, number[]>, key: number, id: number) => {
    const list = map.get(key);
    if (!list) map.set(key, [id]);
    else if (list[list.length - 1] !== id) list.push(id);
  };
  paths.forEach((path, id) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(root, path));
    } catch {
      return; // Unreadable: it links to nothing and has no title.
    }
    collectNames(bytes, (h) => add(names, h, id));
    // A segment is matched decoded (resolveLink decodes each one), so match the decoded bytes too.
    if (bytes.includes(PERCENT)) collectNames(decodePercents(bytes), (h) => add(names, h, id));
    collectTitles(bytes, (h) => add(titles, h, id));
  });
  const lookup = (map: Map<number, number[]>, key: number) => (map.get(key) ?? []).map((id) => paths[id]!);
  return {
    mayLink: (name) => lookup(names, hashBytes(Buffer.from(name, "utf8"), 0, Buffer.byteLength(name, "utf8"))),
    mayHaveTitle: (title) => lookup(titles, hashString(title.trim())),
  };
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

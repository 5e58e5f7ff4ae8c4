// Markdown inline links as the archive writes them, and where they point.

export interface InlineLink {
  text: string;
  dest: string;
  /** 0-based offsets in the line: the "[" and one past the ")". */
  start: number;
  end: number;
  /** 0-based offsets of the destination text inside the parentheses. */
  destStart: number;
  destEnd: number;
  /** The destination was written as <...>. */
  angle: boolean;
}

/** CommonMark: a backslash escapes ASCII punctuation; before anything else it is a backslash. */
const ESCAPED = /\\([!-/:-@[-`{-~])/g;
const isEscapable = (c: string | undefined) => c !== undefined && /^[!-/:-@[-`{-~]$/.test(c);

/**
 * Parse `[text](dest "title")` starting at `from`, or return null. `dest` is
 * the destination as markdown means it: `<...>` unwrapped and backslash
 * escapes (`\)`, `\\`) decoded, so `formatDestination` round-trips any URL.
 */
export function parseLinkAt(line: string, from: number): InlineLink | null {
  if (line[from] !== "[") return null;
  let depth = 0;
  let i = from;
  for (; i < line.length; i++) {
    const c = line[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === "[") depth++;
    else if (c === "]" && --depth === 0) break;
  }
  if (i >= line.length || line[i + 1] !== "(") return null;
  const text = line.slice(from + 1, i);
  let p = i + 2;
  while (line[p] === " " || line[p] === "\t") p++;
  let destStart = p;
  let destEnd: number;
  let angle = false;
  if (line[p] === "<") {
    angle = true;
    destStart = p + 1;
    for (p = destStart; p < line.length && line[p] !== ">"; p++) if (line[p] === "\\" && isEscapable(line[p + 1])) p++;
    if (p >= line.length) return null;
    destEnd = p;
    p++;
  } else {
    let parens = 0;
    for (; p < line.length; p++) {
      const c = line[p];
      if (c === "\\" && isEscapable(line[p + 1])) {
        p++;
        continue;
      }
      if (c === "(") parens++;
      else if (c === ")") {
        if (parens === 0) break;
        parens--;
      } else if (c === " " || c === "\t") break;
    }
    destEnd = Math.min(p, line.length);
  }
  while (line[p] === " " || line[p] === "\t") p++;
  if (line[p] === '"' || line[p] === "'") {
    const q = line[p]!;
    const close = line.indexOf(q, p + 1);
    if (close < 0) return null;
    p = close + 1;
    while (line[p] === " " || line[p] === "\t") p++;
  }
  if (line[p] !== ")") return null;
  const raw = line.slice(destStart, destEnd);
  const dest = raw.includes("\\") ? raw.replace(ESCAPED, "$1") : raw;
  return { text, dest, start: from, end: p + 1, destStart, destEnd, angle };
}

/**
 * A URL as a link destination that parseLinkAt reads back as the same URL:
 * backslashes and angle brackets escaped, parentheses escaped only when
 * they do not pair up (so `…/Mali_(country)` stays as people write it).
 */
export function formatDestination(url: string): string {
  const out = url.replace(/[\\<>]/g, (c) => "\\" + c);
  return parensPair(url) ? out : out.replace(/[()]/g, (c) => "\\" + c);
}

function parensPair(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === "(") depth++;
    else if (c === ")" && --depth < 0) return false;
  }
  return depth === 0;
}

export type LinkTarget =
  | { kind: "internal"; path: string }
  | { kind: "outside" }
  | { kind: "external"; url: string }
  | { kind: "fragment" };

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

function decode(segment: string): string {
  if (!segment.includes("%")) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Resolve a link found in the file at archive path `fromPath`. Root-relative
 * links resolve against the archive root, never the file system root.
 */
export function resolveLink(fromPath: string, dest: string): LinkTarget {
  if (SCHEME.test(dest) || dest.startsWith("//")) return { kind: "external", url: dest };
  const bare = dest.replace(/[?#].*$/s, "");
  if (bare === "") return { kind: "fragment" };
  const parts: string[] = bare.startsWith("/") ? [] : fromPath.split("/").slice(0, -1);
  for (const raw of bare.split("/")) {
    const seg = decode(raw);
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (parts.length === 0) return { kind: "outside" };
      parts.pop();
      continue;
    }
    if (seg.includes("/") || seg.includes("\\") || seg.includes("\0")) return { kind: "outside" };
    parts.push(seg);
  }
  // The archive is news/: a link that climbs out of it (even to a sibling
  // of news/ under the root) is outside, and its target is never read.
  if (parts.length < 2 || parts[0] !== "news") return { kind: "outside" };
  return { kind: "internal", path: parts.join("/") };
}

/** The root-relative link the archive writes for an archive path (parentheses encoded when they do not pair up). */
export function linkTo(path: string): string {
  const encoded = path
    .split("/")
    .map((seg) => (/^[A-Za-z0-9._~-]+$/.test(seg) ? seg : encodeURIComponent(seg)))
    .join("/");
  const link = "/" + encoded;
  return parensPair(link) ? link : link.replace(/[()]/g, (c) => (c === "(" ? "%28" : "%29"));
}

// The fast path's shortcuts for links, each giving what the parser's own
// function gives (parseLinkAt, resolveLink, splitContexts) for the common
// case and calling it for anything else.

import { parseLinkAt, resolveLink, type InlineLink, type LinkTarget } from "../format/links.js";
import { splitContexts } from "../format/parse-event.js";

/**
 * parseLinkAt for the common link: no brackets or backslashes in the text,
 * no parentheses, blanks or backslashes in the destination, no title. Found
 * with native searches instead of a loop over characters; anything else is
 * left to parseLinkAt itself.
 */
export function linkAt(line: string, at: number): InlineLink | null {
  const close = line.indexOf("]", at + 1);
  if (close < 0 || within(line, "[", at + 1, close) || within(line, "\\", at + 1, close)) return parseLinkAt(line, at);
  if (line.charCodeAt(close + 1) !== 40) return null;
  const destStart = close + 2;
  const end = line.indexOf(")", destStart);
  const c = line.charCodeAt(destStart);
  if (end < 0 || c === 32 || c === 9 || c === 60 || within(line, "(", destStart, end) || within(line, " ", destStart, end) || within(line, "\t", destStart, end) || within(line, "\\", destStart, end)) {
    return parseLinkAt(line, at);
  }
  return { text: line.slice(at + 1, close), dest: line.slice(destStart, end), start: at, end: end + 1, destStart, destEnd: end, angle: false };
}

function within(line: string, what: string, from: number, to: number): boolean {
  const i = line.indexOf(what, from);
  return i >= 0 && i < to;
}

// The same `_Context: …_` text recurs across a folder's events: split once.
const contextLists = new Map<string, string[]>();

export function contextsOf(text: string): string[] {
  let tags = contextLists.get(text);
  if (!tags) {
    tags = splitContexts(text);
    if (contextLists.size < 10_000) contextLists.set(text, tags);
  }
  return tags;
}

// A root-relative link of plain path segments resolves to itself minus the
// slash: no dots, percent signs, queries or fragments to work out.
const PLAIN_INTERNAL = /^\/news(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+$/;

export function targetOf(path: string, dest: string): LinkTarget {
  return PLAIN_INTERNAL.test(dest) ? { kind: "internal", path: dest.slice(1) } : resolveLink(path, dest);
}

// newsctl's comments in a file, in markdownlint's syntax:
// `<!-- newsctl-disable-next-line stale-title -->` and its kin. They are
// markup, not content: the parser leaves them out of the summary, and the
// writers keep a guard comment right above the line it guards.

export type DirectiveKind = "disable" | "enable" | "disable-line" | "disable-next-line" | "disable-file";

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids as written, lower-cased; empty means every rule. */
  rules: string[];
}

const KINDS = new Set<string>(["disable", "enable", "disable-line", "disable-next-line", "disable-file"]);
const PREFIX = "newsctl-";

/**
 * Every newsctl directive in one line: each `<!-- newsctl-KIND [RULE…] -->`
 * opened and closed on it. Rules are separated by spaces or commas. A plain
 * scan (no regular expression), so a hostile line costs linear time.
 */
export function directivesIn(line: string): Directive[] {
  if (!line.includes(PREFIX)) return [];
  const found: Directive[] = [];
  for (let at = line.indexOf("<!--"); at >= 0; ) {
    const end = line.indexOf("-->", at + 4);
    if (end < 0) break;
    const words = line.slice(at + 4, end).split(/[\s,]+/).filter((w) => w !== "");
    const head = words[0]?.toLowerCase() ?? "";
    const kind = head.slice(PREFIX.length);
    if (head.startsWith(PREFIX) && KINDS.has(kind)) found.push({ kind: kind as DirectiveKind, rules: words.slice(1).map((w) => w.toLowerCase()) });
    at = line.indexOf("<!--", end + 3);
  }
  return found;
}

/** A line that holds nothing but comments, at least one of them newsctl's. */
export function isDirectiveLine(line: string): boolean {
  const text = line.trim();
  if (!text.startsWith("<!--") || !text.endsWith("-->")) return false;
  if (directivesIn(text).length === 0) return false;
  // Nothing between the comments: every "-->" is followed by "<!--" or the end.
  return text.split("-->").every((part, i, all) => (i === all.length - 1 ? part === "" : part.trimStart().startsWith("<!--")));
}

/** A line that guards the next one: comments only, among them a `newsctl-disable-next-line`. */
export function isGuardLine(line: string): boolean {
  return isDirectiveLine(line) && directivesIn(line).some((d) => d.kind === "disable-next-line");
}

/**
 * The first of the guard lines right above line `index` (0-based), so an
 * insertion "before line `index`" goes above them and never between a guard
 * and what it guards; `index` itself when there are none. Never above `top`.
 */
export function guardStart(lines: readonly string[], index: number, top = 0): number {
  let at = index;
  while (at - 1 >= top && isGuardLine(lines[at - 1]!)) at--;
  return at;
}

// What a field of an event may hold: one set of rules for add, revise and
// their prompts alike. The rule behind every check: the file newsctl writes
// reads back, through parseEvent, as exactly the value given. Values are
// trimmed first (leading and trailing whitespace is never kept), a summary's
// line breaks become "\n", and what markdown can escape is escaped when
// written (link texts, URLs) rather than refused. Each check returns why a
// value cannot be written, naming the character or line, or null.

import { isHeadingLine } from "./parse-event.js";
import { checkSourceUrl } from "./urls.js";

const NAMES: Record<number, string> = {
  0x00: "NULL",
  0x09: "CHARACTER TABULATION",
  0x0a: "LINE FEED",
  0x0b: "LINE TABULATION",
  0x0c: "FORM FEED",
  0x0d: "CARRIAGE RETURN",
  0x1b: "ESCAPE",
  0x20: "SPACE",
  0x7f: "DELETE",
  0x85: "NEXT LINE",
  0xa0: "NO-BREAK SPACE",
  0x2028: "LINE SEPARATOR",
  0x2029: "PARAGRAPH SEPARATOR",
  0xfeff: "ZERO WIDTH NO-BREAK SPACE",
};

/** "U+2028 (LINE SEPARATOR)": a character named so a reader can find it. */
export function describeChar(char: string): string {
  const cp = char.codePointAt(0)!;
  const hex = "U+" + cp.toString(16).toUpperCase().padStart(4, "0");
  const name = NAMES[cp] ?? (isControl(cp) ? "a control character" : isSurrogate(cp) ? "half of a surrogate pair" : isNoncharacter(cp) ? "a noncharacter" : null);
  return name ? `${hex} (${name})` : `${hex} (${JSON.stringify(char)})`;
}

const isControl = (cp: number) => cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
const isSurrogate = (cp: number) => cp >= 0xd800 && cp <= 0xdfff;
const isNoncharacter = (cp: number) => (cp & 0xfffe) === 0xfffe || (cp >= 0xfdd0 && cp <= 0xfdef);
const isLineBreak = (cp: number) => cp === 0x0a || cp === 0x0d || cp === 0x2028 || cp === 0x2029;

/**
 * The first character no file may hold (NUL makes it binary, other control
 * characters and noncharacters break its front matter or its display), or a
 * line break in a one-line field. Tabs are kept.
 */
function badCharacter(value: string, what: string, multiline: boolean): string | null {
  for (const char of value) {
    const cp = char.codePointAt(0)!;
    if (multiline && (cp === 0x0a || cp === 0x2028 || cp === 0x2029)) continue;
    if (!multiline && isLineBreak(cp)) return `${describeChar(char)} cannot be written in ${what}: it is one line`;
    if (cp === 0x09) continue;
    if (isControl(cp) || isSurrogate(cp) || isNoncharacter(cp)) return `${describeChar(char)} cannot be written in ${what}`;
  }
  return null;
}

/** A title as written: trimmed. */
export const cleanTitle = (value: string): string => value.trim();

export function checkTitle(value: string): string | null {
  const title = cleanTitle(value);
  if (title === "") return "a title cannot be empty";
  return badCharacter(title, "a title", false);
}

/** A summary as written: line breaks as "\n", trimmed as a whole (inner lines keep their spaces). */
export const cleanSummary = (value: string): string => value.replace(/\r\n?/g, "\n").trim();

const FENCE = /^(---|\.\.\.)[ \t]*$/;
// What markdown renders as a heading (up to three spaces before the hashes),
// besides what the parser ends a summary at (isHeadingLine).
const ANY_HEADING = /^ {0,3}#{1,6}(\s|$)/;

/** `required`: add needs a summary; revise may empty one. */
export function checkSummary(value: string, required = true): string | null {
  const summary = cleanSummary(value);
  if (summary === "") return required ? "a summary cannot be empty" : null;
  const bad = badCharacter(summary, "a summary", true);
  if (bad) return bad;
  const lines = summary.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const quoted = quote(line.length > 40 ? line.slice(0, 39) + "…" : line);
    if (isHeadingLine(line) || ANY_HEADING.test(line)) {
      return `summary line ${i + 1} (${quoted}) would read as a heading: a summary line cannot be a heading (# to ###### and a space, or a section heading such as ###Source:)`;
    }
    if (FENCE.test(line)) return `summary line ${i + 1} (${quoted}) cannot be --- or ... (a front matter fence, or a heading underline in markdown)`;
  }
  return null;
}

export const cleanName = (value: string): string => value.trim();

export function checkSourceName(value: string): string | null {
  const name = cleanName(value);
  if (name === "") return "a source needs a name";
  if (name.toLowerCase() === "cover image") return '"Cover Image" is the event\'s picture, not a source (add takes it as --cover; revise keeps it)';
  return badCharacter(name, "a source name", false);
}

export const cleanUrl = (value: string): string => value.trim();

/** Any absolute http(s) URL: `)`, `\` and `<>` are escaped when written, never refused. */
export function checkUrl(value: string): string | null {
  const url = cleanUrl(value);
  if (url === "") return "empty URL";
  const bad = badCharacter(url, "a URL", false);
  if (bad) return bad;
  // validate's bad-url refuses whitespace in a URL: a space must be written %20.
  const space = /\s/.exec(url);
  if (space) return `${describeChar(space[0])} cannot be written in a URL (write a space as %20)`;
  return checkSourceUrl(url);
}

export const cleanTag = (value: string): string => value.trim();

export function checkTag(value: string): string | null {
  const tag = cleanTag(value);
  if (tag === "") return "a tag cannot be empty";
  const bad = badCharacter(tag, "a tag", false);
  if (bad) return bad;
  // A tag is a name to match and search on: a tab in one is always a slip.
  if (tag.includes("\t")) return `${describeChar("\t")} cannot be written in a tag`;
  // Related items list tags as `_Context: a, b_`.
  if (/[,_]/.test(tag)) return "a tag cannot hold a comma or an underscore (they end a tag in a Related item's _Context: …_ list)";
  return null;
}

/** The same tag in another case is the same tag: the first spelling is kept. */
export function uniqueTags(tags: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = cleanTag(raw);
    if (seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

/** A value quoted for a message, every invisible or line-breaking character spelled out. */
export function quote(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f\u00a0\u2028\u2029\ufeff]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

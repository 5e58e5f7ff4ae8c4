// What a field of a new event may hold. Shared by the flags and the prompts,
// so a value typed at a prompt and one given as a flag meet the same rules.
// Each check returns why a value is refused, or null.

import { parseIsoDate } from "../../archive/paths.js";
import { checkSourceUrl } from "../../archive/urls.js";

export function checkDate(value: string): string | null {
  return parseIsoDate(value.trim()) ? null : "not a calendar date (YYYY-MM-DD)";
}

export function checkTitle(value: string): string | null {
  if (value.trim() === "") return "a title cannot be empty";
  if (/[\r\n]/.test(value)) return "a title is one line";
  return null;
}

/** A summary line that reads as a heading would end the summary when the file is read back. */
export function checkSummary(value: string): string | null {
  if (value.trim() === "") return "a summary cannot be empty";
  const heading = value.split(/\r\n|\r|\n/).find((line) => /^#{1,6}([ \t]|$)/.test(line));
  if (heading !== undefined) return `a summary line cannot be a heading (${JSON.stringify(heading)})`;
  if (value.split(/\r\n|\r|\n/).some((line) => /^(---|\.\.\.)[ \t]*$/.test(line))) return "a summary line cannot be --- or ...";
  return null;
}

export function checkSourceName(value: string): string | null {
  if (value.trim() === "") return "a source needs a name";
  if (/[\r\n]/.test(value)) return "a source name is one line";
  if (value.trim().toLowerCase() === "cover image") return '"Cover Image" is the picture: give it as the cover';
  return null;
}

/** checkSourceUrl, plus what would end the markdown link early. */
export function checkUrl(value: string): string | null {
  const problem = checkSourceUrl(value);
  if (problem) return problem;
  let depth = 0;
  for (const c of value) {
    if (c === "(") depth++;
    else if (c === ")" && --depth < 0) return "unbalanced parentheses (write them as %28 and %29)";
  }
  if (depth !== 0) return "unbalanced parentheses (write them as %28 and %29)";
  if (/[<>]/.test(value)) return "holds < or > (write them as %3C and %3E)";
  return null;
}

/** Tags live in `_Context: a, b_`: a comma or underscore would split or end the list. */
export function checkTag(value: string): string | null {
  if (value.trim() === "") return "a tag cannot be empty";
  if (/[,_\r\n]/.test(value)) return "a tag cannot hold a comma, an underscore or a line break";
  return null;
}

/** The same tag in another case is the same tag: keep the first spelling. */
export function uniqueTags(tags: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    if (seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

/** The tags two lists share, compared in any case, spelled as in `mine`. */
export function sharedTags(mine: string[], theirs: string[]): string[] {
  const lowered = new Set(theirs.map((t) => t.trim().toLowerCase()));
  return mine.filter((t) => lowered.has(t.trim().toLowerCase()));
}

/** Tags spelled as the archive already spells them ("mali" becomes "Mali"), so one tag stays one tag. */
export function spellLike(tags: string[], known: Iterable<string>): string[] {
  const spelling = new Map<string, string>();
  for (const tag of known) if (!spelling.has(tag.toLowerCase())) spelling.set(tag.toLowerCase(), tag);
  return uniqueTags(tags.map((t) => spelling.get(t.trim().toLowerCase()) ?? t.trim()));
}

// What only `add` asks of its input: a calendar date, and tags spelled as
// the archive spells them. The fields themselves follow the archive's one
// set of rules (src/archive/fields.ts), shared with revise and the prompts.

import { uniqueTags } from "../../archive/fields.js";
import { parseIsoDate } from "../../archive/paths.js";

export function checkDate(value: string): string | null {
  return parseIsoDate(value.trim()) ? null : "not a calendar date (YYYY-MM-DD)";
}

/** Tags spelled as the archive already spells them ("mali" becomes "Mali"), so one tag stays one tag. */
export function spellLike(tags: string[], known: Iterable<string>): string[] {
  const spelling = new Map<string, string>();
  for (const tag of known) if (!spelling.has(tag.toLowerCase())) spelling.set(tag.toLowerCase(), tag);
  return uniqueTags(tags.map((t) => spelling.get(t.trim().toLowerCase()) ?? t.trim()));
}

// What tags rename and merge accept: a new name that reads back as given,
// and old names that current events have.

import type { Archive } from "../../archive/types.js";
import { UsageError } from "../../errors.js";
import { checkTag } from "../../archive/format/fields.js";

/** A new tag name, trimmed; the refusals are those of add --tag and revise --tag. */
export function checkNewTag(value: string): string {
  const problem = checkTag(value);
  if (problem) throw new UsageError(`new tag ${quoted(value)}: ${problem}`);
  return value.trim();
}

/** JSON quoting, with the Unicode line separators escaped too, so a message stays one line. */
export function quoted(value: string): string {
  return JSON.stringify(value).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** `A B … INTO C` as merge takes it: INTO is the word before the last. */
export function parseMergeArgs(words: string[]): { from: string[]; to: string } {
  const at = words.length - 2;
  if (words.length < 3 || words[at]!.toUpperCase() !== "INTO") {
    throw new UsageError("tags merge takes TAG [TAG…] INTO TAG, for example: newsctl tags merge mali Malí INTO Mali");
  }
  return { from: words.slice(0, at), to: words[at + 1]! };
}

/** The names to replace: trimmed, each once, never the new name itself; at least one. */
export function oldNames(from: string[], to: string): string[] {
  const names = [...new Set(from.map((t) => t.trim()))].filter((t) => t !== to);
  if (names.some((t) => t === "")) throw new UsageError("an old tag name cannot be empty");
  if (names.length === 0) throw new UsageError(`nothing to do: the old name is already "${to}"`);
  return names;
}

/** Every tag a rename could touch: current events' own tags and their Related contexts. */
function tagsInUse(archive: Archive): Set<string> {
  const used = new Set<string>();
  for (const e of archive.events) {
    if (!e.current.title) continue;
    for (const t of e.contexts) used.add(t);
    for (const r of e.current.related) for (const t of r.contexts) used.add(t);
  }
  return used;
}

/** Exit 2 naming the first old name no current event has, with the spellings it does have. */
export function checkInUse(archive: Archive, names: string[]): void {
  const used = tagsInUse(archive);
  const missing = names.find((t) => !used.has(t));
  if (missing === undefined) return;
  const fold = (t: string) => t.normalize("NFC").toLowerCase();
  const alike = [...used].filter((t) => fold(t) === fold(missing)).sort();
  let hint = "";
  if (alike.length > 0) hint = `; tags are matched exactly, and the archive has ${alike.map((t) => JSON.stringify(t)).join(", ")}`;
  else if (onlySuperseded(archive, missing)) hint = "; only superseded versions have it, and they are history";
  throw new UsageError(`no current event has the tag ${quoted(missing)}${hint} (see newsctl tags)`);
}

function onlySuperseded(archive: Archive, tag: string): boolean {
  return archive.events.some((e) => e.versions.some((v) => v !== e.current && v.related.some((r) => r.contexts.includes(tag))));
}

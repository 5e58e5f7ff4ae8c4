// Suggestions for a new event: related events (most shared context tags,
// then closest in date) and near-identical titles. (The archive's tags are
// src/archive/tags.ts.)

import { sharedTags, sortTags } from "../../archive/format/contexts.js";
import { formatIsoDate, parseIsoDate } from "../../archive/format/paths.js";
import type { DayRef } from "../../archive/format/paths.js";
import type { Archive, EventFile } from "../../archive/types.js";

/** What suggestions need of an event's current version: a full file, or its lean index entry. */
export interface CurrentVersion {
  path: string;
  title: { text: string } | null;
  info: DayRef;
}

/** The archive's events as suggestions read them (see catalogue.ts). */
export interface Catalogue {
  events: { current: CurrentVersion; contexts: string[] }[];
}

export interface Suggestion {
  file: CurrentVersion;
  date: string;
  title: string;
  shared: string[];
  days: number;
}

function dayNumber(date: string): number {
  const ref = parseIsoDate(date);
  return ref ? Date.UTC(ref.year, ref.month - 1, ref.day) / 86_400_000 : 0;
}

/** Current events sharing at least one tag, best first; `exclude` holds paths already chosen. */
export function suggestRelated(archive: Catalogue, tags: string[], date: string, exclude: Set<string>): Suggestion[] {
  if (tags.length === 0) return [];
  const day = dayNumber(date);
  const out: Suggestion[] = [];
  for (const event of archive.events) {
    const file = event.current;
    if (!file.title || exclude.has(file.path)) continue;
    const shared = sortTags(sharedTags(tags, event.contexts));
    if (shared.length === 0) continue;
    const eventDate = formatIsoDate(file.info);
    out.push({ file, date: eventDate, title: file.title.text.trim(), shared, days: Math.abs(dayNumber(eventDate) - day) });
  }
  return out.sort((a, b) => b.shared.length - a.shared.length || a.days - b.days || (a.file.path < b.file.path ? -1 : 1));
}

/** Letters and digits only, in any script, lower-cased and single-spaced. */
function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function bigrams(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const gram = text.slice(i, i + 2);
    out.set(gram, (out.get(gram) ?? 0) + 1);
  }
  return out;
}

/** Dice similarity of character pairs: 1 for the same text, near 1 for a typo or an added word. */
export function titleSimilarity(a: string, b: string): number {
  const na = normalizeTitle(a);
  const nb = normalizeTitle(b);
  if (na === nb) return 1;
  if (na.length < 2 || nb.length < 2) return 0;
  const ga = bigrams(na);
  const gb = bigrams(nb);
  let common = 0;
  for (const [gram, n] of ga) common += Math.min(n, gb.get(gram) ?? 0);
  return (2 * common) / (na.length - 1 + nb.length - 1);
}

export const NEAR_IDENTICAL = 0.85;

/** Current events of the day whose title is near-identical to `title`, closest first. */
export function similarTitles(day: Archive, title: string): EventFile[] {
  const scored: { file: EventFile; score: number }[] = [];
  for (const event of day.events) {
    const file = event.current;
    if (!file.title) continue;
    const score = titleSimilarity(file.title.text, title);
    if (score >= NEAR_IDENTICAL) scored.push({ file, score });
  }
  return scored.sort((a, b) => b.score - a.score).map((s) => s.file);
}

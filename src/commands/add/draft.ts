// The new event as the flags give it: every value checked here, so that a
// bad flag fails before anything is read or asked.

import { formatIsoDate, pad2, parseIsoDate } from "../../archive/format/paths.js";
import { parseNameUrl } from "../../cli/options.js";
import { UsageError } from "../../errors.js";
import { checkSourceName, checkSummary, checkTag, checkTitle, checkUrl, cleanName, cleanSummary, cleanTitle, cleanUrl, quote, uniqueTags } from "../../archive/format/fields.js";
import { checkDate } from "./checks.js";

export interface AddOptions {
  date?: string;
  title?: string;
  summary?: string;
  source?: string[];
  cover?: string;
  tag?: string[];
  related?: string[];
  suggestRelated?: number;
  backlink?: boolean;
  yes?: boolean;
  dryRun?: boolean;
  format: "text" | "json";
  archive?: string;
}

export interface Source {
  name: string;
  url: string;
}

/** A complete new event. `related` holds archive paths of current versions. */
export interface Draft {
  date: string;
  title: string;
  summary: string;
  sources: Source[];
  cover: string | null;
  tags: string[];
  related: string[];
  backlink: boolean;
}

/** What the flags said; undefined where a flag was not given (its prompt is then shown). */
export type PartialDraft = { [K in keyof Draft]?: Draft[K] };

/** A one-line value is quoted in the message; a summary's problem names its line. */
function refuse(flag: string, value: string | null, problem: string | null): void {
  if (problem) throw new UsageError(`${flag}${value === null ? "" : " " + quote(value)}: ${problem}`);
}

export function draftFromFlags(opts: AddOptions): PartialDraft {
  const draft: PartialDraft = {};
  if (opts.date !== undefined) {
    refuse("--date", opts.date, checkDate(opts.date));
    draft.date = formatIsoDate(parseIsoDate(opts.date.trim())!);
  }
  if (opts.title !== undefined) {
    refuse("--title", opts.title, checkTitle(opts.title));
    draft.title = cleanTitle(opts.title);
  }
  if (opts.summary !== undefined) {
    refuse("--summary", null, checkSummary(opts.summary));
    draft.summary = cleanSummary(opts.summary);
  }
  if (opts.source !== undefined) draft.sources = opts.source.map(parseSourceFlag);
  if (opts.cover !== undefined) {
    refuse("--cover", opts.cover, checkUrl(opts.cover));
    draft.cover = cleanUrl(opts.cover);
  }
  if (opts.tag !== undefined) {
    for (const tag of opts.tag) refuse("--tag", tag, checkTag(tag));
    draft.tags = uniqueTags(opts.tag);
  }
  if (opts.backlink !== undefined) draft.backlink = opts.backlink;
  return draft;
}

function parseSourceFlag(value: string): Source {
  let source: Source;
  try {
    source = parseNameUrl("--source", value);
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\.$/, ""));
  }
  refuse("--source", value, checkSourceName(source.name) ?? checkUrl(source.url));
  return { name: cleanName(source.name), url: cleanUrl(source.url) };
}

/** The required fields still missing, named as the flags that give them. */
export function missingFields(draft: PartialDraft): string[] {
  const missing: string[] = [];
  if (!draft.title) missing.push("--title");
  if (!draft.summary) missing.push("--summary");
  if (!draft.sources?.length) missing.push("--source");
  return missing;
}

/** The user's calendar day, not UTC's: an editor adding at 00:30 means today. */
export function today(now: Date): string {
  return `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
}

export function completeDraft(draft: PartialDraft, now: Date): Draft {
  return {
    date: draft.date ?? today(now),
    title: draft.title ?? "",
    summary: draft.summary ?? "",
    sources: draft.sources ?? [],
    cover: draft.cover ?? null,
    tags: draft.tags ?? [],
    related: draft.related ?? [],
    backlink: draft.backlink ?? false,
  };
}

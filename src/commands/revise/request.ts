// What the user asked for, from flags or prompts, checked before anything
// is planned: a RevisionRequest holding the whole new state of the event.

import { currentValues, type RevisionRequest } from "../../archive/revision.js";
import type { Event } from "../../archive/types.js";
import {
  checkSourceName,
  checkSummary as checkSummaryRule,
  checkTag,
  checkTitle as checkTitleRule,
  checkUrl,
  cleanName,
  cleanSummary,
  cleanTitle,
  cleanUrl,
  quote,
  uniqueTags,
} from "../../archive/format/fields.js";
import type { Prompter } from "../../cli/prompts.js";
import { promptSummary } from "../../cli/summary-prompt.js";
import { parseNameUrl } from "../../cli/options.js";
import { UsageError } from "../../errors.js";

export interface ReviseFlags {
  title?: string;
  summary?: string;
  source?: string[];
  addSource?: string[];
  removeSource?: string[];
  tag?: string[];
}

export function hasChangeFlags(f: ReviseFlags): boolean {
  return [f.title, f.summary, f.source, f.addSource, f.removeSource, f.tag].some((v) => v !== undefined);
}

/** The event's current values with the flags applied: --source replaces, then --remove-source, then --add-source. */
export function requestFromFlags(event: Event, flags: ReviseFlags): RevisionRequest {
  const now = currentValues(event);
  let sources = flags.source ? flags.source.map((s) => parseSource("--source", s)) : now.sources;
  for (const name of flags.removeSource ?? []) {
    const key = name.trim().toLowerCase();
    const kept = sources.filter((s) => s.name.toLowerCase() !== key);
    if (kept.length === sources.length) {
      const names = sources.map((s) => s.name).join(", ") || "none";
      throw new UsageError(`--remove-source "${name}": ${event.current.path} has no source of that name (it has: ${names})`);
    }
    sources = kept;
  }
  sources = [...sources, ...(flags.addSource ?? []).map((s) => parseSource("--add-source", s))];
  return {
    title: flags.title !== undefined ? checkTitle("--title", flags.title) : now.title,
    summary: flags.summary !== undefined ? checkSummary("--summary", flags.summary) : now.summary,
    sources,
    tags: flags.tag ? checkTags("--tag", flags.tag) : null,
  };
}

/** One field's rule (src/archive/format/fields.ts), as a usage error naming the flag or prompt. */
function checked(label: string, value: string, problem: string | null, show = true): void {
  if (problem) throw new UsageError(`${label}${show ? " " + quote(value) : ""}: ${problem}`);
}

export function checkTitle(label: string, value: string): string {
  checked(label, value, checkTitleRule(value));
  return cleanTitle(value);
}

/** Revise may empty a summary; the event keeps its other parts. */
export function checkSummary(label: string, value: string): string {
  checked(label, value, checkSummaryRule(value, false), false);
  return cleanSummary(value);
}

export function parseSource(label: string, value: string): { name: string; url: string } {
  let pair: { name: string; url: string };
  try {
    pair = parseNameUrl(label, value);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  checked(label, value, checkSourceName(pair.name) ?? checkUrl(pair.url));
  return { name: cleanName(pair.name), url: cleanUrl(pair.url) };
}

export function checkTags(label: string, values: string[]): string[] {
  const given = values.filter((t) => t.trim() !== "");
  for (const tag of given) checked(label, tag, checkTag(tag));
  return uniqueTags(given);
}

const SOURCE_SEPARATOR = " | ";

export interface PromptIo {
  /** Writes a line of transcript where the prompts are. */
  say: (text: string) => void;
  /** The editor the summary prompt offers, named for the user. */
  editor: string;
}

/** Prompts prefilled with `start` (the flags applied to the current values) as editable text: Enter keeps a value. */
export async function promptRequest(prompter: Prompter, start: RevisionRequest, event: Event, io: PromptIo = { say: () => {}, editor: "vim" }): Promise<RevisionRequest> {
  const title = await prompter.input({ message: "Title", default: start.title, prefill: "editable", validate: validator((v) => checkTitle("title", v)) });
  const summary = await promptSummary(prompter, { current: start.summary, optional: true, validate: validator((v) => checkSummary("summary", v)), ...io });
  const sourcesText = await prompter.input({
    message: `Sources (NAME=URL, separated by "${SOURCE_SEPARATOR.trim()}")`,
    default: start.sources.map((s) => `${s.name}=${s.url}`).join(SOURCE_SEPARATOR),
    prefill: "editable",
    validate: validator(parseSourceList),
  });
  const tags = start.tags ?? currentValues(event).tags ?? [];
  const tagsText = await prompter.input({ message: "Context tags (comma-separated)", default: tags.join(", "), prefill: "editable", validate: validator(parseTagList) });
  return {
    title: checkTitle("title", title),
    summary: checkSummary("summary", summary),
    sources: parseSourceList(sourcesText),
    tags: parseTagList(tagsText),
  };
}

function parseSourceList(text: string): { name: string; url: string }[] {
  return text
    .split(/\s+\|\s+/)
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((s) => parseSource("source", s));
}

function parseTagList(text: string): string[] {
  return checkTags("tag", text.split(","));
}

function validator(check: (value: string) => unknown): (value: string) => boolean | string {
  return (value) => {
    try {
      check(value);
      return true;
    } catch (error) {
      return (error as Error).message;
    }
  };
}

// What the user asked for, from flags or prompts, checked before anything
// is planned: a RevisionRequest holding the whole new state of the event.

import { currentValues, type RevisionRequest } from "../../archive/revision.js";
import type { Event } from "../../archive/types.js";
import { checkSourceUrl } from "../../archive/urls.js";
import type { Prompter } from "../../cli/prompts.js";
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

export function checkTitle(label: string, value: string): string {
  const title = value.trim();
  if (title === "") throw new UsageError(`${label}: the title is empty`);
  if (/[\r\n]/.test(title)) throw new UsageError(`${label}: a title is one line`);
  return title;
}

export function checkSummary(label: string, value: string): string {
  const lines = value.replace(/\r\n?/g, "\n").split("\n").map((l) => l.trimEnd());
  const summary = lines.join("\n").trim();
  const bad = summary.split("\n").findIndex((l) => /^#{1,6}(\s|$)/.test(l));
  if (bad >= 0) throw new UsageError(`${label}: summary line ${bad + 1} would read as a heading ("${summary.split("\n")[bad]}")`);
  return summary;
}

export function parseSource(label: string, value: string): { name: string; url: string } {
  let pair: { name: string; url: string };
  try {
    pair = parseNameUrl(label, value);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const why = checkSourceUrl(pair.url);
  if (why) throw new UsageError(`${label} "${value}": ${why}`);
  if (pair.name.toLowerCase() === "cover image") throw new UsageError(`${label}: "Cover Image" is the event's picture, not a source; revise keeps it`);
  if (/[\r\n]/.test(pair.name)) throw new UsageError(`${label}: a source name is one line`);
  return pair;
}

export function checkTags(label: string, values: string[]): string[] {
  const tags = values.map((t) => t.trim()).filter((t) => t !== "");
  // Related items join tags with commas, so a tag cannot hold one.
  const bad = tags.find((t) => /[,_\r\n]/.test(t));
  if (bad) throw new UsageError(`${label} "${bad}": a tag cannot hold a comma, an underscore or a line break`);
  return [...new Set(tags)];
}

const SOURCE_SEPARATOR = " | ";

/** Prompts prefilled with `start` (the flags applied to the current values). */
export async function promptRequest(prompter: Prompter, start: RevisionRequest, event: Event): Promise<RevisionRequest> {
  const title = await prompter.input({ message: "Title", default: start.title, validate: validator((v) => checkTitle("title", v)) });
  const summaryPrompt = { message: "Summary", default: start.summary, validate: validator((v) => checkSummary("summary", v)) };
  const summary = start.summary.includes("\n") ? await prompter.editor(summaryPrompt) : await prompter.input(summaryPrompt);
  const sourcesText = await prompter.input({
    message: `Sources (NAME=URL, separated by "${SOURCE_SEPARATOR.trim()}")`,
    default: start.sources.map((s) => `${s.name}=${s.url}`).join(SOURCE_SEPARATOR),
    validate: validator(parseSourceList),
  });
  const tags = start.tags ?? currentValues(event).tags ?? [];
  const tagsText = await prompter.input({ message: "Context tags (comma-separated)", default: tags.join(", "), validate: validator(parseTagList) });
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

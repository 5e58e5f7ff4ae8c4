// The prompts of `newsctl add`, in the order an editor fills an event in.
// Every prompt goes through a Prompter, so tests drive the whole entry;
// a field the flags already gave is not asked for.

import { parseIsoDate, formatIsoDate } from "../../archive/format/paths.js";
import { readDays } from "../../archive/read/read-archive.js";
import type { TagUse } from "../../archive/tags.js";
import type { Choice, Prompter } from "../../cli/prompts.js";
import { promptSummary } from "../../cli/summary-prompt.js";
import { checkSourceName, checkSummary, checkTag, checkTitle, checkUrl, cleanName, cleanSummary, cleanTitle, cleanUrl } from "../../archive/format/fields.js";
import { checkDate } from "./checks.js";
import { today, type Draft, type PartialDraft, type Source } from "./draft.js";
import { similarTitles, suggestRelated, type Catalogue } from "./suggest.js";

export interface PromptEnv {
  prompter: Prompter;
  /** Writes a line for the user (stdout, where the prompts are). */
  say: (text: string) => void;
  /** The editor the summary prompt offers, named for the user. */
  editor: string;
  root: string;
  /** The archive's current events, for the related suggestions. */
  archive: Catalogue;
  /** The archive's tags, for the tag search. */
  vocabulary: TagUse[];
  now: Date;
  /** Set when --related or --suggest-related was given: it picks the related events, and nothing is asked. */
  relatedFor: ((tags: string[], date: string) => string[]) | null;
}

/** A new event, or the event to revise instead (with the title typed for it). */
export type Entry = { kind: "draft"; draft: Draft } | { kind: "revise"; path: string; title: string };

const valid = (check: (v: string) => string | null) => (value: string) => check(value) ?? true;

export async function promptEntry(env: PromptEnv, given: PartialDraft): Promise<Entry> {
  const { prompter } = env;
  const date =
    given.date ??
    formatIsoDate(parseIsoDate((await prompter.input({ message: "Date (YYYY-MM-DD)", default: today(env.now), validate: valid(checkDate) })).trim())!);
  const title = await promptTitle(env, date, given.title);
  if (title.kind === "revise") return title;
  const summary = given.summary ?? cleanSummary(await promptSummary(prompter, { current: "", optional: false, validate: valid(checkSummary), editor: env.editor, say: env.say }));
  const sources = given.sources ?? (await promptSources(prompter));
  const cover = given.cover !== undefined ? given.cover : await promptCover(prompter);
  const tags = given.tags ?? (await promptTags(env));
  const related = env.relatedFor ? env.relatedFor(tags, date) : await promptRelated(env, tags, date);
  const backlink =
    given.backlink ??
    (related.length > 0 &&
      (await prompter.confirm({ message: `Also list this event in the Related list of the ${related.length} related event(s)?`, default: true })));
  return { kind: "draft", draft: { date, title: title.title, summary, sources, cover, tags, related, backlink } };
}

/** Asks until the title is new that day, or the user settles on adding (or revising) anyway. */
async function promptTitle(env: PromptEnv, date: string, given: string | undefined): Promise<{ kind: "title"; title: string } | { kind: "revise"; path: string; title: string }> {
  const day = readDays(env.root, [parseIsoDate(date)!]);
  let title = given;
  for (;;) {
    title ??= cleanTitle(await env.prompter.input({ message: "Title", validate: valid(checkTitle) }));
    const [twin] = similarTitles(day, title);
    if (!twin) return { kind: "title", title };
    env.say(`An event with a near-identical title is already on ${date}:\n  ${twin.title!.text.trim()}\n  ${twin.path}`);
    const choice = await env.prompter.select({
      message: "What now?",
      choices: [
        { name: "Revise that event instead", value: "revise" },
        { name: "Change the title", value: "retitle" },
        { name: "Add this as a separate event anyway", value: "add" },
      ],
    });
    if (choice === "revise") return { kind: "revise", path: twin.path, title };
    if (choice === "add") return { kind: "title", title };
    title = undefined;
  }
}

async function promptSources(prompter: Prompter): Promise<Source[]> {
  const sources: Source[] = [];
  for (;;) {
    const first = sources.length === 0;
    const name = cleanName(
      await prompter.input({
        message: first ? "Source name (e.g. BBC)" : "Another source name (Enter when done)",
        validate: (v) => (!first && v.trim() === "") || (checkSourceName(v) ?? true),
      }),
    );
    if (name === "") return sources;
    const url = cleanUrl(await prompter.input({ message: `URL of ${name}`, validate: (v) => checkUrl(v) ?? true }));
    sources.push({ name, url });
  }
}

async function promptCover(prompter: Prompter): Promise<string | null> {
  const url = await prompter.input({
    message: "Cover Image URL (Enter for none)",
    validate: (v) => v.trim() === "" || (checkUrl(v) ?? true),
  });
  return url.trim() === "" ? null : cleanUrl(url);
}

/** A search over the archive's tags, one pick at a time; typing a new name offers it as a new tag. */
async function promptTags(env: PromptEnv): Promise<string[]> {
  const known = env.vocabulary;
  const tags: string[] = [];
  for (;;) {
    const pick = await env.prompter.search<string>({
      message: tags.length ? `Context tags: ${tags.join(", ")}. Another? (type to search; Done to finish)` : "Context tags (type to search or to add a new one)",
      source: (term) => tagChoices(known, tags, term ?? ""),
    });
    if (pick === "") return tags;
    tags.push(pick);
  }
}

export function tagChoices(known: TagUse[], chosen: string[], term: string): Choice<string>[] {
  const t = term.trim().toLowerCase();
  const taken = new Set(chosen.map((c) => c.toLowerCase()));
  const done: Choice<string> = { name: chosen.length ? `Done (${chosen.length} tag${chosen.length === 1 ? "" : "s"})` : "Done (no tags)", value: "" };
  const matches = known
    .filter((k) => !taken.has(k.tag.toLowerCase()) && k.tag.toLowerCase().includes(t))
    .sort((a, b) => Number(!a.tag.toLowerCase().startsWith(t)) - Number(!b.tag.toLowerCase().startsWith(t)))
    .slice(0, 30)
    .map((k): Choice<string> => ({ name: k.tag, value: k.tag, description: `in ${k.count} file${k.count === 1 ? "" : "s"}` }));
  if (t === "") return [done, ...matches];
  const exists = taken.has(t) || known.some((k) => k.tag.toLowerCase() === t);
  const problem = checkTag(term);
  const fresh: Choice<string>[] = exists || problem ? [] : [{ name: `New tag "${term.trim()}"`, value: term.trim(), short: term.trim() }];
  return [...matches, ...fresh, { ...done, description: problem && !exists ? `"${term.trim()}" cannot be a tag: ${problem}` : undefined }];
}

const SUGGESTIONS_SHOWN = 12;

async function promptRelated(env: PromptEnv, tags: string[], date: string): Promise<string[]> {
  const suggestions = suggestRelated(env.archive, tags, date, new Set()).slice(0, SUGGESTIONS_SHOWN);
  if (suggestions.length === 0) {
    env.say(tags.length ? "No other event shares a context tag: no related events to suggest." : "No context tags: no related events to suggest.");
    return [];
  }
  return env.prompter.checkbox<string>({
    message: "Related events (space to pick, Enter when done); most shared tags first, then closest in date",
    choices: suggestions.map((s) => ({
      name: `${s.date}  ${shorten(s.title, 70)}  (${s.shared.join(", ")})`,
      value: s.file.path,
    })),
  });
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + "…";
}

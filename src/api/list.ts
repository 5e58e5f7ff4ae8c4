// listEvents: the items `list --format json` prints, as data. The command
// lists through listIn too.

import { formatIsoDate, parseIsoDate } from "../archive/format/paths.js";
import type { Progress } from "../cli/progress.js";
import { listItems, type ListQuery as InternalQuery } from "../commands/list/select.js";
import { UsageError } from "../errors.js";
import { inApiTerms } from "./errors.js";
import { resolveArchive, type ArchiveHandle, type OpenOptions } from "./open.js";
import { checkKeys, NO_PROGRESS } from "./options.js";
import type { ListItem } from "./types.js";

export interface ListQuery {
  /** One day, YYYY-MM-DD (reads only that day's folder). Not with from/to. */
  date?: string;
  /** First day of a range, inclusive. */
  from?: string;
  /** Last day of a range, inclusive. */
  to?: string;
  /** Only events with this context tag; several: all must match (any case). */
  tag?: string | string[];
  /** Superseded versions too, each beside its current version (current: false). */
  allVersions?: boolean;
  /** With a path for `archive`: how to open it (see openArchive). */
  cwd?: OpenOptions["cwd"];
  env?: OpenOptions["env"];
  onWarning?: OpenOptions["onWarning"];
}

const KEYS = ["date", "from", "to", "tag", "allVersions", "cwd", "env", "onWarning"];

/** @internal The one way to list: the CLI's `list` and listEvents. Dates are YYYY-MM-DD here; no date with a range. */
export function listIn(archive: ArchiveHandle, query: InternalQuery, progress: Progress): Promise<ListItem[]> {
  return listItems(archive.root, query, progress);
}

export function listEvents(archive?: ArchiveHandle | string, query: ListQuery = {}): Promise<ListItem[]> {
  return inApiTerms(async () => {
    checkKeys("listEvents", query, KEYS);
    const date = dateOf("date", query.date);
    const from = dateOf("from", query.from);
    const to = dateOf("to", query.to);
    if (date && (from || to)) throw new UsageError("listEvents: date cannot be combined with from/to");
    if (from && to && from > to) throw new UsageError(`listEvents: from ${from} is after to ${to}`);
    const tag = tagsOf(query.tag);
    if (query.allVersions !== undefined && typeof query.allVersions !== "boolean") throw new UsageError("listEvents: allVersions must be true or false");
    const { handle } = await resolveArchive(archive, query, false);
    return listIn(handle, { date, from, to, tag, allVersions: query.allVersions }, NO_PROGRESS);
  });
}

/** As the CLI takes a date: a calendar date, written YYYY-MM-DD (2013-1-5 becomes 2013-01-05). */
function dateOf(key: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const ref = typeof value === "string" ? parseIsoDate(value.trim()) : null;
  if (!ref) throw new UsageError(`listEvents: ${key} ${JSON.stringify(value)} is not a calendar date (YYYY-MM-DD)`);
  return formatIsoDate(ref);
}

function tagsOf(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const tags = typeof value === "string" ? [value] : value;
  if (!Array.isArray(tags) || !tags.every((t) => typeof t === "string")) throw new UsageError("listEvents: tag must be a string or an array of strings");
  return tags;
}

// Which URLs a run asks about: every well-formed Source and Cover Image URL
// of the event files in scope, each citation kept so the verdict on one
// URL can be reported on every line that cites it.

import type { Archive, EventFile, SourceItem } from "../../../archive/types.js";
import { checkSourceUrl } from "../../../archive/format/urls.js";
import { isBroken } from "../context.js";
import { firstMatches, PatternTimeout } from "../../../config/bounded-match.js";
import { UsageError } from "../../../errors.js";

export interface Citation {
  file: EventFile;
  item: SourceItem;
  /** The address asked: normalised (so two spellings are one request), without its #fragment. */
  url: string;
  /** The event's day as YYYYMMDD, for the archived copy nearest to it. */
  day: string;
}

export function requestUrl(dest: string): string {
  const url = new URL(dest);
  url.hash = "";
  return url.href;
}

/**
 * bad-url already reports the malformed ones; --exclude patterns are tried
 * on the URL as written and as asked. `names` say where each pattern came
 * from, for the error when one takes too long.
 */
export function collectCitations(archive: Archive, scope: Set<string> | null, exclude: RegExp[], names?: string[]): Citation[] {
  const found: Citation[] = [];
  for (const file of archive.files.values()) {
    if (file.kind !== "event" || isBroken(file) || (scope !== null && !scope.has(file.path))) continue;
    const { year, month, day } = file.info;
    const stamp = `${year}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}`;
    for (const item of file.sources) {
      if (checkSourceUrl(item.dest) !== null) continue;
      found.push({ file, item, url: requestUrl(item.dest), day: stamp });
    }
  }
  return exclude.length === 0 ? found : dropExcluded(found, exclude, names);
}

/**
 * A pattern may come from the archive's own configuration, so a hostile one
 * such as `(a+)+$` must not hang the run: the patterns run under a time budget.
 */
function dropExcluded(citations: Citation[], exclude: RegExp[], names?: string[]): Citation[] {
  const inputs = citations.flatMap((c) => [c.item.dest, c.url]);
  let hits: Int32Array;
  try {
    hits = firstMatches(exclude, inputs);
  } catch (error) {
    if (!(error instanceof PatternTimeout)) throw error;
    const name = names?.[error.index] ?? `--exclude ${JSON.stringify(exclude[error.index]!.source)}`;
    throw new UsageError(`${name}: the pattern takes too long to match the URLs; write a simpler one`);
  }
  return citations.filter((_, i) => hits[2 * i]! < 0 && hits[2 * i + 1]! < 0);
}

/** Each URL once, with the earliest day that cites it. */
export function distinctUrls(citations: Citation[]): Map<string, string> {
  const days = new Map<string, string>();
  for (const c of citations) {
    const day = days.get(c.url);
    if (day === undefined || c.day < day) days.set(c.url, c.day);
  }
  return days;
}

// Which URLs a run asks about: every well-formed Source and Cover Image URL
// of the event files in scope, each citation kept so the verdict on one
// URL can be reported on every line that cites it.

import type { Archive, EventFile, SourceItem } from "../../../archive/types.js";
import { checkSourceUrl } from "../../../archive/format/urls.js";
import { isBroken } from "../context.js";

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

/** bad-url already reports the malformed ones; --exclude patterns are tried on the URL as written and as asked. */
export function collectCitations(archive: Archive, scope: Set<string> | null, exclude: RegExp[]): Citation[] {
  const found: Citation[] = [];
  for (const file of archive.files.values()) {
    if (file.kind !== "event" || isBroken(file) || (scope !== null && !scope.has(file.path))) continue;
    const { year, month, day } = file.info;
    const stamp = `${year}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}`;
    for (const item of file.sources) {
      if (checkSourceUrl(item.dest) !== null) continue;
      const url = requestUrl(item.dest);
      if (exclude.some((re) => re.test(item.dest) || re.test(url))) continue;
      found.push({ file, item, url, day: stamp });
    }
  }
  return found;
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

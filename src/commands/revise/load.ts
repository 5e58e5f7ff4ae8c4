// What revise and history read: the event's own files first (named by path
// or slug, src/archive/find-event.ts), then, for revise, its day folder, its
// Related targets and every file that links to the current version (found in
// the lean index, by the resolution validate uses). Never the whole archive
// parsed.

import { argLabel, findEvent } from "../../archive/find-event.js";
import { filesLinkingTo } from "../../archive/index/queries.js";
import { listArchivePaths } from "../../archive/read/read-archive.js";
import { readIndex } from "../../archive/read/read-index.js";
import { readNeighbourhood } from "../../archive/read/neighbourhood.js";
import { readTagVocabulary } from "../../archive/read/tag-scan.js";
import type { TagUse } from "../../archive/tags.js";
import type { Archive, Event } from "../../archive/types.js";

export interface Loaded {
  archive: Archive;
  event: Event;
}

/** Only the files EVENT names and their Changes lists: enough for history. */
export function loadEvent(root: string, arg: string, cwd: string, paths?: string[]): Loaded {
  const { archive, event } = findEvent(root, arg, { cwd, label: argLabel(arg), paths });
  return { archive, event };
}

/**
 * Everything a revision of EVENT can touch or must know about, and the
 * archive's spelling of `tags` (--tag; the files are searched only when some
 * are given).
 */
export function loadForRevision(root: string, arg: string, cwd: string, tags: string[] = []): Loaded & { vocabulary: TagUse[] } {
  const paths = listArchivePaths(root);
  const first = findEvent(root, arg, { cwd, label: argLabel(arg), paths });
  const current = first.event.current;
  const vocabulary = tags.length > 0 ? readTagVocabulary(root, tags, paths) : [];
  const start = new Set([
    ...first.archive.files.keys(),
    ...paths.filter((p) => p.startsWith(current.info.dir + "/")),
    // Its Related targets: their tags decide the new version's `_Context: …_` lists.
    ...current.related.flatMap((r) => (r.target.kind === "internal" ? [r.target.path] : [])),
    // Every file with a link that resolves to it.
    ...filesLinkingTo(readIndex(root).index!, current.path),
  ]);
  const archive = readNeighbourhood(root, start, new Set(paths));
  return { archive, event: archive.eventOf.get(first.path)!, vocabulary };
}

// The JSON shape of one event version, shared by `list` and `add --format json`.

import type { ListItem } from "../../api/types.js";
import { eventContexts } from "../../archive/format/contexts.js";
import { formatIsoDate } from "../../archive/format/paths.js";
import type { Archive, EventFile, LinkItem } from "../../archive/types.js";
import { linkTitle } from "../../archive/format/write.js";

// The shape is the API's (a superseded version has current: false; the key is always there).
export type { ListItem };

function targetPath(item: LinkItem): string {
  return item.target.kind === "internal" ? item.target.path : item.dest;
}

export function toListItem(archive: Archive, file: EventFile): ListItem {
  const event = archive.eventOf.get(file.path);
  const cover = file.sources.find((s) => s.isCover);
  return {
    date: formatIsoDate(file.info),
    title: file.title ? file.title.text.trim() : "",
    path: file.path,
    summary: file.summary,
    contexts: event && event.current === file ? event.contexts : eventContexts(file),
    sources: file.sources.filter((s) => !s.isCover).map((s) => ({ name: linkTitle(s), url: s.dest })),
    cover: cover ? cover.dest : null,
    related: file.related.map((r) => ({ title: linkTitle(r), path: targetPath(r), contexts: r.contexts })),
    versions: event ? event.versions.length : 1,
    current: event ? event.current === file : true,
  };
}

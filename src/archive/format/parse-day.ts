// Day pages: any heading, any list style; each list item that is a link is
// an entry. Other lines are kept as they are and otherwise ignored.

import { parseLinkAt, resolveLink } from "./links.js";
import { LIST_ITEM, note } from "./parse-event.js";
import type { ArchivePathInfo } from "./paths.js";
import { splitText } from "./text.js";
import type { DayPage } from "../types.js";

export function parseDayPage(path: string, info: ArchivePathInfo, text: string): DayPage {
  const doc = splitText(text);
  const page: DayPage = { kind: "day", path, info, doc, entries: [], lastItemIndex: -1, notes: [] };
  doc.lines.forEach((line, i) => {
    const item = LIST_ITEM.exec(line);
    if (!item) return;
    page.lastItemIndex = i;
    const at = item[0].length;
    const link = line[at] === "[" ? parseLinkAt(line, at) : null;
    if (!link) {
      page.notes.push(note(i + 1, at + 1, "malformed-item", "warning", "a day-page item without a [title](link)"));
      return;
    }
    page.entries.push({
      text: link.text,
      dest: link.dest,
      target: resolveLink(path, link.dest),
      link,
      line: i + 1,
      column: link.start + 1,
    });
  });
  return page;
}

// What every rule sees: the archive, lookups built once (maps, never nested
// scans) and a sink for diagnostics.

import { isCurrent } from "../../archive/model.js";
import type { Archive, ArchiveFile, DayPage, EventFile } from "../../archive/types.js";
import type { Diagnostic, Fix, Severity } from "./diagnostics.js";

export interface CheckContext {
  archive: Archive;
  report(file: string, at: { line: number; column: number }, rule: string, severity: Severity, message: string, fix?: Fix, missing?: string): void;
  /** The trimmed title of the event file at `path`, or null when there is none to compare with. */
  titleOf(path: string): string | null;
  isCurrent(file: EventFile): boolean;
  /** The one event file whose title is `text`, to suggest for a broken link. */
  fileTitled(text: string): string | null;
  /** Day-page entries by target path, per page, built on first use. */
  entriesOf(page: DayPage): Map<string, number>;
}

/** A file the parser could not read as an event: every other rule leaves it alone. */
export function isBroken(file: ArchiveFile): boolean {
  return file.kind === "unreadable" || file.notes.some((n) => n.rule === "parse-error");
}

export function createCheckContext(archive: Archive, sink: Diagnostic[]): CheckContext {
  let byTitle: Map<string, string | null> | null = null;
  const entryMaps = new Map<string, Map<string, number>>();
  return {
    archive,
    report(file, at, rule, severity, message, fix, missing) {
      const d: Diagnostic = { file, line: at.line, column: at.column, severity, rule, message };
      if (fix) d.fix = fix;
      if (missing) d.missing = missing;
      sink.push(d);
    },
    titleOf(path) {
      const f = archive.files.get(path);
      if (!f || f.kind !== "event" || !f.title || isBroken(f)) return null;
      const title = f.title.text.trim();
      return title === "" ? null : title;
    },
    isCurrent: (file) => isCurrent(archive, file),
    fileTitled(text) {
      if (!byTitle) byTitle = indexTitles(archive);
      return byTitle.get(text.trim()) ?? null;
    },
    entriesOf(page) {
      let map = entryMaps.get(page.path);
      if (!map) {
        map = new Map();
        for (const e of page.entries) {
          if (e.target.kind === "internal") map.set(e.target.path, (map.get(e.target.path) ?? 0) + 1);
        }
        entryMaps.set(page.path, map);
      }
      return map;
    },
  };
}

/** Title -> path, or null where two files share the title (no suggestion then). */
function indexTitles(archive: Archive): Map<string, string | null> {
  const map = new Map<string, string | null>();
  for (const f of archive.files.values()) {
    if (f.kind !== "event" || !f.title) continue;
    const t = f.title.text.trim();
    if (t === "") continue;
    map.set(t, map.has(t) ? null : f.path);
  }
  return map;
}

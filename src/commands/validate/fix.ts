// --fix: turn the repairs diagnostics carry into whole-file writes, one per
// file, each a set of line edits on the file as it was read inside the lock.

import { editDayPage, type DayPageEdits } from "../../archive/format/day-page-edit.js";
import { cloneDoc } from "../../archive/format/text.js";
import type { FileWrite } from "../../archive/write/transaction.js";
import type { Archive, ArchiveFile } from "../../archive/types.js";
import { renderDayPage, rewriteDest, rewriteLink, serialize } from "../../archive/format/write.js";
import type { Diagnostic, Fix } from "./diagnostics.js";

export interface FixPlan {
  writes: (FileWrite & { before: string | null })[];
  /** The diagnostics whose repair is in `writes`. */
  fixed: Diagnostic[];
  /** Repairs left undone: they concern an event a version of which cannot be read. */
  withheld: Diagnostic[];
}

/**
 * `archive` holds the files to repair (and, read in full, the events they
 * belong to); `unreadable` says whether a path belongs to an event a version
 * of which cannot be read (by default, as `archive` knows it).
 */
export function planFixes(archive: Archive, diagnostics: Diagnostic[], unreadable: (path: string) => boolean = unreadableIn(archive)): FixPlan {
  const byFile = new Map<string, Diagnostic[]>();
  const withheld: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (!d.fix) continue;
    if (concernsUnreadable(d.fix, unreadable)) {
      withheld.push(d);
      continue;
    }
    const list = byFile.get(d.fix.file);
    if (list) list.push(d);
    else byFile.set(d.fix.file, [d]);
  }
  const plan: FixPlan = { writes: [], fixed: [], withheld };
  for (const [path, list] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const file = archive.files.get(path);
    const content = file ? editFile(file, list.map((d) => d.fix!)) : newDayPage(list.map((d) => d.fix!));
    if (content === null) continue;
    const before = file && file.kind !== "unreadable" ? serialize(file) : null;
    if (content === before) continue;
    plan.writes.push({ path, content, before });
    plan.fixed.push(...list);
  }
  return plan;
}

/**
 * Whether a repair involves an event whose versions cannot all be read: which
 * version is current is then a guess (the unreadable one may be it), so
 * --fix neither lists, repoints to, nor drops anything on that event's behalf.
 */
function concernsUnreadable(fix: Fix, unreadable: (path: string) => boolean): boolean {
  const paths = [fix.kind === "add-entry" ? fix.path : undefined, fix.kind === "rewrite-link" ? fix.path : undefined];
  if (fix.kind !== "add-entry" && fix.item.target.kind === "internal") paths.push(fix.item.target.path);
  return paths.some((p) => p !== undefined && unreadable(p));
}

/** Whether `path` cannot be read, or is a version of an event one of whose versions cannot be, as the full model knows it. */
function unreadableIn(archive: Archive): (path: string) => boolean {
  return (p) => {
    const file = archive.files.get(p);
    if (file && file.kind !== "event") return file.kind === "unreadable";
    return (archive.eventOf.get(p)?.unreadable.length ?? 0) > 0;
  };
}

function editFile(file: ArchiveFile, fixes: Fix[]): string | null {
  if (file.kind === "unreadable") return null;
  if (file.kind === "event") {
    const doc = cloneDoc(file.doc);
    for (const f of fixes) {
      if (f.kind === "rewrite-link") rewriteLink(doc, f.item, f);
      else if (f.kind === "rewrite-url") rewriteDest(doc, f.item, f.url);
    }
    return serialize({ doc });
  }
  const edits: DayPageEdits = { rewrites: [], removals: [], additions: [] };
  for (const f of fixes) {
    if (f.kind === "rewrite-link") edits.rewrites.push(f);
    else if (f.kind === "remove-entry") edits.removals.push(f.item);
    else if (f.kind === "add-entry") edits.additions.push(f);
  }
  return serialize({ doc: editDayPage(file, edits) });
}

/** The day page of events whose day has none, in the archive's usual shape. */
function newDayPage(fixes: Fix[]): string | null {
  const additions = fixes.filter((f): f is Extract<Fix, { kind: "add-entry" }> => f.kind === "add-entry");
  if (additions.length === 0) return null;
  return renderDayPage(additions[0]!.date, additions);
}

/** One line per repair, for people: what changed, where. */
export function describeFix(d: Diagnostic): string {
  const f = d.fix!;
  if (f.kind === "add-entry") return `${f.file}: listed ${f.path}`;
  if (f.kind === "rewrite-url") return `${f.file}:${f.item.line}: now cites ${f.url}`;
  if (f.kind === "remove-entry") return `${f.file}:${f.item.line}: removed the entry for ${f.item.target.kind === "internal" ? f.item.target.path : f.item.dest}`;
  const parts: string[] = [];
  if (f.path !== undefined) parts.push(`now links to ${f.path}`);
  if (f.text !== undefined) parts.push(`text now "${f.text}"`);
  return `${f.file}:${f.item.line}: ${parts.join(", ")}`;
}

// Which files `validate --changed-since` reports on: the changed files, the
// files that link to them or that they link to, and the day pages of their
// days. The same answer from a full model or from a partial one, as long as
// every file that links to a changed file was read.

import { forEachLink } from "../../../archive/model.js";
import { dayDirs, dayPagePath, parseArchivePath } from "../../../archive/format/paths.js";
import type { ArchiveFile } from "../../../archive/types.js";

/**
 * `read`: files read (with every file linking to a changed one among them);
 * `exists`: whether a path is in the archive at all. A changed path that is
 * gone (deleted, renamed away) has no findings itself, but brings in the
 * files that still link to it and its day page.
 */
export function scopeOfChanges(read: Iterable<ArchiveFile>, exists: (path: string) => boolean, changedPaths: string[]): Set<string> {
  const changed = changedPaths.filter((p) => countsAsChange(p, exists));
  const changedSet = new Set(changed);
  const byPath = new Map<string, ArchiveFile>();
  const scope = new Set<string>();
  for (const file of read) {
    byPath.set(file.path, file);
    forEachLink(file, (item) => {
      if (item.target.kind === "internal" && changedSet.has(item.target.path)) scope.add(file.path);
    });
  }
  for (const path of changed) {
    if (exists(path)) scope.add(path);
    const file = byPath.get(path);
    if (file) {
      forEachLink(file, (item) => {
        if (item.target.kind === "internal" && exists(item.target.path)) scope.add(item.target.path);
      });
    }
    const info = parseArchivePath(path);
    if (!info) continue;
    for (const dir of dayDirs(info)) if (exists(dayPagePath(dir))) scope.add(dayPagePath(dir));
  }
  return scope;
}

/** A deleted file still counts (files linking to it now have broken links); a changed image does not. */
export function countsAsChange(path: string, exists: (path: string) => boolean): boolean {
  return exists(path) || path.endsWith(".md");
}

// The tags and event slugs completion offers. A small archive is read each
// time. A large one keeps, per day folder, its modification time and what
// its current events hold (.newsctl/cache/complete-tags.json and
// complete-slugs.json): a TAB walks the folders and reads again only those
// whose time changed, which a new, removed or renamed file does (every
// newsctl write renames into place; so does a git pull). A file edited in
// place by hand shows once anything else in its day folder changes.

import { readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { buildArchive } from "../../archive/model.js";
import { LARGE_ARCHIVE_MONTHS, markdownFilesIn, readArchive, readArchiveFile } from "../../archive/read/read-archive.js";
import { loadResult, saveResult } from "../../archive/read/result-cache.js";
import type { Archive } from "../../archive/types.js";
import { packageVersion } from "../../version.js";
import { rankTags } from "../tags/count.js";

export type CompletionSource = "tags" | "slugs";

/** Per folder: its mtime, and its current events' tag counts or slugs. */
type Folders = Record<string, [mtime: number, values: Record<string, number>]>;

/** A folder changed this recently may change again within the same mtime tick: not kept. */
const SETTLED_MS = 2000;

export function readCompletionValues(root: string, what: CompletionSource): string[] {
  const { folders, months } = dayFolders(root);
  if (months < LARGE_ARCHIVE_MONTHS) return combine([countsOf(readArchive(root), what)], what);
  const name = `complete-${what}`;
  const key = `${name}\0${packageVersion()}`;
  const saved = loadResult<Folders>(root, name, key) ?? {};
  const next: Folders = {};
  let changed = Object.keys(saved).length !== folders.length;
  const now = Date.now();
  for (const { dir, mtime } of folders) {
    const old = saved[dir];
    if (old && old[0] === mtime) {
      next[dir] = old;
      continue;
    }
    changed = true;
    next[dir] = [now - mtime < SETTLED_MS ? -1 : mtime, folderValues(root, dir, what)];
  }
  if (changed) saveResult(root, name, key, next);
  return combine(
    Object.values(next).map(([, values]) => values),
    what,
  );
}

/** Versions of one event live in one day folder: its current events can be found from it alone. */
function folderValues(root: string, dir: string, what: CompletionSource): Record<string, number> {
  const files = markdownFilesIn(root, dir).map((n) => readArchiveFile(root, `${dir}/${n}`));
  return countsOf(buildArchive(root, files), what);
}

function countsOf(archive: Archive, what: CompletionSource): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of archive.events) {
    if (!e.current.title) continue;
    const values = what === "tags" ? e.contexts : [basename(e.current.path, ".md")];
    for (const v of values) out[v] = (out[v] ?? 0) + 1;
  }
  return out;
}

/** Tags most used first; slugs sorted, each once. */
function combine(parts: Record<string, number>[], what: CompletionSource): string[] {
  const total = new Map<string, number>();
  for (const part of parts) for (const [v, n] of Object.entries(part)) total.set(v, (total.get(v) ?? 0) + n);
  if (what === "slugs") return [...total.keys()].sort();
  return rankTags(total).map((t) => t.tag);
}

/** Sub-folders named like `pattern`, sorted; never through a link. */
function names(dir: string, pattern: RegExp): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && pattern.test(d.name))
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
}

/** Every day folder with its mtime; and how many month folders there are. */
function dayFolders(root: string): { folders: { dir: string; mtime: number }[]; months: number } {
  const folders: { dir: string; mtime: number }[] = [];
  let months = 0;
  for (const y of names(join(root, "news"), /^\d{4}$/)) {
    for (const m of names(join(root, "news", y), /^\d{2}$/)) {
      months++;
      for (const d of names(join(root, "news", y, m), /^\d{1,2}$/)) {
        const dir = `news/${y}/${m}/${d}`;
        const st = statSync(join(root, dir), { throwIfNoEntry: false });
        if (st) folders.push({ dir, mtime: st.mtimeMs });
      }
    }
  }
  return { folders, months };
}

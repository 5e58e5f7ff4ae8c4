// The tags and event slugs completion offers. A small archive is read each
// time; a large one's answer is kept in .newsctl/cache/ under a key made of
// the day folders' modification times, which a new, removed or renamed file
// changes (every newsctl write renames into place), so a TAB costs a walk of
// the folders, not a read of every file. A file edited in place by hand
// shows once anything else in its day folder changes.

import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { LARGE_ARCHIVE_MONTHS, readArchive } from "../../archive/read.js";
import { loadResult, saveResult } from "../../archive/result-cache.js";
import type { Archive } from "../../archive/types.js";
import { packageVersion } from "../../version.js";
import { countTags, tagSetsOf } from "../tags/count.js";

export interface CompletionIndex {
  /** Most used first. */
  tags: string[];
  /** Current versions' file names without .md, sorted, each once. */
  slugs: string[];
}

const NAME = "complete";

/** The tags or the slugs: each kept in a file of its own, so a TAB on a tag loads no slugs. */
export function readCompletionValues(root: string, what: keyof CompletionIndex): string[] {
  const { key, months } = folderKey(root);
  if (months < LARGE_ARCHIVE_MONTHS) return indexOf(readArchive(root))[what];
  const saved = loadResult<string[]>(root, `${NAME}-${what}`, key);
  if (Array.isArray(saved)) return saved;
  const index = indexOf(readArchive(root));
  saveResult(root, `${NAME}-tags`, key, index.tags);
  saveResult(root, `${NAME}-slugs`, key, index.slugs);
  return index[what];
}

function indexOf(archive: Archive): CompletionIndex {
  const tags = countTags(tagSetsOf(archive)).map((t) => t.tag);
  const slugs = new Set(archive.events.filter((e) => e.current.title).map((e) => basename(e.current.path, ".md")));
  return { tags, slugs: [...slugs].sort() };
}

function names(dir: string, pattern: RegExp): string[] {
  try {
    return readdirSync(dir).filter((n) => pattern.test(n));
  } catch {
    return [];
  }
}

/** Every year, month and day folder's path and mtime, hashed; and how many month folders there are. */
function folderKey(root: string): { key: string; months: number } {
  const hash = createHash("sha1").update(`${NAME}\0${packageVersion()}\n`);
  let months = 0;
  const stamp = (rel: string) => {
    const st = statSync(join(root, rel), { throwIfNoEntry: false });
    hash.update(`${rel}\0${st ? st.mtimeMs : "-"}\n`);
  };
  for (const y of names(join(root, "news"), /^\d{4}$/).sort()) {
    stamp(`news/${y}`);
    for (const m of names(join(root, "news", y), /^\d{2}$/).sort()) {
      months++;
      stamp(`news/${y}/${m}`);
      for (const d of names(join(root, "news", y, m), /^\d{1,2}$/).sort()) stamp(`news/${y}/${m}/${d}`);
    }
  }
  return { key: hash.digest("hex"), months };
}

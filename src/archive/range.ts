// Reading a range of days by walking news/YYYY/MM/D folders, skipping the
// years and months outside the range without listing them.

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { buildArchive } from "./model.js";
import { markdownFilesIn, readListedFile } from "./read.js";
import type { Archive, ArchiveFile } from "./types.js";

function subdirs(path: string): string[] {
  try {
    return readdirSync(path, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
}

/** from/to are YYYY-MM-DD, inclusive; either may be missing. */
export function readDayRange(root: string, from?: string, to?: string): Archive {
  const lo = from ?? "0000-00-00";
  const hi = to ?? "9999-99-99";
  const files: ArchiveFile[] = [];
  for (const y of subdirs(join(root, "news"))) {
    if (!/^\d{4}$/.test(y) || y < lo.slice(0, 4) || y > hi.slice(0, 4)) continue;
    for (const m of subdirs(join(root, "news", y))) {
      if (!/^\d{2}$/.test(m) || `${y}-${m}` < lo.slice(0, 7) || `${y}-${m}` > hi.slice(0, 7)) continue;
      for (const d of subdirs(join(root, "news", y, m))) {
        if (!/^\d{1,2}$/.test(d)) continue;
        const date = `${y}-${m}-${d.padStart(2, "0")}`;
        if (date < lo || date > hi) continue;
        const dir = `news/${y}/${m}/${d}`;
        for (const name of markdownFilesIn(root, dir)) files.push(readListedFile(root, `${dir}/${name}`));
      }
    }
  }
  return buildArchive(root, files);
}

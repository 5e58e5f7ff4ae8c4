// Finding the folder a day goes in without reading the whole archive. (An
// event named by --related is found by src/archive/find-event.ts.)

import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { dayDirs, dayPagePath, type DayRef } from "../../archive/format/paths.js";
import type { Archive } from "../../archive/types.js";

function names(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

/** Whether the archive pads days 1-9 (01..09): only when most of its such folders are. */
export function padsDays(root: string): boolean {
  let padded = 0;
  let unpadded = 0;
  for (const y of names(join(root, "news"))) {
    if (!/^\d{4}$/.test(y)) continue;
    for (const m of names(join(root, "news", y))) {
      if (!/^\d{2}$/.test(m)) continue;
      for (const d of names(join(root, "news", y, m))) {
        if (/^0[1-9]$/.test(d)) padded++;
        else if (/^[1-9]$/.test(d)) unpadded++;
      }
    }
  }
  return padded > unpadded;
}

/** An existing folder for the day wins (the one holding the day page first); else the archive's convention. */
export function chooseDayDir(root: string, ref: DayRef, day: Archive): string {
  const existing = dayDirs(ref).filter((dir) => isDir(join(root, dir)));
  const withPage = existing.find((dir) => day.files.get(dayPagePath(dir))?.kind === "day");
  return withPage ?? existing[0] ?? dayDirs(ref, padsDays(root))[0]!;
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

// Finding things without reading the whole archive: the folder a day goes
// in, and the current version of an event named by --related.

import { existsSync, lstatSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { resolveLink } from "../../archive/links.js";
import { readArchiveFile } from "../../archive/read.js";
import { dayDirs, dayPagePath, parseArchivePath, type DayRef } from "../../archive/paths.js";
import type { Archive, ArchiveFile, EventFile } from "../../archive/types.js";
import { UsageError } from "../../errors.js";

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

/** --related as an archive path (news/…, /news/…) or a path from the working directory. */
function archivePathOf(root: string, cwd: string, given: string): string | null {
  const fromCwd = resolve(cwd, given);
  const rel = relative(root, fromCwd);
  if (!rel.startsWith("..") && existsSync(fromCwd)) return rel.split(sep).join("/");
  const target = resolveLink("news/index.md", "/" + given.replace(/^\/+/, ""));
  if (target.kind !== "internal") return null;
  return target.path.endsWith(".md") ? target.path : `${target.path}.md`;
}

/** The file at an archive path, trying the day folder padded and not (a link is there, but never read through). */
function findEventFile(root: string, path: string): ArchiveFile | null {
  const info = parseArchivePath(path);
  if (!info || info.isDayPage) return null;
  for (const dir of [info.dir, ...dayDirs(info)]) {
    const candidate = `${dir}/${info.slug}.md`;
    if (!lstatSync(join(root, candidate), { throwIfNoEntry: false })) continue;
    return readArchiveFile(root, candidate);
  }
  return null;
}

/** The version a file's own Changes list marks current, when it is another readable file. */
export function currentVersionOf(root: string, file: EventFile): EventFile {
  const mark = file.changes.find((c) => c.kind === "current");
  if (!mark || mark.target.kind !== "internal" || mark.target.path === file.path) return file;
  const current = findEventFile(root, mark.target.path);
  return current?.kind === "event" && current.title ? current : file;
}

/** The current version of the event `given` names; a usage error when there is none. */
export function resolveRelated(root: string, cwd: string, given: string): EventFile {
  const path = archivePathOf(root, cwd, given);
  const file = path ? findEventFile(root, path) : null;
  if (!file) throw new UsageError(`--related ${given}: no event file at that archive path (news/YYYY/MM/D/<slug>.md)`);
  if (file.kind !== "event" || !file.title) {
    const why = file.notes[0]?.message ?? "no title";
    throw new UsageError(`--related ${given}: ${file.path} is not a readable event (${why})`);
  }
  return currentVersionOf(root, file);
}

/** Read a related event's current version again, inside the lock, by its path. */
export function rereadEvent(root: string, path: string): EventFile {
  const file = readArchiveFile(root, path);
  if (file.kind !== "event" || !file.title) throw new UsageError(`${path}: the related event is no longer readable`);
  return file;
}

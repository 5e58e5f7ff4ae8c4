// What `validate --changed-since` reads: one byte scan of every file (no
// parsing) to find who links to what, then only the files the rules need to
// answer for the files in scope exactly as a full run would:
//   - the files in scope and every file they link to;
//   - every version of every event among those, found both ways along
//     Changes links (a stray version that lists an event joins it, and may
//     change which version is current);
//   - the whole day folders of the files in scope (day pages, padding);
//   - every file whose title a broken link in scope carries (the "renamed?"
//     hint names it only when it is the one file with that title).
// Every other path is an unread stub in the model (see partial.ts).

import { basename } from "node:path";
import { forEachLink } from "../../../archive/model.js";
import { buildPartialArchive } from "../../../archive/partial.js";
import { dayDirs, parseArchivePath } from "../../../archive/format/paths.js";
import { readArchiveFile } from "../../../archive/read/read-archive.js";
import { indexReferences, type ReferenceIndex } from "../../../archive/references.js";
import { specialFile, walkMarkdown, type Special } from "../../../archive/read/scan.js";
import type { Archive, ArchiveFile } from "../../../archive/types.js";
import { linkTitle } from "../../../archive/format/write.js";
import { countsAsChange, scopeOfChanges } from "./scope.js";

export interface ChangedView {
  archive: Archive;
  scope: Set<string>;
}

/** The archive listed and byte-scanned, nothing parsed yet: it does not depend on what changed. */
export interface Reader {
  root: string;
  listed: string[];
  known: Set<string>;
  index: ReferenceIndex;
  read: Map<string, ArchiveFile>;
  load(path: string): ArchiveFile;
}

export interface Listing {
  regular: string[];
  specials: Special[];
}

export function listArchive(root: string): Listing {
  const specials: Special[] = [];
  return { regular: walkMarkdown(root, "news", [], specials), specials };
}

export function scanArchive(root: string, { regular, specials }: Listing): Reader {
  const special = new Map(specials.map((s) => [s.path, s]));
  const read = new Map<string, ArchiveFile>();
  return {
    root,
    listed: [...regular, ...special.keys()],
    known: new Set([...regular, ...special.keys()]),
    index: indexReferences(root, regular),
    read,
    load(path) {
      let file = read.get(path);
      if (!file) {
        // A special entry is never opened: a link may loop or lead out of the archive.
        const s = special.get(path);
        file = s ? specialFile(s) : readArchiveFile(root, path);
        read.set(path, file);
      }
      return file;
    },
  };
}

export function loadChanges(reader: Reader, changed: string[]): ChangedView {
  const { known, load } = reader;
  for (const path of changed.filter((p) => countsAsChange(p, (q) => known.has(q)))) {
    if (known.has(path)) load(path);
    for (const candidate of reader.index.mayLink(basename(path))) load(candidate);
  }
  const scope = scopeOfChanges(reader.read.values(), (p) => known.has(p), changed);
  const targets = readTargets(reader, scope);
  readDayFolders(reader, scope);
  readEvents(reader, [...scope, ...targets]);
  readTitleMatches(reader, scope);
  return { archive: buildPartialArchive(reader.root, reader.listed, reader.read), scope };
}

/** Every existing file the files in scope link to, read. */
function readTargets({ known, load }: Reader, scope: Set<string>): Set<string> {
  const targets = new Set<string>();
  for (const path of scope) {
    forEachLink(load(path), (item) => {
      if (item.target.kind === "internal" && known.has(item.target.path)) targets.add(item.target.path);
    });
  }
  for (const path of targets) load(path);
  return targets;
}

/** Both folders (padded and not) of every day with a file in scope, whole. */
function readDayFolders({ load, listed }: Reader, scope: Set<string>): void {
  const dirs = new Set<string>();
  for (const path of scope) {
    const info = parseArchivePath(path);
    if (info) for (const dir of dayDirs(info)) dirs.add(dir);
  }
  if (dirs.size === 0) return;
  for (const path of listed) {
    if (dirs.has(path.slice(0, path.lastIndexOf("/")))) load(path);
  }
}

/** Each event of these files with all its versions: Changes links followed out of a file and into it. */
function readEvents({ known, index, load }: Reader, start: string[]): void {
  const members = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const path = queue.pop()!;
    if (members.has(path) || !known.has(path)) continue;
    const file = load(path);
    if (file.kind !== "event") continue;
    members.add(path);
    for (const c of file.changes) if (c.target.kind === "internal") queue.push(c.target.path);
    for (const candidate of index.mayLink(basename(path))) {
      const other = load(candidate);
      if (other.kind === "event" && other.changes.some((c) => c.target.kind === "internal" && c.target.path === path)) queue.push(candidate);
    }
  }
}

/** Files that may have the title a broken Related, Changes or day-page link carries. */
function readTitleMatches({ known, index, load }: Reader, scope: Set<string>): void {
  const titles = new Set<string>();
  for (const path of scope) {
    forEachLink(load(path), (item, via) => {
      if (via === "date" || item.target.kind !== "internal" || known.has(item.target.path)) return;
      const title = linkTitle(item);
      if (title !== "") titles.add(title);
    });
  }
  for (const title of titles) for (const candidate of index.mayHaveTitle(title)) load(candidate);
}

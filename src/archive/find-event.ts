// An event as a user names it, for every command that takes one (revise,
// history, add --related): a path to one of its version files (with or
// without news/ or a leading /, its day padded or not, from the working
// directory or from the archive root, with or without .md), or a slug (a
// file name without .md, or the unique start of one). Only the named files
// and their Changes lists are parsed: a path needs no listing of the archive,
// a slug only the listing. Nothing is read through a symbolic link.

import { lstatSync } from "node:fs";
import { basename, isAbsolute, join, relative, resolve, sep } from "node:path";
import { UsageError } from "../errors.js";
import { quote } from "./format/fields.js";
import { describeFault, faultOnPath, type PathFault } from "./inside.js";
import { resolveLink } from "./format/links.js";
import { readNeighbourhood, type PathSet } from "./read/neighbourhood.js";
import { dayDirs, parseArchivePath } from "./format/paths.js";
import { listArchivePaths } from "./read/read-archive.js";
import type { Archive, Event } from "./types.js";

export interface FoundEvent {
  /** The named files and every version their Changes lists reach. */
  archive: Archive;
  event: Event;
  /** The version the argument named (for a slug, the event's current version). */
  path: string;
}

export interface FindOptions {
  cwd: string;
  /** How messages name the argument: `--related news/…`, or the argument itself. */
  label: string;
  /** The archive's listing, when the caller has it; a slug needs it. */
  paths?: string[];
}

/** An argument as messages name it: as given, quoted only when it holds a space or an invisible character. */
export function argLabel(arg: string): string {
  return /^[^\s\u0000-\u001f\u007f-\u009f]+$/.test(arg) ? arg : quote(arg);
}

const HINT = "give an archive path (news/YYYY/MM/D/<slug>.md) or a slug";

export function findEvent(root: string, arg: string, options: FindOptions): FoundEvent {
  const given = arg.trim();
  const { label } = options;
  if (given === "") throw new UsageError(`${label}: empty: ${HINT}`);
  const looksLikePath = given.includes("/") || given.includes(sep) || given.endsWith(".md");
  if (looksLikePath) {
    const path = existingPath(root, given, options);
    if (path) return eventAt(root, path, options);
    if (given.includes("/") || given.includes(sep)) throw new UsageError(`${label}: no event file there; ${HINT}`);
  }
  return eventBySlug(root, given.replace(/\.md$/i, ""), options);
}

/** The archive paths `given` may mean, most likely first: from the working directory, then from the archive. */
function candidatePaths(root: string, given: string, cwd: string): string[] {
  const out: string[] = [];
  const rel = relative(root, resolve(cwd, given));
  if (rel !== "" && !rel.startsWith("..") && !isAbsolute(rel)) out.push(rel.split(sep).join("/"));
  const bare = given.replace(/^\/+/, "");
  for (const form of bare.startsWith("news/") ? [bare] : [bare, `news/${bare}`]) {
    const target = resolveLink("news/index.md", "/" + form);
    if (target.kind === "internal") out.push(target.path);
  }
  const files: string[] = [];
  for (const path of out) {
    const named = path.endsWith(".md") ? path : `${path}.md`;
    const info = parseArchivePath(named);
    if (!info) continue;
    for (const dir of [info.dir, ...dayDirs(info)]) files.push(`${dir}/${info.slug}.md`);
  }
  return [...new Set(files)];
}

/** The first candidate that is there; a link or a non-file on the way is refused, never followed. */
function existingPath(root: string, given: string, { cwd, label }: FindOptions): string | null {
  for (const path of candidatePaths(root, given, cwd)) {
    const fault = faultOnPath(root, path, "file");
    if (fault) refuseFault(label, path, fault);
    if (lstatSync(join(root, path), { throwIfNoEntry: false })) return path;
  }
  return null;
}

function refuseFault(label: string, path: string, fault: PathFault): never {
  const why = describeFault(fault);
  throw new UsageError(`${label}: ${fault.path === path && label.includes(path) ? why.replace(path, "it") : why}`);
}

/** Files a Changes list may name that can be read: regular files with no link on the way. */
function readablePaths(root: string): PathSet {
  return { has: (path) => faultOnPath(root, path, "file") === null && lstatSync(join(root, path), { throwIfNoEntry: false }) !== undefined };
}

function eventAt(root: string, path: string, options: FindOptions): FoundEvent {
  const archive = readNeighbourhood(root, [path], options.paths ? new Set(options.paths) : readablePaths(root));
  const file = archive.files.get(path);
  const where = (line: number) => (options.label.includes(path) ? `line ${line}` : `${path}:${line}`);
  if (!file || file.kind === "day") throw new UsageError(`${options.label}: ${file ? "a day page" : "not a file newsctl reads"}, not an event`);
  const note = file.notes.find((n) => n.severity === "error") ?? file.notes[0];
  const event = archive.eventOf.get(path);
  if (file.kind !== "event" || !file.title || !event) {
    throw new UsageError(`${options.label}: not an event (${where(note?.line ?? 1)}: ${note?.message ?? "no title"})`);
  }
  return { archive, event, path };
}

function eventBySlug(root: string, slug: string, options: FindOptions): FoundEvent {
  const paths = options.paths ?? listArchivePaths(root);
  const wanted = slug.toLowerCase();
  const named = (test: (name: string) => boolean) =>
    paths.filter((p) => {
      const name = basename(p, ".md").toLowerCase();
      return name !== "index" && test(name);
    });
  const exact = named((name) => name === wanted);
  const candidates = exact.length > 0 ? exact : named((name) => name.startsWith(wanted));
  const archive = readNeighbourhood(root, candidates, new Set(paths));
  const events: Event[] = [];
  for (const path of candidates) {
    const file = archive.files.get(path);
    const event = archive.eventOf.get(path);
    if (file?.kind === "event" && file.title && event && !events.includes(event)) events.push(event);
  }
  if (events.length === 1) return { archive, event: events[0]!, path: events[0]!.current.path };
  if (events.length === 0) throw new UsageError(`${options.label}: no event file is named so, nor starts so; ${HINT}`);
  const list = events
    .map((e) => e.current.path)
    .sort()
    .map((p) => `\n  ${p}`)
    .join("");
  throw new UsageError(`${options.label}: ${events.length} events match; give one's path:${list}`);
}

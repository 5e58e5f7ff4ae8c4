// EVENT as the user gives it: an archive path (news/…, /news/…), a file
// path inside the archive, or a slug (a file name without .md, or the start
// of one). Any version names its event.

import { isAbsolute, relative, resolve, sep } from "node:path";
import type { Archive, Event, EventFile } from "../../archive/types.js";
import { UsageError } from "../../errors.js";

export function findEvent(archive: Archive, arg: string, cwd: string): Event {
  const given = arg.trim();
  if (given === "") throw new UsageError("EVENT is empty: give an archive path or a slug");
  const path = asArchivePath(archive.root, given, cwd);
  if (path !== null) return eventAt(archive, path, given);
  return eventBySlug(archive, given.replace(/\.md$/, ""));
}

/** The archive path EVENT names, or null when it is a bare slug. */
export function asArchivePath(root: string, arg: string, cwd: string): string | null {
  if (!arg.includes("/") && !arg.includes(sep)) return null;
  const bare = arg.replace(/^\/+/, "");
  if (bare.startsWith("news/")) return bare;
  const absolute = isAbsolute(arg) ? arg : resolve(cwd, arg);
  const rel = relative(root, absolute).split(sep).join("/");
  if (rel.startsWith("../") || rel === ".." || isAbsolute(rel)) throw new UsageError(`${arg}: not inside the archive ${root}`);
  return rel;
}

function eventAt(archive: Archive, path: string, arg: string): Event {
  const file = archive.files.get(path);
  if (!file) throw new UsageError(`${arg}: no such file in the archive (looked for ${path})`);
  if (file.kind === "day") throw new UsageError(`${path} is a day page, not an event`);
  if (file.kind === "unreadable") throw new UsageError(`${path}: ${file.notes[0]?.message ?? "cannot be read"}`);
  const event = archive.eventOf.get(path);
  if (!event || !file.title) throw new UsageError(`${path}:${file.notes[0]?.line ?? 1}: not an event (${file.notes[0]?.message ?? "no title"})`);
  return event;
}

function eventBySlug(archive: Archive, slug: string): Event {
  const wanted = slug.toLowerCase();
  const exact = matching(archive, (f) => f.info.slug === wanted);
  const events = exact.length > 0 ? exact : matching(archive, (f) => f.info.slug.startsWith(wanted));
  if (events.length === 1) return events[0]!;
  if (events.length === 0) throw new UsageError(`no event has the slug "${slug}" (nor one starting so); give an archive path`);
  const list = events.map((e) => `  ${e.current.path}`).join("\n");
  throw new UsageError(`the slug "${slug}" is ambiguous: ${events.length} events match; give one's path:\n${list}`);
}

function matching(archive: Archive, test: (f: EventFile) => boolean): Event[] {
  const events: Event[] = [];
  for (const f of archive.files.values()) {
    if (f.kind !== "event" || !f.title || !test(f)) continue;
    const e = archive.eventOf.get(f.path);
    if (e && !events.includes(e)) events.push(e);
  }
  return events.sort((a, b) => (a.current.path < b.current.path ? -1 : 1));
}

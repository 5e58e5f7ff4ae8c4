// A model of the whole archive in which only some files were read. Every
// other path is still there, as an unread stub, so that whether a file
// exists, which day folders there are and how they are padded come out as
// in a full read; a rule asked only about the files that were read (and
// the ones it needs besides) then answers exactly as on the full model.

import { buildArchive } from "./model.js";
import { parseArchivePath } from "./format/paths.js";
import type { Archive, ArchiveFile } from "./types.js";

/** `listed`: every path a full read would hold (regular files and special entries). */
export function buildPartialArchive(root: string, listed: Iterable<string>, read: ReadonlyMap<string, ArchiveFile>): Archive {
  const files: ArchiveFile[] = [];
  for (const path of listed) files.push(read.get(path) ?? unreadStub(path));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return buildArchive(root, files);
}

/** Neither an event nor a day page, with nothing to report: present, and nothing more. */
function unreadStub(path: string): ArchiveFile {
  return { kind: "unreadable", path, info: parseArchivePath(path), notes: [] };
}

// Staying inside the archive. The archive is untrusted input: a path that
// comes from it (a journal, a link) or is about to be written must be a
// plain archive-relative path, and no entry on its way down from the root
// may be a symbolic link, which could lead anywhere on the machine.

import { lstatSync } from "node:fs";
import { join } from "node:path";

/** Why `rel` is not a normalised archive-relative path (forward slashes, no `.`/`..`/empty parts), or null. */
export function relPathProblem(rel: unknown): string | null {
  if (typeof rel !== "string" || rel === "") return "not a path";
  if (rel.length > 4096) return "too long";
  if (rel.includes("\0")) return "holds a NUL character";
  if (rel.includes("\\")) return "holds a backslash";
  if (rel.startsWith("/") || /^[A-Za-z]:/.test(rel)) return "an absolute path";
  if (rel.split("/").some((part) => part === "" || part === "." || part === "..")) return "not normalised (empty, . or .. parts)";
  return null;
}

/** Why `rel` is not a path at or under news/, or null. */
export function newsPathProblem(rel: unknown): string | null {
  const bad = relPathProblem(rel);
  if (bad) return bad;
  return rel === "news" || (rel as string).startsWith("news/") ? null : "outside news/";
}

export interface PathFault {
  /** The archive-relative entry in the way. */
  path: string;
  kind: "symlink" | "not-a-folder" | "not-a-file" | "unreadable" | "not-inside";
}

/**
 * The first entry from the root down to `rel` (itself included) that is a
 * symbolic link or not of the expected kind: a folder on the way, then
 * `last` at the end. Missing entries are fine: they will be created.
 */
export function faultOnPath(root: string, rel: string, last: "file" | "folder"): PathFault | null {
  // Never walked: `..` or an absolute path would lead the walk itself out of the archive.
  if (relPathProblem(rel)) return { path: rel, kind: "not-inside" };
  const parts = rel.split("/");
  for (let i = 1; i <= parts.length; i++) {
    const path = parts.slice(0, i).join("/");
    let st;
    try {
      st = lstatSync(join(root, path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") return null;
      if (code === "ENOTDIR") return { path: parts.slice(0, i - 1).join("/"), kind: "not-a-folder" };
      return { path, kind: "unreadable" };
    }
    if (st.isSymbolicLink()) return { path, kind: "symlink" };
    const wanted = i < parts.length || last === "folder" ? "folder" : "file";
    if (wanted === "folder" && !st.isDirectory()) return { path, kind: "not-a-folder" };
    if (wanted === "file" && !st.isFile()) return { path, kind: "not-a-file" };
  }
  return null;
}

export function describeFault(fault: PathFault): string {
  switch (fault.kind) {
    case "symlink":
      return `${fault.path} is a symbolic link (newsctl never reads or writes through links)`;
    case "not-a-folder":
      return `${fault.path} is not a folder`;
    case "not-a-file":
      return `${fault.path} is not a regular file`;
    case "unreadable":
      return `${fault.path} cannot be examined`;
    case "not-inside":
      return `${JSON.stringify(fault.path)} is not a path inside the archive`;
  }
}

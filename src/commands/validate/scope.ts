// `validate PATH...`: which archive files to report on. Paths are taken
// relative to the working directory, else to the archive root; a folder
// means every archive file under it.

import { statSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { Context } from "../../cli/context.js";
import { UsageError } from "../../errors.js";

function kindOf(path: string): "file" | "dir" | null {
  try {
    return statSync(path).isDirectory() ? "dir" : "file";
  } catch {
    return null;
  }
}

/** The archive's files, as the scope needs them: every path, and whether one is there. */
export interface ArchiveFiles {
  keys(): Iterable<string>;
  has(path: string): boolean;
}

/** null: the whole archive. Files that are not archive files (README.md, images) are skipped with a note. */
export function resolveScope(ctx: Context, root: string, archive: { files: ArchiveFiles }, paths: string[]): Set<string> | null {
  if (paths.length === 0) return null;
  const scope = new Set<string>();
  for (const given of paths) {
    let abs = resolve(ctx.cwd, given);
    let kind = kindOf(abs);
    if (!kind && !isAbsolute(given)) {
      abs = resolve(root, given);
      kind = kindOf(abs);
    }
    if (!kind) throw new UsageError(`${given}: no such file or folder`);
    const rel = relative(root, abs).split(sep).join("/");
    if (rel.startsWith("../") || rel === ".." || isAbsolute(rel)) throw new UsageError(`${given} is outside the archive ${root}`);
    if (kind === "dir") {
      const prefix = rel === "" ? "" : rel + "/";
      for (const path of archive.files.keys()) if (path.startsWith(prefix)) scope.add(path);
    } else if (archive.files.has(rel)) {
      scope.add(rel);
    } else {
      ctx.stderr.write(`newsctl: skipping ${given}: not an archive file (news/YYYY/MM/D/*.md)\n`);
    }
  }
  return scope;
}

/** How files are shown to people and CI: relative to the working directory when the archive is inside it. */
export function pathShower(ctx: Context, root: string): (path: string) => string {
  const base = relative(ctx.cwd, root).split(sep).join("/");
  if (base.startsWith("..") || isAbsolute(base)) return (path) => path;
  return base === "" ? (path) => path : (path) => `${base}/${path}`;
}

// Refuse up front, before any temp file exists, a change that would write
// where it must not: through a symbolic link (which may lead out of the
// archive), onto something that is not a regular file, or over a file or
// into a folder whose mode gives its owner no write permission. A mode is
// the user's decision, so it is read from the mode bits rather than asked of
// access(2), which says yes to root whatever the mode.

import { lstatSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { FailureError, UsageError } from "../../errors.js";
import { describeFault, faultOnPath, newsPathProblem } from "../inside.js";

const modeText = (mode: number) => (mode & 0o7777).toString(8).padStart(3, "0");

/** Symlinks and entries of the wrong kind: exit 2 (the archive holds them). */
export function checkWritePaths(root: string, paths: string[]): void {
  for (const path of paths) {
    const bad = newsPathProblem(path);
    if (bad) throw new UsageError(`refusing to write ${JSON.stringify(path)}: ${bad}; nothing was written`);
    const fault = faultOnPath(root, path, "file");
    if (fault) throw new UsageError(`cannot write ${path}: ${describeFault(fault)}; nothing was written`);
  }
}

/** The nearest existing folder at or above `rel` (the archive root at worst). */
function existingFolder(root: string, rel: string): string {
  for (let dir = rel; dir !== "."; dir = dirname(dir)) {
    if (lstatSync(join(root, dir), { throwIfNoEntry: false })) return dir;
  }
  return ".";
}

/** Every file to replace, and the folder each is written in, must let its owner write: else exit 3. */
export function checkWriteTargets(root: string, paths: string[]): void {
  checkWritePaths(root, paths);
  for (const path of paths) {
    const st = lstatSync(join(root, path), { throwIfNoEntry: false });
    if (st && (st.mode & 0o200) === 0) {
      throw new FailureError(`cannot write ${path}: it is read-only (mode ${modeText(st.mode)}); make it writable (chmod u+w) to let newsctl change it; nothing was written`);
    }
    const dir = existingFolder(root, dirname(path));
    const dst = dir === "." ? statSync(root) : lstatSync(join(root, dir));
    if ((dst.mode & 0o200) === 0) {
      const shown = dir === "." ? "the archive folder" : `${dir}/`;
      throw new FailureError(`cannot write ${path}: ${shown} is read-only (mode ${modeText(dst.mode)}); nothing was written`);
    }
  }
}

// newsctl merge-day-page BASE OURS THEIRS [MARKER-SIZE] [PATH]: git's merge
// driver for day pages (%O %A %B %L %P). Writes the merge into OURS, as git
// expects; exit 0 when it is clean, 1 when conflict markers were written.

import { readFileSync } from "node:fs";
import { isUtf8 } from "node:buffer";
import { resolve } from "node:path";
import { mergeDayPages } from "../../archive/format/day-page-merge.js";
import { replaceFile } from "../../archive/write/atomic.js";
import type { Context } from "../../cli/context.js";
import { EXIT, UsageError } from "../../errors.js";

export interface MergeDayPageOptions {
  base: string;
  ours: string;
  theirs: string;
  markerSize?: number;
  /** The day page's path in the repository (git's %P), for messages and relative links. */
  path?: string;
}

export async function runMergeDayPage(ctx: Context, opts: MergeDayPageOptions): Promise<number> {
  const [base, ours, theirs] = [opts.base, opts.ours, opts.theirs].map((p) => readText(resolve(ctx.cwd, p), p)) as [string, string, string];
  const path = opts.path ?? opts.ours;
  const result = mergeDayPages(base, ours, theirs, { path: archivePathOf(path), markerSize: opts.markerSize ?? 7 });
  replaceFile(resolve(ctx.cwd, opts.ours), result.text);
  if (result.conflicts === 0) return EXIT.ok;
  const n = result.conflicts;
  ctx.stderr.write(`newsctl: ${path}: ${n} conflict${n === 1 ? "" : "s"} (both sides changed the same entry differently); resolve ${n === 1 ? "it" : "them"} by hand\n`);
  return EXIT.problems;
}

/** Day pages are text; anything else is for a person to merge (git then keeps ours, marked conflicted). */
function readText(abs: string, given: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch (error) {
    throw new UsageError(`cannot read ${given} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  if (bytes.includes(0) || !isUtf8(bytes)) throw new UsageError(`${given} is not UTF-8 text: not merged`);
  return bytes.toString("utf8");
}

/** The part of a repository path from its news/ folder on: the archive may be a sub-folder. */
function archivePathOf(path: string): string {
  const normal = path.split("\\").join("/");
  const at = normal.lastIndexOf("news/");
  return at >= 0 && (at === 0 || normal[at - 1] === "/") ? normal.slice(at) : normal;
}

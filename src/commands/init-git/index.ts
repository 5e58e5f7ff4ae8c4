// newsctl init-git: sets git up to merge day pages with newsctl. It adds one
// line to the archive's .gitattributes (kept in the repository) and the
// driver to the clone's git config (git never takes a merge driver from the
// repository itself, so every clone runs this once). Running it again
// changes nothing; lines and settings already there are kept.

import { readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { splitText, dominantEol } from "../../archive/format/text.js";
import { replaceFile } from "../../archive/write/atomic.js";
import { findArchiveRoot } from "../../cli/archive-root.js";
import type { Context } from "../../cli/context.js";
import { gitTopLevel, runGit } from "../../cli/git.js";
import { EXIT, UsageError } from "../../errors.js";

export const DRIVER = "newsctl-day-page";
export const ATTRIBUTE_LINE = `news/**/index.md merge=${DRIVER}`;

export interface InitGitOptions {
  /** How git runs newsctl (default: newsctl, from PATH). */
  command?: string;
  archive?: string;
}

export async function runInitGit(ctx: Context, opts: InitGitOptions): Promise<number> {
  const root = findArchiveRoot(ctx, opts.archive);
  const top = gitTopLevel(ctx, root, "init-git");
  const command = (opts.command ?? "newsctl").trim();
  if (command === "" || /[\r\n]/.test(command)) throw new UsageError("--command takes the command that runs newsctl, on one line");
  const shown = relative(top, join(root, ".gitattributes")).split(sep).join("/");
  const added = !routesDayPages(ctx, root) && addAttributeLine(join(root, ".gitattributes"));
  ctx.stdout.write(added ? `${shown}: added "${ATTRIBUTE_LINE}" (commit it)\n` : `${shown}: already sends day pages to the ${DRIVER} driver\n`);
  setConfig(ctx, root, `merge.${DRIVER}.name`, "newsctl: merge day pages entry by entry");
  const driver = setConfig(ctx, root, `merge.${DRIVER}.driver`, `${command} merge-day-page %O %A %B %L %P`);
  ctx.stdout.write(`git config merge.${DRIVER}.driver: ${driver.value}${driver.kept ? " (already set; kept)" : ""}\n`);
  return EXIT.ok;
}

/** Whether git already sends day pages to the driver (from any .gitattributes, however written). */
function routesDayPages(ctx: Context, root: string): boolean {
  const r = runGit(ctx, root, ["check-attr", "merge", "--", "news/2000/01/1/index.md"]);
  return r.status === 0 && r.stdout.toString("utf8").trim().endsWith(`: merge: ${DRIVER}`);
}

/** Appends the line in the file's own line ending style; true when it did. */
function addAttributeLine(path: string): boolean {
  let text = "";
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw new UsageError(`cannot read ${path}`);
  }
  const eol = dominantEol(splitText(text));
  const body = text === "" || text.endsWith("\n") || text.endsWith("\r") ? text : text + eol;
  replaceFile(path, `${body}${ATTRIBUTE_LINE}${eol}`);
  return true;
}

/** Sets a key in this clone's config unless it has a value already. */
function setConfig(ctx: Context, root: string, key: string, value: string): { value: string; kept: boolean } {
  const got = runGit(ctx, root, ["config", "--local", "--get", key]);
  const current = got.stdout.toString("utf8").replace(/\r?\n$/, "");
  if (got.status === 0 && current !== "") return { value: current, kept: true };
  const set = runGit(ctx, root, ["config", "--local", key, value]);
  if (set.status !== 0) throw new UsageError(`git config ${key} failed${set.message ? `: ${set.message}` : ""}`);
  return { value, kept: false };
}

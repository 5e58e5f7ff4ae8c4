// newsctl __complete SOURCE -- WORDS…: the values a shell offers for a tag,
// an event or an archive path, one a line, for the word being typed (the
// last of WORDS; an --archive among them is honoured). It never prints an
// error and always exits 0: anything wrong means no suggestions.

import { lstatSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { findArchiveRoot } from "../../cli/archive-root.js";
import type { Context } from "../../cli/context.js";
import { EXIT } from "../../errors.js";
import { readCompletionValues } from "./index-cache.js";

export async function runComplete(ctx: Context, source: string, words: string[]): Promise<number> {
  try {
    const prefix = unquote(words[words.length - 1] ?? "", ctx);
    const root = findArchiveRoot(ctx, archiveOption(words.slice(0, -1), ctx));
    const values = liveValues(root, source, prefix).filter((v) => !/[\p{Cc}\u2028\u2029]/u.test(v));
    ctx.stdout.write(values.map((v) => v + "\n").join(""));
  } catch {
    // No archive, an unreadable folder: no suggestions, and nothing printed into the shell.
  }
  return EXIT.ok;
}

export function liveValues(root: string, source: string, prefix: string): string[] {
  if (source === "paths" || (source === "events" && prefix.includes("/"))) return archivePaths(root, prefix);
  if (source === "tags") return matching(readCompletionValues(root, "tags"), prefix);
  if (source === "events") return matching(readCompletionValues(root, "slugs"), prefix);
  return [];
}

/** Those starting with the prefix as typed; failing that, in any case. */
function matching(values: string[], prefix: string): string[] {
  const exact = values.filter((v) => v.startsWith(prefix));
  if (exact.length > 0 || prefix === "") return exact;
  const lower = prefix.toLowerCase();
  return values.filter((v) => v.toLowerCase().startsWith(lower));
}

/** The last --archive among the words, as `--archive DIR`, `--archive=DIR` or bash's `--archive = DIR`. */
function archiveOption(words: string[], ctx: Context): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.startsWith("--archive=")) found = w.slice("--archive=".length);
    else if (w === "--archive" && words[i + 1] === "=" && i + 2 < words.length) found = words[(i += 2)];
    else if (w === "--archive" && i + 1 < words.length) found = words[++i];
  }
  return found === undefined ? undefined : unquote(found, ctx);
}

/** A word as the shell would pass it: quotes and backslashes gone, a leading ~/ at home. */
function unquote(word: string, ctx: Context): string {
  const bare = word.replace(/\\(.)/g, "$1").replace(/^['"]/, "").replace(/['"]$/, "");
  if (bare === "~" || bare.startsWith("~/")) return join(ctx.env["HOME"] ?? homedir(), bare.slice(1));
  return bare;
}

/** Folders (with a trailing /) and event files under news/, one level at a time; never through a link. */
function archivePaths(root: string, prefix: string): string[] {
  const lead = prefix.startsWith("/") ? "/" : "";
  const rel = prefix.slice(lead.length);
  if (!rel.startsWith("news/")) return "news/".startsWith(rel) ? [`${lead}news/`] : [];
  const cut = rel.lastIndexOf("/");
  const dir = rel.slice(0, cut);
  const partial = rel.slice(cut + 1);
  const parts = dir.split("/");
  if (parts.some((s) => s === "" || s === "." || s === "..")) return [];
  // Each folder on the way must be a folder, not a link to one.
  for (let i = 1; i <= parts.length; i++) {
    if (!lstatSync(join(root, ...parts.slice(0, i)), { throwIfNoEntry: false })?.isDirectory()) return [];
  }
  const out: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    if (!entry.name.startsWith(partial)) continue;
    if (entry.isDirectory()) out.push(`${lead}${dir}/${entry.name}/`);
    else if (entry.isFile() && entry.name.endsWith(".md") && entry.name !== "index.md") out.push(`${lead}${dir}/${entry.name}`);
  }
  return out.sort();
}

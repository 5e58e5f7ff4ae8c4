// What `newsctl tags` prints: pure functions of the counts and groups.

import type { TagCount } from "./count.js";
import type { SimilarGroup } from "./similar.js";

interface Colors {
  dim(s: string): string;
  bold(s: string): string;
  yellow(s: string): string;
}

export function formatCounts(counts: TagCount[], c: Colors): string {
  const width = String(counts[0] ? Math.max(...counts.map((t) => t.count)) : 0).length;
  return counts.map((t) => `${c.dim(String(t.count).padStart(width + 2))}  ${t.tag}\n`).join("");
}

export function formatGroups(groups: SimilarGroup[], c: Colors): string {
  const width = String(Math.max(0, ...groups.flatMap((g) => g.tags.map((t) => t.count)))).length;
  return groups
    .map((g) => {
      const nameWidth = Math.max(...g.tags.map((t) => t.tag.length));
      const lines = g.tags.map((t) => {
        const reason = t.reason ? "  " + c.yellow(t.reason) : "";
        return `${String(t.count).padStart(width + 2)}  ${t.reason ? t.tag.padEnd(nameWidth) : t.tag}${reason}`.trimEnd();
      });
      const merge = `newsctl tags merge ${g.tags.slice(1).map((t) => shellQuote(t.tag)).join(" ")} INTO ${shellQuote(g.winner)}`;
      return `${c.bold(g.winner)}  (${g.count} event${g.count === 1 ? "" : "s"})\n${lines.join("\n")}\n  ${c.dim(merge)}\n`;
    })
    .join("\n");
}

/** A word the shell reads back as it is: bare when safe, else single-quoted. */
export function shellQuote(word: string): string {
  if (/^[\p{L}\p{N}@%+=:,./-]+$/u.test(word)) return word;
  if (!/[$`"\\!]/.test(word)) return `"${word}"`;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

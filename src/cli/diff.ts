// Unified diffs for --dry-run: what a command would change, file by file.

import { lcsOps } from "../archive/lcs.js";

interface Op {
  kind: " " | "-" | "+";
  line: string;
}

/** Line operations from a to b (see lcsOps). */
function diffLines(a: string[], b: string[]): Op[] {
  return lcsOps(a, b).map((op) => ({ kind: op.kind, line: op.kind === "+" ? b[op.b]! : a[op.a]! }));
}

function splitForDiff(text: string | null): string[] {
  if (text === null || text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/**
 * A unified diff of one file (paths archive-relative). `before` null means
 * the file is new; `after` null means it is removed. Empty when equal.
 */
export function unifiedDiff(path: string, before: string | null, after: string | null, context = 3): string {
  if (before === after) return "";
  const ops = diffLines(splitForDiff(before), splitForDiff(after));
  let out = `--- ${before === null ? "/dev/null" : "a/" + path}\n+++ ${after === null ? "/dev/null" : "b/" + path}\n`;
  let i = 0;
  while (i < ops.length) {
    if (ops[i]!.kind === " ") {
      i++;
      continue;
    }
    let hunkStart = Math.max(0, i - context);
    let end = i;
    // Extend the hunk while changes are within 2*context lines of each other.
    for (let j = i; j < ops.length; j++) {
      if (ops[j]!.kind !== " ") end = j;
      else if (j - end > 2 * context) break;
    }
    const hunkEnd = Math.min(ops.length, end + context + 1);
    let oldLine = 1;
    let newLine = 1;
    for (let k = 0; k < hunkStart; k++) {
      if (ops[k]!.kind !== "+") oldLine++;
      if (ops[k]!.kind !== "-") newLine++;
    }
    const slice = ops.slice(hunkStart, hunkEnd);
    const oldCount = slice.filter((o) => o.kind !== "+").length;
    const newCount = slice.filter((o) => o.kind !== "-").length;
    out += `@@ -${oldCount ? oldLine : oldLine - 1},${oldCount} +${newCount ? newLine : newLine - 1},${newCount} @@\n`;
    for (const o of slice) out += `${o.kind}${o.line.replace(/\r$/, "")}\n`;
    i = hunkEnd;
    hunkStart = hunkEnd;
  }
  return out;
}

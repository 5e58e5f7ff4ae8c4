// Which findings a file's own comments silence, as markdownlint reads its
// comments: `disable-next-line` the line after the comment, `disable-line`
// the comment's own line, `disable` … `enable` the lines from one comment to
// the next, `disable-file` the whole file. No rule named: every rule.

import { isUtf8 } from "node:buffer";
import { directivesIn, type Directive } from "../format/directives.js";
import { relPathProblem } from "../inside.js";
import { readPlainFile } from "./plain-file.js";
import { splitText } from "../format/text.js";

/** Larger than any event file or day page; past it a file's comments are not honoured. */
const MAX_FILE_BYTES = 64 << 20;

export interface Suppressions {
  /** Whether `rule` is silenced on `line` (1-based). */
  covers(line: number, rule: string): boolean;
  /** Every rule a comment names, with its line: to tell the user about a misspelt one. */
  named: { line: number; rule: string }[];
}

type RuleSet = Set<string> | "all";

const NONE: Suppressions = { covers: () => false, named: [] };

function add(map: Map<number, RuleSet>, line: number, rules: string[]): void {
  const had = map.get(line);
  if (had === "all" || rules.length === 0) {
    map.set(line, "all");
    return;
  }
  map.set(line, new Set([...(had ?? []), ...rules]));
}

const holds = (set: RuleSet | undefined, rule: string) => set !== undefined && (set === "all" || set.has(rule));

export function findSuppressions(lines: readonly string[]): Suppressions {
  const byLine = new Map<number, RuleSet>();
  let wholeFile: RuleSet | undefined;
  const blocks: { line: number; directive: Directive }[] = [];
  const named: Suppressions["named"] = [];
  lines.forEach((text, i) => {
    const line = i + 1;
    for (const d of directivesIn(text)) {
      for (const rule of d.rules) named.push({ line, rule });
      if (d.kind === "disable-next-line") add(byLine, line + 1, d.rules);
      else if (d.kind === "disable-line") add(byLine, line, d.rules);
      else if (d.kind === "disable-file") wholeFile = d.rules.length === 0 || wholeFile === "all" ? "all" : new Set([...(wholeFile ?? []), ...d.rules]);
      else blocks.push({ line, directive: d });
    }
  });
  if (byLine.size === 0 && wholeFile === undefined && blocks.length === 0) return { covers: () => false, named };
  return {
    covers: (line, rule) => holds(wholeFile, rule) || holds(byLine.get(line), rule) || blockCovers(blocks, line, rule),
    named,
  };
}

/** The disable/enable comments up to `line`, replayed: the last word on the rule wins. */
function blockCovers(blocks: { line: number; directive: Directive }[], line: number, rule: string): boolean {
  let all = false;
  let mine: boolean | undefined;
  for (const b of blocks) {
    if (b.line > line) break;
    const off = b.directive.kind === "disable";
    if (b.directive.rules.length === 0) {
      all = off;
      mine = undefined;
    } else if (b.directive.rules.includes(rule)) mine = off;
  }
  return mine ?? all;
}

/**
 * A file's suppressions, read from disk now: never through a symbolic link
 * or from anything but a regular file inside the archive (such a file has no
 * comments to honour, only its not-a-file finding).
 */
export function readSuppressions(root: string, path: string): Suppressions {
  if (relPathProblem(path)) return NONE;
  const read = readPlainFile(root, path, { maxBytes: MAX_FILE_BYTES });
  if (!read.ok || !isUtf8(read.bytes)) return NONE;
  return findSuppressions(splitText(read.bytes.toString("utf8")).lines);
}

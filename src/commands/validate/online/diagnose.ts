// Verdicts to diagnostics: one per citing line, in the same shape as every
// other rule's, with the repair --fix may write (the moved-to address, or
// with --suggest-archived the archived copy of a dead one).

import { lineWithDest } from "../../../archive/format/write.js";
import type { Diagnostic } from "../diagnostics.js";
import type { Citation } from "./collect.js";
import type { Outcome } from "./outcome.js";

export type Verdict = Outcome & { suggestion?: string };

export function diagnoseCitations(citations: Citation[], verdicts: Map<string, Verdict>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const c of citations) {
    const verdict = verdicts.get(c.url);
    if (!verdict || verdict.kind === "ok") continue;
    out.push(diagnoseOne(c, verdict));
  }
  return out;
}

function diagnoseOne({ file, item }: Citation, verdict: Exclude<Verdict, { kind: "ok" }>): Diagnostic {
  const what = `${item.isCover ? "Cover Image URL" : "source URL"} ${item.dest}`;
  const at = { file: file.path, line: item.line, column: item.link.destStart + 1 };
  if (verdict.kind === "unverifiable") {
    return { ...at, severity: "warning", rule: "unverifiable-url", message: `${what} could not be verified: ${verdict.reason}` };
  }
  const isMoved = verdict.kind === "moved";
  const target = isMoved ? keepFragment(verdict.to, item.dest) : verdict.suggestion;
  let message = isMoved ? `${what} has moved permanently (${verdict.status}) to ${target}` : `${what} is dead: ${verdict.reason}`;
  if (!isMoved && target) message += `; archived copy: ${target}`;
  const d: Diagnostic = { ...at, severity: isMoved ? "warning" : "error", rule: isMoved ? "moved-url" : "dead-url", message };
  if (target === undefined) return d;
  d.suggestion = target;
  // Only an address that reads back exactly as written becomes a repair.
  if (lineWithDest(file.doc.lines[item.line - 1] ?? "", item.link, target) !== null) d.fix = { kind: "rewrite-url", file: file.path, item, url: target };
  else d.message += " (--fix leaves it: the address cannot be written into this link as it is)";
  return d;
}

/** A redirect without a fragment keeps the one the link had (RFC 9110, 10.2.2). */
function keepFragment(to: string, dest: string): string {
  const hash = dest.indexOf("#");
  if (hash < 0 || to.includes("#")) return to;
  return to + dest.slice(hash);
}

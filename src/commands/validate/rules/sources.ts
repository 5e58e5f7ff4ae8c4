// Source and Cover Image URLs: bad-url (error, every file) and
// duplicate-source (warning, current versions only).

import { checkSourceUrl } from "../../../archive/format/urls.js";
import type { EventFile } from "../../../archive/types.js";
import type { CheckContext } from "../context.js";

export function checkSources(file: EventFile, ctx: CheckContext): void {
  const warn = ctx.isCurrent(file);
  const seen = new Set<string>();
  for (const source of file.sources) {
    // The column of the URL itself, so an editor jumps to what must change.
    const at = { line: source.line, column: source.link.destStart + 1 };
    const what = source.isCover ? "Cover Image URL" : "source URL";
    const problem = checkSourceUrl(source.dest);
    if (problem) {
      ctx.report(file.path, at, "bad-url", "error", `${what} ${JSON.stringify(source.dest)}: ${problem}`);
      continue;
    }
    const key = source.dest.trim();
    if (warn && seen.has(key)) ctx.report(file.path, at, "duplicate-source", "warning", `${what} ${key} is listed twice`);
    seen.add(key);
  }
}

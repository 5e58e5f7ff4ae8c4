// Every rule over the lean index: each file's own findings (made where the
// file was read) kept where they apply, then the rules that need the whole
// archive, with integer lookups. Unsorted: the caller sorts, as it prints.

import type { Resolved } from "../archive/index/events.js";
import { kindOf } from "../archive/index/events.js";
import { D, D_COLUMN, D_FILE, D_FLAGS, D_LINE, D_MESSAGE, D_RULE, KIND_DAY, KIND_EVENT } from "../archive/index/part.js";
import { checkChanges } from "./changes.js";
import { checkRelatedContexts } from "./contexts.js";
import { checkDayEntries, checkEventListed } from "./day-pages.js";
import type { Finding } from "./finding.js";
import { createIndexContext } from "./index-context.js";
import { checkLinks } from "./links.js";
import { checkDayPadding } from "./padding.js";

export function checkIndex(r: Resolved): Finding[] {
  const found: Finding[] = [];
  const ctx = createIndexContext(r, found);
  const { index } = r;
  const { diags, text } = index;
  for (let o = 0; o < diags.length; o += D) {
    const file = diags[o + D_FILE]!;
    const flags = diags[o + D_FLAGS]!;
    // Warnings are for current versions and day pages: superseded versions are history.
    if (flags & 2 && !ctx.isCurrent(file)) continue;
    const severity = flags & 1 ? "warning" : "error";
    found.push({ file: ctx.path(file), line: diags[o + D_LINE]!, column: diags[o + D_COLUMN]!, severity, rule: text.get(diags[o + D_RULE]!), message: text.get(diags[o + D_MESSAGE]!) });
  }
  for (const id of index.order) {
    if (ctx.isBroken(id)) continue;
    const kind = kindOf(index, id);
    if (kind === KIND_EVENT) {
      checkLinks(id, ctx);
      if (ctx.isCurrent(id)) checkRelatedContexts(id, ctx);
    } else if (kind === KIND_DAY) {
      checkLinks(id, ctx);
      checkDayEntries(id, ctx);
    }
  }
  for (let event = 0; event < r.current.length; event++) {
    checkEventListed(event, ctx);
    checkChanges(event, ctx);
  }
  checkDayPadding(ctx);
  return found;
}

// What only `add` asks of its input: a calendar date. The fields themselves
// follow the archive's one set of rules (src/archive/format/fields.ts), shared with
// revise and the prompts.

import { parseIsoDate } from "../../archive/format/paths.js";

export function checkDate(value: string): string | null {
  return parseIsoDate(value.trim()) ? null : "not a calendar date (YYYY-MM-DD)";
}

// Option values checked where they are parsed, so every command sees clean input.
// The errors are newsctl's own, not commander's InvalidArgumentError, so the
// message reaches the user as written (see error-line.ts).

import { formatIsoDate, parseIsoDate } from "../archive/paths.js";
import { ArgumentError } from "../errors.js";

export function parseDateOption(flag: string) {
  return (value: string): string => {
    const ref = parseIsoDate(value.trim());
    if (!ref) throw new ArgumentError(`${flag} ${JSON.stringify(value)} is not a calendar date (YYYY-MM-DD)`);
    return formatIsoDate(ref);
  };
}

export function parsePositiveInt(flag: string, min = 1) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim())) throw new ArgumentError(`${flag} takes a whole number, not ${JSON.stringify(value)}`);
    const n = Number(value);
    if (n < min) throw new ArgumentError(`${flag} must be at least ${min}`);
    return n;
  };
}

/** "NAME=URL" as given to --source; the URL may itself hold "=". */
export function parseNameUrl(flag: string, value: string): { name: string; url: string } {
  const at = value.indexOf("=");
  const name = at < 0 ? "" : value.slice(0, at).trim();
  const url = at < 0 ? "" : value.slice(at + 1).trim();
  if (!name || !url) throw new ArgumentError(`${flag} takes NAME=URL, not ${JSON.stringify(value)}`);
  return { name, url };
}

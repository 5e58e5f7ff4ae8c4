// Option values checked where they are parsed, so every command sees clean input.
// The errors are newsctl's own, not commander's InvalidArgumentError, so the
// message reaches the user as written (see error-line.ts).

import { formatIsoDate, parseIsoDate } from "../archive/format/paths.js";
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

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * "10", "10s", "500ms", "1.5m", "12h", "1d" as milliseconds; a bare number is
 * seconds, except that with `bareMsFrom` a bare number that large is taken as
 * milliseconds (no one means a 17-minute request timeout by "--timeout 1000").
 */
export function parseDuration(flag: string, { allowZero = false, bareMsFrom = Infinity } = {}) {
  return (value: string): number => {
    const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(value.trim());
    if (!m) throw new ArgumentError(`${flag} takes a duration such as 10s, 500ms, 30m, 12h or 1d, not ${JSON.stringify(value)}`);
    const unit = m[2] ?? (Number(m[1]) >= bareMsFrom ? "ms" : "s");
    const ms = Math.round(Number(m[1]) * DURATION_UNITS[unit]!);
    if (ms === 0 && !allowZero) throw new ArgumentError(`${flag} must be more than 0`);
    if (!Number.isSafeInteger(ms) || ms > 365 * DURATION_UNITS["d"]!) throw new ArgumentError(`${flag} ${JSON.stringify(value)} is too long`);
    return ms;
  };
}

/** A repeatable regular-expression flag: each value compiled as it is parsed, so a bad one is a usage error. */
export function parseRegexList(flag: string) {
  return (value: string, previous: RegExp[] = []): RegExp[] => {
    try {
      return [...previous, new RegExp(value)];
    } catch (error) {
      throw new ArgumentError(`${flag} ${JSON.stringify(value)} is not a regular expression (${(error as Error).message})`);
    }
  };
}

/** An absolute http(s) URL. */
export function parseHttpUrl(flag: string) {
  return (value: string): string => {
    let url: URL;
    try {
      url = new URL(value.trim());
    } catch {
      throw new ArgumentError(`${flag} takes an absolute http(s) URL, not ${JSON.stringify(value)}`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new ArgumentError(`${flag} takes an http(s) URL, not ${JSON.stringify(value)}`);
    return url.href;
  };
}

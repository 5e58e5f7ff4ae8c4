// A configuration that passed the schema, made ready to use: rules in a
// map, globs and patterns compiled, durations in milliseconds. What a schema
// cannot say is checked here, each with a one-line error naming the key: a
// glob that leaves the archive or does not compile, a pattern that is not a
// regular expression, a duration out of range.

import { createHash } from "node:crypto";
import picomatch from "picomatch";
import { ArgumentError } from "../errors.js";
import { parseDuration } from "../cli/options.js";
import { placeOfValue } from "./parse.js";
import { describeValue } from "./schema.js";
import { ConfigError, type Config, type ConfigFile, type OnlineSettings, type RuleSetting } from "./types.js";

/** Longest and shortest values the archive may ask for: a hostile file must not make a run hang. */
const LIMITS_MS = {
  timeout: { min: 1, max: 60_000 },
  maxAge: { min: 0, max: 365 * 86_400_000 },
  hostInterval: { min: 0, max: 10_000 },
} as const;

/** `text` is the file's text, so each error can point at its line and column. */
export function normaliseConfig(source: string, file: ConfigFile, text: string): Config {
  const fail = (path: (string | number)[], key: string, detail: string) => new ConfigError(source, `${key}: ${detail}`, placeOfValue(text, path));
  const rules = new Map<string, RuleSetting>(Object.entries(file.rules ?? {}));
  const ignore = (file.ignore ?? []).map((pattern, i) => ({ pattern, key: `ignore[${i}]`, regex: compileGlob(pattern, (why) => fail(["ignore", i], `ignore[${i}]`, why)) }));
  const digest = createHash("sha256").update(text).digest("hex").slice(0, 16);
  const config: Config = { source, digest, rules, ignore, online: normaliseOnline(file.online ?? {}, fail) };
  if (file.maxWarnings !== undefined) config.maxWarnings = file.maxWarnings;
  return config;
}

/**
 * A glob over archive-relative paths (`news/2013/**`), as picomatch reads
 * it; `./` in front is dropped. Refused: a path that is absolute, climbs
 * with `..` or uses backslashes, a negation, and anything picomatch cannot
 * compile (it would match nothing, silently).
 */
export function compileGlob(pattern: string, fail: (detail: string) => Error): RegExp {
  const glob = pattern.replace(/^(\.\/)+/, "");
  const refuse = (why: string) => fail(`${describeValue(pattern)} ${why}`);
  if (glob === "") throw refuse("names no file");
  if (glob.startsWith("!")) throw refuse("is a negation; list only what to ignore");
  if (glob.startsWith("/") || /^[A-Za-z]:/.test(glob)) throw refuse("is an absolute path; globs are relative to the archive root (news/2013/**)");
  if (glob.includes("\\")) throw refuse("holds a backslash; separate folders with /");
  if (glob.split("/").some((part) => part === "..")) throw refuse("climbs out with ..; globs stay inside the archive");
  let regex: RegExp;
  try {
    regex = picomatch.makeRe(glob, { dot: true, strictBrackets: true });
  } catch (error) {
    throw refuse(`is not a valid glob (${(error as Error).message})`);
  }
  if (regex.source === "$^") throw refuse("is not a valid glob");
  return regex;
}

type Fail = (path: (string | number)[], key: string, detail: string) => Error;

function normaliseOnline(online: NonNullable<ConfigFile["online"]>, fail: Fail): OnlineSettings {
  const out: OnlineSettings = {};
  if (online.exclude) {
    out.exclude = online.exclude.map((p, i) => compileRegex(p, (why) => fail(["online", "exclude", i], `online.exclude[${i}]`, why)));
  }
  for (const key of ["timeout", "maxAge", "hostInterval"] as const) {
    const value = online[key];
    if (value !== undefined) out[key] = durationMs(value, LIMITS_MS[key], (why) => fail(["online", key], `online.${key}`, why));
  }
  if (online.concurrency !== undefined) out.concurrency = online.concurrency;
  if (online.perHost !== undefined) out.perHost = online.perHost;
  return out;
}

/** As --exclude compiles its value: a JavaScript regular expression, no flags. */
function compileRegex(pattern: string, fail: (detail: string) => Error): RegExp {
  try {
    return new RegExp(pattern);
  } catch (error) {
    const why = (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, "");
    throw fail(`${describeValue(pattern)} is not a regular expression (${why})`);
  }
}

function durationMs(value: string, limit: { min: number; max: number }, fail: (detail: string) => Error): number {
  let ms: number;
  try {
    ms = parseDuration("it", { allowZero: true })(value);
  } catch (error) {
    if (error instanceof ArgumentError) throw fail(`${describeValue(value)} is not a duration such as "500ms", "10s", "2m", "12h" or "7d"`);
    throw error;
  }
  if (ms < limit.min) throw fail(`${describeValue(value)} must be more than 0`);
  if (ms > limit.max) throw fail(`${describeValue(value)} is longer than the most allowed, ${showMs(limit.max)}`);
  return ms;
}

function showMs(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000}d`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

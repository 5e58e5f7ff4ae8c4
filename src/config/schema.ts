// The configuration checked against the schema newsctl publishes
// (schema/newsctl.config.schema.json, shipped in the package), by ajv; its
// first error becomes one line naming the key: `rules."stale-titel":
// unknown rule (did you mean "stale-title"?)`.

import { readFileSync } from "node:fs";
import AjvModule, { type ErrorObject, type ValidateFunction } from "ajv";
import { closest, distance } from "fastest-levenshtein";
import { findNodeAtLocation, parseTree, type Node } from "jsonc-parser";
import { placeOf } from "./parse.js";
import { ConfigError, type ConfigFile, type TextPlace } from "./types.js";

const Ajv = AjvModule.default;

export const SCHEMA_URL = new URL("../../schema/newsctl.config.schema.json", import.meta.url);

interface SchemaNode {
  properties?: Record<string, unknown>;
  enum?: unknown[];
}

let compiled: ValidateFunction | null = null;

export function loadSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(SCHEMA_URL, "utf8")) as Record<string, unknown>;
}

function validator(): ValidateFunction {
  // verbose: each error carries the schema around it (the keys a misspelt one could be) and the value.
  compiled ??= new Ajv({ allErrors: false, strict: true, verbose: true }).compile(loadSchema());
  return compiled;
}

/** Throws a ConfigError describing the first way `value` (parsed from `text`) breaks the schema. */
export function checkSchema(source: string, value: unknown, text: string): ConfigFile {
  const validate = validator();
  if (validate(value)) return value as ConfigFile;
  const error = validate.errors![0]!;
  throw new ConfigError(source, describeError(error, value), placeOfError(error, text));
}

/** Where the offending key (an unknown one) or value is in the text; null when it cannot be found. */
function placeOfError(error: ErrorObject, text: string): TextPlace | null {
  const tree = parseTree(text);
  if (!tree) return null;
  const path = pointerToSegments(error.instancePath).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const node = findNodeAtLocation(tree, path);
  if (!node) return null;
  if (error.keyword === "additionalProperties") {
    const key = (error.params as { additionalProperty: string }).additionalProperty;
    const property = node.children?.find((p: Node) => p.children?.[0]?.value === key);
    if (property) return placeOf(text, property.offset);
  }
  return placeOf(text, node.offset);
}

function describeError(error: ErrorObject, root: unknown): string {
  const path = pointerToSegments(error.instancePath);
  const data = error.data;
  switch (error.keyword) {
    case "additionalProperties": {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys((error.parentSchema as SchemaNode).properties ?? {});
      const rule = path.length === 1 && path[0] === "rules";
      return `${keyPath([...path, key], root)}: ${rule ? "unknown rule" : "unknown key"}${suggest(key, known, rule ? "the rules are" : "the keys are")}`;
    }
    case "type":
      return `${where(path, root)}expected ${article((error.params as { type: string }).type)}, not ${describeValue(data)}`;
    case "enum": {
      const allowed = (error.schema as unknown[]).map((v) => JSON.stringify(v));
      const hint = typeof data === "string" ? suggest(data, (error.schema as unknown[]).map(String), null) : "";
      return `${where(path, root)}${describeValue(data)} is not one of ${allowed.join(", ")}${hint}`;
    }
    case "minimum":
      return `${where(path, root)}must be at least ${String(error.schema)}, not ${describeValue(data)}`;
    case "maximum":
      return `${where(path, root)}must be at most ${String(error.schema)}, not ${describeValue(data)}`;
    case "minLength":
      return `${where(path, root)}must not be empty`;
    case "maxLength":
      return `${where(path, root)}is longer than ${String(error.schema)} characters`;
    case "maxItems":
      return `${where(path, root)}has more than ${String(error.schema)} items`;
    case "pattern":
      return `${where(path, root)}${describeValue(data)} is not a duration such as "500ms", "10s", "2m", "12h" or "7d"`;
    default:
      return `${where(path, root)}${error.message ?? "is not allowed"}`;
  }
}

/** The whole file when the path is empty (`expected an object`), else `key: `. */
function where(path: string[], root: unknown): string {
  return path.length === 0 ? "" : `${keyPath(path, root)}: `;
}

function pointerToSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** `rules."stale-title"`, `online.exclude[2]`, `"$schema"`: keys that are names bare, others quoted. */
export function keyPath(path: string[], root: unknown): string {
  let out = "";
  let node: unknown = root;
  for (const segment of path) {
    if (Array.isArray(node)) out += `[${segment}]`;
    else {
      const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(segment) ? segment : JSON.stringify(clip(segment));
      out += out === "" ? name : `.${name}`;
    }
    node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return out;
}

/** ` (did you mean "stale-title"?)` for a near miss; else, given `listing`, every candidate. */
function suggest(word: string, candidates: string[], listing: string | null): string {
  if (candidates.length === 0) return "";
  const typed = word.toLowerCase();
  const prefixed = typed.length >= 3 ? candidates.find((c) => c.toLowerCase().startsWith(typed)) : undefined;
  const best = prefixed ?? closest(typed, candidates);
  if (prefixed || distance(typed, best) <= Math.max(2, Math.floor(best.length / 3))) return ` (did you mean ${JSON.stringify(best)}?)`;
  return listing ? `; ${listing} ${candidates.join(", ")}` : "";
}

const ARTICLES: Record<string, string> = {
  object: "an object ({…})",
  array: "a list ([…])",
  string: "a string",
  integer: "a whole number",
  number: "a number",
  boolean: "true or false",
};

function article(type: string): string {
  return ARTICLES[type] ?? type;
}

/** A value as a message shows it: strings and numbers as written (cut short), containers by kind. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(clip(value));
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return String(value);
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

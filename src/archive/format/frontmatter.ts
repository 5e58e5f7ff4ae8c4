// The one place gray-matter is called. Front matter is data: YAML or JSON
// only. gray-matter would eval() a ---js block, so every code-running engine
// throws here, and options are always passed (without them gray-matter keeps
// every file's content in a module-level cache forever).

import { createRequire } from "node:module";
import type matterType from "gray-matter";

// Loaded on the first file that has front matter: most files have none, and
// loading gray-matter (with js-yaml) costs every command about 50 ms.
const require = createRequire(import.meta.url);
let matterFn: typeof matterType | null = null;
function matter(...args: Parameters<typeof matterType>): ReturnType<typeof matterType> {
  matterFn ??= require("gray-matter") as typeof matterType;
  return matterFn(...args);
}

const DATA_LANGUAGES = new Set(["", "yaml", "yml", "json"]);

function refuse(): never {
  throw new Error("front matter that runs code is never evaluated");
}

// Typed loosely: gray-matter's option types are generic over the input string.
const SAFE_OPTIONS: Record<string, unknown> = {
  engines: {
    javascript: { parse: refuse, stringify: refuse },
    js: { parse: refuse, stringify: refuse },
    coffee: { parse: refuse, stringify: refuse },
    coffeescript: { parse: refuse, stringify: refuse },
    cson: { parse: refuse, stringify: refuse },
  },
};

export type FrontMatterResult =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; message: string };

export function isDataLanguage(language: string): boolean {
  return DATA_LANGUAGES.has(language.toLowerCase());
}

/**
 * Parse the text between the fences. `language` is what followed the
 * opening `---` (empty for plain YAML). The front matter newsctl writes is
 * read without loading gray-matter and js-yaml (some 50 ms a command).
 */
export function parseFrontMatter(block: string, language: string): FrontMatterResult {
  return parseSimpleFrontMatter(block, language) ?? parseWithGrayMatter(block, language);
}

/** Any front matter, through gray-matter (exported for the test that holds parseSimpleFrontMatter to it). */
export function parseWithGrayMatter(block: string, language: string): FrontMatterResult {
  if (!isDataLanguage(language)) {
    return { ok: false, message: `front matter in "${language}" is not data (only YAML or JSON); it was not run` };
  }
  const lang = language.toLowerCase() === "json" ? "json" : "yaml";
  try {
    const input: string = `---${lang}\n${block}\n---\n`;
    const parsed = matter(input, { ...SAFE_OPTIONS, language: lang } as Parameters<typeof matter>[1]);
    const data: unknown = parsed.data;
    if (data === null || typeof data !== "object" || Array.isArray(data)) {
      return { ok: false, message: "front matter is not a mapping of keys to values" };
    }
    return { ok: true, data: data as Record<string, unknown> };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { ok: false, message: `front matter is not valid ${lang.toUpperCase()}: ${reason}` };
  }
}

/** One item of a front matter sequence, where it sits in the block's text. */
export interface SequenceScalar {
  /** Offsets in the block text (the lines between the fences joined by "\n"). */
  start: number;
  end: number;
  value: string;
  style: "plain" | "single" | "double";
}

type Yaml = typeof import("yaml");
let yamlLib: Yaml | null = null;

/**
 * The scalar items of the top-level key's sequence (`key: [a, "b"]`, a
 * block list, or a JSON array), with their places in the text, so that an
 * edit can replace one item's bytes and nothing else. Tokens only: nothing
 * is resolved beyond each scalar's own text. Null when the key is missing or
 * not a sequence; items that are not scalars are left out.
 */
export function sequenceScalars(block: string, key: string): SequenceScalar[] | null {
  yamlLib ??= require("yaml") as Yaml;
  const { Parser, CST } = yamlLib;
  for (const token of new Parser().parse(block)) {
    if (token.type !== "document") continue;
    const map = token.value;
    if (!map || (map.type !== "block-map" && !(map.type === "flow-collection" && map.start.source === "{"))) return null;
    const item = map.items.find((i) => i.key && CST.resolveAsScalar(i.key)?.value === key);
    const seq = item?.value;
    if (!seq || (seq.type !== "block-seq" && !(seq.type === "flow-collection" && seq.start.source === "["))) return null;
    const out: SequenceScalar[] = [];
    for (const { value } of seq.items) {
      if (!value || (value.type !== "scalar" && value.type !== "single-quoted-scalar" && value.type !== "double-quoted-scalar")) continue;
      const resolved = CST.resolveAsScalar(value);
      if (!resolved) continue;
      const style = value.type === "scalar" ? "plain" : value.type === "single-quoted-scalar" ? "single" : "double";
      out.push({ start: value.offset, end: value.offset + value.source.length, value: resolved.value, style });
    }
    return out;
  }
  return null;
}

// One line of the front matter newsctl writes: `key: "text"` or
// `key: ["a", "b"]`, printable ASCII without quotes or backslashes. YAML
// reads such a line as JSON would, with no escapes, types or anchors.
const QUOTED = String.raw`"[\x20\x21\x23-\x5b\x5d-\x7e]*"`;
const SIMPLE_LINE = new RegExp(String.raw`^([A-Za-z][A-Za-z0-9_-]*): (${QUOTED}|\[\]|\[${QUOTED}(?:, ${QUOTED})*\])$`);
// Plain keys YAML would read as a boolean or null (then turned back into "true", "null"...).
const SPECIAL_KEY = /^(?:true|false|null)$/i;

/**
 * The front matter newsctl itself writes, read without gray-matter (which
 * costs some 40 µs a file, and 50 ms to load); null for anything else,
 * which goes to gray-matter. Gives what gray-matter gives for the same block.
 */
export function parseSimpleFrontMatter(block: string, language: string): FrontMatterResult | null {
  const lang = language.toLowerCase();
  if (lang !== "" && lang !== "yaml" && lang !== "yml") return null;
  const data: Record<string, unknown> = {};
  const lines = block.split("\n");
  for (const line of lines) {
    const m = SIMPLE_LINE.exec(line);
    if (!m || SPECIAL_KEY.test(m[1]!) || Object.hasOwn(data, m[1]!)) return null;
    data[m[1]!] = JSON.parse(m[2]!) as unknown;
  }
  return { ok: true, data };
}

// The configuration's text as a JSON value. Plain JSON (no comments, no
// trailing commas), parsed by JSON.parse; when that fails, jsonc-parser
// finds where, so the message names the line and column. Nesting is bounded
// before either parser runs: jsonc-parser recurses, and a hostile file of a
// million `[` would overflow the stack.

import { findNodeAtLocation, ParseErrorCode, parseTree, type ParseError } from "jsonc-parser";
import { ConfigError, type TextPlace } from "./types.js";

/** The schema needs three levels; far deeper is an attack or an accident. */
export const MAX_DEPTH = 32;

const WHAT: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: "unexpected character",
  [ParseErrorCode.InvalidNumberFormat]: "not a number",
  [ParseErrorCode.PropertyNameExpected]: "a key in double quotes expected",
  [ParseErrorCode.ValueExpected]: "a value expected",
  [ParseErrorCode.ColonExpected]: "':' expected",
  [ParseErrorCode.CommaExpected]: "',' expected",
  [ParseErrorCode.CloseBraceExpected]: "'}' expected",
  [ParseErrorCode.CloseBracketExpected]: "']' expected",
  [ParseErrorCode.EndOfFileExpected]: "more text after the end of the JSON value",
  [ParseErrorCode.InvalidCommentToken]: "comments are not allowed (the file is plain JSON)",
  [ParseErrorCode.UnexpectedEndOfComment]: "comments are not allowed (the file is plain JSON)",
  [ParseErrorCode.UnexpectedEndOfString]: "a string is not closed",
  [ParseErrorCode.UnexpectedEndOfNumber]: "a number is cut short",
  [ParseErrorCode.InvalidUnicode]: "a bad \\u escape",
  [ParseErrorCode.InvalidEscapeCharacter]: "a bad escape",
  [ParseErrorCode.InvalidCharacter]: "a control character inside a string",
};

export function parseConfigJson(source: string, text: string): unknown {
  if (text.trim() === "") throw new ConfigError(source, "is empty; it must hold a JSON object ({})");
  const deep = tooDeepAt(text);
  if (deep >= 0) throw new ConfigError(source, `nested more than ${MAX_DEPTH} levels deep`, placeOf(text, deep));
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw syntaxError(source, text, (error as Error).message);
  }
}

/** The offset of the first `[` or `{` past MAX_DEPTH levels (outside strings), or -1. Linear. */
function tooDeepAt(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return -1;
}

function syntaxError(source: string, text: string, fallback: string): ConfigError {
  const errors: ParseError[] = [];
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  // V8's own words, without the copy of the text it quotes.
  if (!first) return new ConfigError(source, `not valid JSON: ${fallback.replace(/, ".*" is not valid JSON$/s, "")}`);
  if (trailingComma(text, first)) {
    return new ConfigError(source, "not valid JSON: a trailing comma is not allowed", placeOf(text, text.slice(0, first.offset).trimEnd().length - 1));
  }
  return new ConfigError(source, `not valid JSON: ${WHAT[first.error] ?? "unexpected text"}`, placeOf(text, first.offset));
}

/** `{"a": 1,}` and `[1,]`: the key or value jsonc-parser misses comes right after a comma. */
function trailingComma(text: string, error: ParseError): boolean {
  if (error.error !== ParseErrorCode.PropertyNameExpected && error.error !== ParseErrorCode.ValueExpected) return false;
  const before = text.slice(0, error.offset).trimEnd();
  return before.endsWith(",") && /^\s*[}\]]/.test(text.slice(error.offset));
}

/** 1-based line and column (in UTF-16 units, as editors count) of a text offset. */
export function placeOf(text: string, offset: number): TextPlace {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** Where the value at `path` (keys and list indexes) starts in the text, or null. */
export function placeOfValue(text: string, path: (string | number)[]): TextPlace | null {
  const tree = parseTree(text);
  const node = tree ? findNodeAtLocation(tree, path) : undefined;
  return node ? placeOf(text, node.offset) : null;
}

// A file as lines plus the exact line endings between them, so that any
// edit can leave every untouched byte where it was.

export interface TextDoc {
  bom: boolean;
  lines: string[];
  /** eols[i] ends lines[i]: "\n", "\r\n", "\r" or "" (the last line, unterminated). */
  eols: string[];
}

const LINE_BREAK = /\r\n|\n|\r/g;

export function splitText(text: string): TextDoc {
  const bom = text.charCodeAt(0) === 0xfeff;
  const body = bom ? text.slice(1) : text;
  const lines: string[] = [];
  const eols: string[] = [];
  let start = 0;
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(body); m; m = LINE_BREAK.exec(body)) {
    lines.push(body.slice(start, m.index));
    eols.push(m[0]);
    start = m.index + m[0].length;
  }
  lines.push(body.slice(start));
  eols.push("");
  return { bom, lines, eols };
}

export function joinText(doc: TextDoc): string {
  let out = doc.bom ? "\uFEFF" : "";
  for (let i = 0; i < doc.lines.length; i++) out += doc.lines[i]! + doc.eols[i]!;
  return out;
}

/** The line ending this file mostly uses; "\n" for a file with none. */
export function dominantEol(doc: TextDoc): string {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (const eol of doc.eols) {
    if (eol === "\r\n") crlf++;
    else if (eol === "\n") lf++;
    else if (eol === "\r") cr++;
  }
  if (crlf > lf && crlf >= cr) return "\r\n";
  if (cr > lf && cr > crlf) return "\r";
  return "\n";
}

export function cloneDoc(doc: TextDoc): TextDoc {
  return { bom: doc.bom, lines: doc.lines.slice(), eols: doc.eols.slice() };
}

/** Replace line `index` (0-based), keeping its line ending. */
export function replaceLine(doc: TextDoc, index: number, text: string): void {
  if (index < 0 || index >= doc.lines.length) throw new RangeError(`no line ${index + 1}`);
  doc.lines[index] = text;
}

/**
 * Insert lines after line `index` (0-based; -1 inserts at the top). When the
 * line before is unterminated, it gains the file's line ending so the new
 * lines start on a line of their own; the last inserted line then stays
 * unterminated, keeping "no newline at end of file" as it was.
 */
export function insertLines(doc: TextDoc, index: number, texts: string[]): void {
  if (texts.length === 0) return;
  const eol = dominantEol(doc);
  if (index >= 0 && doc.eols[index] === "") {
    if (doc.lines.length === 1 && doc.lines[0] === "" && index === 0) {
      // An empty file: the new lines replace the empty line.
      doc.lines.splice(0, 1, ...texts);
      doc.eols.splice(0, 1, ...texts.map(() => eol));
      return;
    }
    doc.eols[index] = eol;
    doc.lines.splice(index + 1, 0, ...texts);
    doc.eols.splice(index + 1, 0, ...texts.map((_, i) => (i === texts.length - 1 ? "" : eol)));
    return;
  }
  doc.lines.splice(index + 1, 0, ...texts);
  doc.eols.splice(index + 1, 0, ...texts.map(() => eol));
}

export function removeLine(doc: TextDoc, index: number): void {
  if (index < 0 || index >= doc.lines.length) throw new RangeError(`no line ${index + 1}`);
  const wasLast = index === doc.lines.length - 1;
  doc.lines.splice(index, 1);
  const [eol] = doc.eols.splice(index, 1);
  if (wasLast && index > 0 && eol === "") doc.eols[index - 1] = "";
}

/** The index of the last line that is not empty (0 when every line is): where an appended block goes. */
export function lastNonBlankLine(doc: TextDoc): number {
  let last = doc.lines.length - 1;
  while (last > 0 && doc.lines[last] === "") last--;
  return last;
}

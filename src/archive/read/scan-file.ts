// One file's bytes to its lean index entry: the byte scanner for the common
// shape, the full parser for everything else (and for what it reports).

import { scannedFromParsed, type ScannedFile } from "../index/scanned.js";
import { parseArchivePath } from "../format/paths.js";
import { parseFile } from "../format/read-file.js";
import { fastScan } from "./fast-scan.js";

export function scanBytes(path: string, bytes: Buffer): ScannedFile {
  return fastScan(path, parseArchivePath(path), bytes) ?? scannedFromParsed(parseFile(path, bytes));
}

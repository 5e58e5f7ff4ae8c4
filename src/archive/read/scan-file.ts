// One file's bytes to its lean index entry. The byte scanner reads the
// common shape; everything else goes through the full parser.

import { scannedFromParsed, type ScannedFile } from "../index/scanned.js";
import { parseFile } from "../read-file.js";

export function scanBytes(path: string, bytes: Buffer): ScannedFile {
  return scannedFromParsed(parseFile(path, bytes));
}

// Finding and reading the configuration file. The archive's own
// newsctl.config.json is untrusted, like everything in the archive: it is
// read without following a symbolic link, only as a regular file (a FIFO
// would block the read), and never past its size limit. A file named with
// --config may be a link (the user named it), but is held to the rest.

import { isUtf8 } from "node:buffer";
import { readPlainFile, type PlainRead } from "../archive/read/plain-file.js";
import { CONFIG_NAME, ConfigError } from "./types.js";

/** Far more than any real configuration; a larger file is refused, not read. */
export const MAX_CONFIG_BYTES = 1 << 20;

export interface ConfigText {
  source: string;
  text: string;
}

/** The archive's newsctl.config.json, or null when it has none. `source` is how to name it in messages. */
export function readArchiveConfig(root: string, source: string): ConfigText | null {
  const read = readPlainFile(root, CONFIG_NAME, { maxBytes: MAX_CONFIG_BYTES });
  if (!read.ok && read.why === "missing") return null;
  return { source, text: textOf(source, read) };
}

/** The file named by --config (an absolute path). */
export function readGivenConfig(path: string, source: string): ConfigText {
  const read = readPlainFile(null, path, { maxBytes: MAX_CONFIG_BYTES, followLinks: true });
  return { source, text: textOf(source, read) };
}

function textOf(source: string, read: PlainRead): string {
  if (!read.ok) throw new ConfigError(source, REFUSAL[read.why](read.code));
  if (!isUtf8(read.bytes)) throw new ConfigError(source, "is not UTF-8 text");
  const text = read.bytes.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const REFUSAL: Record<Exclude<PlainRead, { ok: true }>["why"], (code?: string) => string> = {
  missing: () => "no such file",
  symlink: () => "is a symbolic link; newsctl never reads the archive's configuration through a link (name a file you trust with --config)",
  "not-a-file": () => "is not a regular file",
  "too-large": () => `is larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MiB; a configuration is a few lines`,
  unreadable: (code) => `cannot be read (${code ?? "error"})`,
};

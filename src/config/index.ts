// The configuration for a run: the file named by --config, else the
// archive's own newsctl.config.json, else none. Read, parsed, checked
// against the published schema and normalised, or one ConfigError.

import { readArchiveConfig, readGivenConfig } from "./find.js";
import { parseConfigJson } from "./parse.js";
import type { Config } from "./types.js";

export { CONFIG_NAME, ConfigError, type Config, type RuleSetting } from "./types.js";

export interface ConfigWhere {
  root: string;
  /** How to name the archive's file in messages (relative to the working directory where possible). */
  shownInArchive: string;
  /** --config FILE, absolute, with its name as the user gave it; false for --no-config. */
  given?: { path: string; shown: string } | false;
}

export async function loadConfig(where: ConfigWhere): Promise<Config | null> {
  if (where.given === false) return null;
  const found = where.given ? readGivenConfig(where.given.path, where.given.shown) : readArchiveConfig(where.root, where.shownInArchive);
  if (!found) return null;
  const value = parseConfigJson(found.source, found.text);
  // The validator (and ajv with it) is loaded only when there is a file to check.
  const { checkSchema } = await import("./schema.js");
  const file = checkSchema(found.source, value, found.text);
  const { normaliseConfig } = await import("./normalise.js");
  return normaliseConfig(found.source, file, found.text);
}

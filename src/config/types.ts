// newsctl.config.json: the file as its schema allows it, and the settings
// newsctl takes from it once checked (globs and patterns compiled, durations
// in milliseconds).

import { UsageError } from "../errors.js";

export const CONFIG_NAME = "newsctl.config.json";

export type RuleSetting = "off" | "warning" | "error";

/** What schema/newsctl.config.schema.json allows; a value is only typed so once checked against it. */
export interface ConfigFile {
  $schema?: string;
  rules?: Record<string, RuleSetting>;
  ignore?: string[];
  maxWarnings?: number;
  online?: {
    exclude?: string[];
    timeout?: string;
    maxAge?: string;
    concurrency?: number;
    perHost?: number;
    hostInterval?: string;
  };
}

export interface OnlineSettings {
  exclude?: RegExp[];
  /** ms */
  timeout?: number;
  maxAge?: number;
  concurrency?: number;
  perHost?: number;
  hostInterval?: number;
}

export interface Config {
  /** The file as the user sees it named: `newsctl.config.json`, `site/newsctl.config.json`, or --config's value. */
  source: string;
  /** Of the file's text: a result cached under another configuration is not this run's. */
  digest: string;
  rules: ReadonlyMap<string, RuleSetting>;
  /** Compiled globs, archive-relative; a file is ignored when one matches it or a folder above it. */
  ignore: { pattern: string; key: string; regex: RegExp }[];
  maxWarnings?: number;
  online: OnlineSettings;
}

export interface TextPlace {
  line: number;
  column: number;
}

/** Anything wrong with the file: one line naming it, the key, and where known its line and column; exit 2. */
export class ConfigError extends UsageError {
  constructor(source: string, detail: string, at?: TextPlace | null) {
    super(at ? `${source}:${at.line}:${at.column}: ${detail}` : `${source}: ${detail}`);
  }
}

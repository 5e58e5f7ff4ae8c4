// The configuration's defaults under validate's flags: a flag given on the
// command line wins, key by key (`--exclude` replaces the file's list).
// Where the run's configuration comes from: --config FILE, --no-config, or
// the archive's own file.

import { isAbsolute, relative, resolve, sep } from "node:path";
import type { OnlineOptions } from "../commands/validate/online/flags.js";
import { loadConfig } from "./index.js";
import { CONFIG_NAME, type Config } from "./types.js";

export interface ConfiguredOptions extends OnlineOptions {
  maxWarnings?: number;
  maxWarningsFrom?: string;
}

/**
 * The run's configuration, read from where the flags say: `flag` is
 * --config's value (a string), false for --no-config, else undefined (or
 * true, as commander leaves it). A relative --config is found from `cwd`.
 */
export async function configFor(cwd: string, root: string, flag: unknown): Promise<Config | null> {
  if (flag === false) return null;
  if (typeof flag === "string") return loadConfig({ root, shownInArchive: "", given: { path: resolve(cwd, flag), shown: flag } });
  // Named as validate names the archive's files: from the working directory when the archive is inside it, else from the root.
  const base = relative(cwd, root).split(sep).join("/");
  const shown = base === "" || base.startsWith("..") || isAbsolute(base) ? CONFIG_NAME : `${base}/${CONFIG_NAME}`;
  return loadConfig({ root, shownInArchive: shown });
}

/** `opts` with the configuration's values for every setting the command line left out. */
export function withConfig<T extends ConfiguredOptions>(opts: T, config: Config | null): T & { configured: Config | null } {
  if (!config) return { ...opts, configured: null };
  const out: T & { configured: Config | null } = { ...opts, configured: config };
  if (out.maxWarnings === undefined && config.maxWarnings !== undefined) {
    out.maxWarnings = config.maxWarnings;
    out.maxWarningsFrom = config.source;
  }
  const online = config.online;
  if (out.exclude === undefined && online.exclude) {
    out.exclude = online.exclude;
    out.excludeNames = online.exclude.map((_, i) => `${config.source}: online.exclude[${i}]`);
  }
  out.timeout ??= online.timeout;
  out.maxAge ??= online.maxAge;
  out.concurrency ??= online.concurrency;
  out.perHost ??= online.perHost;
  out.hostInterval ??= online.hostInterval;
  return out;
}

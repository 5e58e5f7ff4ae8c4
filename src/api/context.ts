// The Context the API runs commands in: the CLI's, with nothing of the
// process in it. Nothing is written to stdout or stderr; the notes a command
// would print on stderr ("warning: …", "skipping …") reach the caller's
// onWarning, one line each, or nowhere. The environment is what the caller
// passes (nothing by default), so NEWSCTL_ARCHIVE, the test hooks and the
// clock override only apply when asked for.

import { Readable } from "node:stream";
import { DEFAULT_LOCK_TIMEOUT_MS } from "../archive/write/hooks.js";
import type { Context, OutStream } from "../cli/context.js";

export interface ApiOptions {
  /** Where a relative archive path or `paths` entry starts (default: process.cwd() at the call). */
  cwd?: string;
  /** Variables newsctl may read, as the CLI reads process.env (default: none; pass process.env to honour NEWSCTL_ARCHIVE). */
  env?: Record<string, string | undefined>;
  /** Each note the CLI would print on stderr, without its "newsctl: " prefix (default: dropped). */
  onWarning?: (message: string) => void;
  /** How long a write waits for another run's lock before giving up, ms (default 30000). */
  lockTimeoutMs?: number;
}

/** Lines written to it, passed on one at a time without newsctl's prefix. */
function lineSink(onLine: ((line: string) => void) | undefined): OutStream {
  let pending = "";
  return {
    isTTY: false,
    write(chunk: string) {
      if (!onLine) return true;
      pending += chunk;
      let end: number;
      while ((end = pending.indexOf("\n")) >= 0) {
        const line = pending.slice(0, end).replace(/^newsctl: (warning: )?/, "");
        pending = pending.slice(end + 1);
        if (line !== "") onLine(line);
      }
      return true;
    },
  };
}

const NOWHERE: OutStream = { isTTY: false, write: () => true };

/** @internal */
export function apiContext(options: ApiOptions = {}): Context {
  const env = { ...(options.env ?? {}) };
  return {
    cwd: options.cwd ?? process.cwd(),
    env,
    stdout: NOWHERE,
    stderr: lineSink(options.onWarning),
    stdin: Readable.from([]),
    now: () => new Date(),
    hooks: { faults: [], lockTimeoutMs: options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS },
  };
}

// Everything a command may touch outside its arguments, passed in so that
// tests control time, terminals and streams without globals.

import type { LookupFunction } from "node:net";
import { Chalk, type ChalkInstance } from "chalk";
import { parseFaults, parseTimeoutMs, type Hooks } from "../archive/write/hooks.js";
import type { Prompter } from "./prompts.js";

export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface InStream extends NodeJS.ReadableStream {
  isTTY?: boolean;
}

export interface Context {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: OutStream;
  stderr: OutStream;
  stdin: InStream;
  now: () => Date;
  /** Test hooks for the write path: NEWSCTL_FAULT and NEWSCTL_LOCK_TIMEOUT_MS, read once here. */
  hooks: Hooks;
  /** Set by tests; otherwise prompts run on stdin/stdout (see prompterFor). */
  prompter?: Prompter;
  /** Set by tests of validate --online: host names, timers and chance under control. */
  net?: NetHooks;
}

export interface NetHooks {
  lookup?: LookupFunction;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Between two request starts to one host (default 250 ms). */
  intervalMs?: number;
}

/** NEWSCTL_NOW (an ISO time) fixes the clock: for tests and reproducible runs. */
function clockFrom(env: Record<string, string | undefined>): () => Date {
  const fixed = env["NEWSCTL_NOW"];
  if (fixed && !Number.isNaN(Date.parse(fixed))) return () => new Date(fixed);
  return () => new Date();
}

export function createContext(overrides: Partial<Context> = {}): Context {
  const env = overrides.env ?? process.env;
  return {
    cwd: process.cwd(),
    env,
    now: clockFrom(env),
    hooks: { faults: parseFaults(env["NEWSCTL_FAULT"]), lockTimeoutMs: parseTimeoutMs(env["NEWSCTL_LOCK_TIMEOUT_MS"]) },
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    ...overrides,
  };
}

/** Colour only on a terminal, never with NO_COLOR (chalk 5 ignores it by itself). */
export function colorsFor(ctx: Context, stream: OutStream): ChalkInstance {
  const { NO_COLOR, FORCE_COLOR } = ctx.env;
  let level: 0 | 1 | 2 | 3 = stream.isTTY ? 1 : 0;
  if (FORCE_COLOR !== undefined && FORCE_COLOR !== "0" && FORCE_COLOR !== "false") level = 1;
  if (NO_COLOR !== undefined && NO_COLOR !== "") level = 0;
  return new Chalk({ level });
}

/** Both ends are terminals: prompts may be shown. */
export function isInteractive(ctx: Context): boolean {
  return Boolean(ctx.stdin.isTTY && ctx.stdout.isTTY);
}

export async function prompterFor(ctx: Context): Promise<Prompter> {
  if (ctx.prompter) return ctx.prompter;
  const { terminalPrompter } = await import("./prompts.js");
  return terminalPrompter(ctx);
}

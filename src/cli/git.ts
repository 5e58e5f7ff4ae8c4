// The one way newsctl runs git: its command line, no library. Optional
// locks are off (no index refresh as a side effect where git honours it)
// and an fsmonitor hook from the repository's config is never run.

import { spawn, spawnSync } from "node:child_process";
import { UsageError } from "../errors.js";
import type { Context } from "./context.js";

export interface GitResult {
  status: number;
  stdout: Buffer;
  /** git's first line on stderr ("fatal: …"), or "". */
  message: string;
}

export function runGit(ctx: Context, cwd: string, args: string[]): GitResult {
  const r = spawnSync("git", gitArgs(args), { cwd, env: gitEnv(ctx), stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 30 });
  if (r.error) throw spawnError(r.error);
  return { status: r.status ?? 128, stdout: r.stdout ?? Buffer.alloc(0), message: firstLine(r.stderr) };
}

/** The same, without waiting: git works while this thread reads the archive. */
export function runGitAsync(ctx: Context, cwd: string, args: string[]): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", gitArgs(args), { cwd, env: gitEnv(ctx), stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", (error) => reject(spawnError(error)));
    child.on("close", (status) => resolve({ status: status ?? 128, stdout: Buffer.concat(out), message: firstLine(Buffer.concat(err)) }));
  });
}

function gitArgs(args: string[]): string[] {
  return ["-c", "core.fsmonitor=false", ...args];
}

function gitEnv(ctx: Context): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(ctx.env)) if (value !== undefined) env[key] = value;
  env["GIT_OPTIONAL_LOCKS"] = "0";
  return env;
}

function spawnError(error: Error): UsageError {
  if ((error as NodeJS.ErrnoException).code === "ENOENT") return new UsageError("git is not installed (or not on PATH)");
  return new UsageError(`could not run git: ${error.message}`);
}

function firstLine(stderr: Buffer | null | undefined): string {
  const text = stderr?.toString("utf8") ?? "";
  return (text.split(/\r?\n/).find((l) => l.trim() !== "") ?? "").trim();
}

/** NUL-separated output (`-z`) as strings, without the empty tail. */
export function splitNul(out: Buffer): string[] {
  return out
    .toString("utf8")
    .split("\0")
    .filter((s) => s !== "");
}

/** The work tree's top folder, or a one-line error naming `dir` (outside a repository, dubious ownership, …). */
export function gitTopLevel(ctx: Context, dir: string, what: string): string {
  const r = runGit(ctx, dir, ["rev-parse", "--show-toplevel"]);
  if (r.status === 0) {
    const top = r.stdout.toString("utf8").replace(/\r?\n$/, "");
    if (top !== "") return top;
  }
  if (r.status !== 0 && /not a git repository/i.test(r.message)) throw new UsageError(`${dir} is not inside a git repository (${what} needs one)`);
  throw new UsageError(`${what}: git cannot work in ${dir}${r.message ? `: ${r.message}` : ""}`);
}

// The one way newsctl runs git: its command line, no library. Git only
// reads here: optional locks are off (so `git diff` never rewrites the
// index) and an fsmonitor hook from the repository's config is never run.

import { spawnSync } from "node:child_process";
import { UsageError } from "../errors.js";
import type { Context } from "./context.js";

export interface GitResult {
  status: number;
  stdout: Buffer;
  /** git's first line on stderr ("fatal: …"), or "". */
  message: string;
}

export function runGit(ctx: Context, cwd: string, args: string[]): GitResult {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(ctx.env)) if (value !== undefined) env[key] = value;
  env["GIT_OPTIONAL_LOCKS"] = "0";
  const r = spawnSync("git", ["-c", "core.fsmonitor=false", ...args], {
    cwd,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 1 << 30,
  });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UsageError("git is not installed (or not on PATH)");
    throw new UsageError(`could not run git: ${r.error.message}`);
  }
  const message = (r.stderr?.toString("utf8") ?? "").split(/\r?\n/).find((l) => l.trim() !== "") ?? "";
  return { status: r.status ?? 128, stdout: r.stdout ?? Buffer.alloc(0), message: message.trim() };
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
  if (r.status !== 0 && /not a git repository/i.test(r.message)) throw new UsageError(`${what} needs a git repository: ${dir} is not inside one`);
  throw new UsageError(`${what}: git cannot work in ${dir}${r.message ? `: ${r.message}` : ""}`);
}

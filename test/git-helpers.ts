// Real git repositories for tests: a fixed identity and clock, no global or
// system config, so a developer's settings never change what a test sees.

import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";

export const GIT_ENV: Record<string, string> = {
  GIT_AUTHOR_NAME: "Test",
  GIT_AUTHOR_EMAIL: "test@example.org",
  GIT_COMMITTER_NAME: "Test",
  GIT_COMMITTER_EMAIL: "test@example.org",
  GIT_AUTHOR_DATE: "2024-01-01T00:00:00Z",
  GIT_COMMITTER_DATE: "2024-01-01T00:00:00Z",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  // A temp folder is never inside a repository, but make sure git never looks above it.
  GIT_CEILING_DIRECTORIES: tmpdir(),
};

/** Run git in `cwd`; throws with git's message when it fails (unless `allowFail`). */
export function git(cwd: string, args: string[], options: { allowFail?: boolean; env?: Record<string, string> } = {}): { status: number; stdout: string; stderr: string } {
  const r = spawnSync("git", args, { cwd, env: { ...process.env, ...GIT_ENV, ...options.env }, encoding: "utf8", maxBuffer: 1 << 28 });
  const out = { status: r.status ?? -1, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
  if (out.status !== 0 && !options.allowFail) throw new Error(`git ${args.join(" ")} failed in ${cwd}: ${out.stderr}`);
  return out;
}

/** `git init` with one commit of everything in `dir`, on branch main. */
export function initRepo(dir: string, message = "base"): void {
  git(dir, ["init", "-q", "-b", "main"]);
  commitAll(dir, message);
}

export function commitAll(dir: string, message: string): void {
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "--allow-empty", "-m", message]);
}

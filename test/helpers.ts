// Shared test plumbing: real temp archives, the real binary as a child
// process, and main() in-process with captured streams.

import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { onTestFinished } from "vitest";
import { main } from "../src/main.js";
import type { Context } from "../src/cli/context.js";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const BIN = join(REPO, "bin", "newsctl.js");
export const FIXTURES = join(REPO, "fixtures");
export const FIXTURE_ARCHIVE = join(FIXTURES, "archive");
export const SEED_PATH = "news/2013/01/21/french-and-malian-troops-retake-diabaly-and-douentza-as-islamist-forces-retreat.md";

/** A fresh temp folder, removed when the test ends. */
export function tempDir(prefix = "newsctl-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A temp archive: a copy of a fixture folder (default: fixtures/archive), plus extra files. */
export function tempArchive(options: { from?: string | null; files?: Record<string, string | Buffer> } = {}): string {
  const root = tempDir();
  const from = options.from === undefined ? FIXTURE_ARCHIVE : options.from;
  if (from) cpSync(from, root, { recursive: true });
  mkdirSync(join(root, "news"), { recursive: true });
  for (const [path, content] of Object.entries(options.files ?? {})) writeFile(root, path, content);
  return root;
}

export function writeFile(root: string, path: string, content: string | Buffer): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

export function readText(root: string, path: string): string {
  return readFileSync(join(root, path), "utf8");
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Run the real binary. NO_COLOR is set unless the caller's env says otherwise.
 * `user` runs it as another user (see unprivilegedUser), to meet permissions root ignores.
 */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined>; input?: string; timeoutMs?: number; user?: { uid: number; gid: number } } = {},
): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1", ...options.env };
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? REPO,
      env: env as NodeJS.ProcessEnv,
      stdio: ["pipe", "pipe", "pipe"],
      ...options.user,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 30_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr });
    });
    child.stdin.end(options.input ?? "");
  });
}

export const IS_ROOT = process.getuid?.() === 0;

/**
 * The user for runCli's `user` option when a test needs permissions to
 * apply: as root (as CI runs) an unprivileged user ("nobody"), who must be
 * able to read the checkout; otherwise the current user, already bound by them.
 */
export function unprivilegedUser(): { uid: number; gid: number } | undefined {
  if (!IS_ROOT) return undefined;
  for (let dir = REPO; ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o005) !== 0o005) {
      throw new Error(`${dir} is not readable by other users: tests that drop root's privileges need a checkout every user can read`);
    }
    if (dirname(dir) === dir) break;
  }
  return { uid: 65534, gid: 65534 };
}

export class Capture {
  text = "";
  isTTY: boolean;
  columns = 100;
  constructor(isTTY = false) {
    this.isTTY = isTTY;
  }
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

/** Run main() in-process with captured output; stdin is not a terminal. */
export async function runMain(args: string[], overrides: Partial<Context> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const { Readable } = await import("node:stream");
  const code = await main(args, { stdout, stderr, stdin: Readable.from([]) as never, env: { NO_COLOR: "1" }, ...overrides });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Every file under root (but .newsctl/) with its sha256, for "untouched means untouched" checks. */
export function hashTree(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (path === ".newsctl") continue;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.set(path, createHash("sha256").update(readFileSync(join(root, path))).digest("hex"));
    }
  };
  walk("");
  return out;
}

/** The paths whose bytes differ between two hashTree() snapshots (added, removed or changed). */
export function changedPaths(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((p) => before.get(p) !== after.get(p)).sort();
}

export function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;]*m/g, "");
}

// Plumbing for the crash-safety test: a generated archive on disk, a run of
// the real binary SIGKILLed at a chosen moment, and the checks that every
// touched file is entirely old or entirely new.

import { spawn } from "node:child_process";
import { readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BIN, changedPaths, hashTree } from "./helpers.js";

export interface GeneratedEvent {
  n: number;
  date: string;
  dir: string;
  contexts: string[];
  versions: { title: string; path: string }[];
  related: { other: GeneratedEvent; shared: string[] }[];
}

/** A temp file or saved copy of a change, beside its target. */
export const TEMP_FILE = /(^|\/)\.newsctl-[^/]+\.(tmp|undo)$/;

export interface KillResult {
  /** true when the process died of SIGKILL (by us or by an injected kill point), false when it finished first. */
  killed: boolean;
  code: number | null;
  stderr: string;
}

/**
 * Run the real binary and SIGKILL it after delayMs (null: let it run, or let
 * an injected NEWSCTL_FAULT=kill:… point kill it).
 */
export function runAndKill(args: string[], env: Record<string, string>, delayMs: number | null): Promise<KillResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, NO_COLOR: "1", ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = delayMs === null ? null : setTimeout(() => child.kill("SIGKILL"), delayMs);
    // A hang is a failure too: nothing here runs for more than a few seconds.
    const guard = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (timer) clearTimeout(timer);
      clearTimeout(guard);
      resolvePromise({ killed: signal === "SIGKILL", code, stderr });
    });
  });
}

/** Put the given files back as a snapshot has them, and remove any temp a killed run left. */
export function restoreFiles(root: string, snapshot: Map<string, Buffer | null>, litter: string[]): void {
  for (const [path, bytes] of snapshot) {
    if (bytes === null) rmSync(join(root, path), { force: true });
    else writeFileSync(join(root, path), bytes);
  }
  for (const path of litter) rmSync(join(root, path), { force: true });
}

export type FileState = "old" | "new" | "other";

/**
 * For each path that differs from `old`: whether it now matches its old or
 * its new version. Temp files of the transaction are returned apart.
 */
export function classifyTree(root: string, old: Map<string, string>, expected: Map<string, string>): { states: Map<string, FileState>; temps: string[] } {
  const now = hashTree(root);
  const states = new Map<string, FileState>();
  const temps: string[] = [];
  for (const path of changedPaths(old, now)) {
    if (TEMP_FILE.test(path) && !old.has(path)) temps.push(path);
    else states.set(path, now.get(path) === expected.get(path) ? "new" : "other");
  }
  // Touched files still equal to their old bytes are not in changedPaths: mark them old.
  for (const path of changedPaths(old, expected)) if (!states.has(path)) states.set(path, "old");
  return { states, temps };
}

/**
 * Journals left in .newsctl/: none once a run has recovered. (A lock a killed
 * run left may stay until the next writer breaks it; see concurrency.test.ts.)
 */
export function journalsLeft(root: string): string[] {
  try {
    return readdirSync(join(root, ".newsctl")).filter((n) => n.startsWith("journal"));
  } catch {
    return [];
  }
}

/** The current version of an event with between min and max current versions of other events relating to it. */
export function pickLinkedEvent(events: GeneratedEvent[], min: number, max: number): GeneratedEvent {
  const inbound = new Map<number, number>();
  for (const e of events) for (const r of e.related) inbound.set(r.other.n, (inbound.get(r.other.n) ?? 0) + 1);
  const found = events.find((e) => e.versions.length >= 2 && (inbound.get(e.n) ?? 0) >= min && (inbound.get(e.n) ?? 0) <= max);
  if (!found) throw new Error("no event fits: change the generator's seed");
  return found;
}

export const currentPath = (e: GeneratedEvent): string => e.versions[e.versions.length - 1]!.path;

/**
 * Defects that `validate --fix` repairs, injected into a generated archive:
 * a stale Related title in `count` current versions, and one current version
 * dropped from its day page.
 */
export function injectFixable(files: Map<string, string>, events: GeneratedEvent[], count: number): Map<string, string> {
  const out = new Map(files);
  const withRelated = events.filter((e) => e.related.length > 0);
  for (const e of withRelated.slice(0, count)) {
    const path = currentPath(e);
    const [head, tail] = out.get(path)!.split("### Related:");
    out.set(path, `${head}### Related:${tail!.replace(/\n1\. \[/, "\n1. [Earlier: ")}`);
  }
  const dropped = withRelated[count]!;
  const page = `${dropped.dir}/index.md`;
  out.set(page, out.get(page)!.split("\n").filter((line) => !line.includes(`(/${currentPath(dropped)})`)).join("\n"));
  return out;
}

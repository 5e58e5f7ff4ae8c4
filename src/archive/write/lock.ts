// One writer at a time: a lock file made with O_EXCL. A lock whose process
// is gone (killed mid-run) is broken, under a second short-lived lock so two
// waiters never both break it.

import { lstatSync, openSync, readFileSync, rmSync, statSync, writeFileSync, closeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { describeOsError, FailureError, UsageError } from "../../errors.js";
import { DEFAULT_LOCK_TIMEOUT_MS } from "./hooks.js";
import { STATE_DIR, stateDir } from "./state-dir.js";

interface LockInfo {
  pid: number;
  host: string;
  started: number;
}

export interface LockOptions {
  /** How long to wait for a live lock (the context's hooks carry NEWSCTL_LOCK_TIMEOUT_MS). */
  lockTimeoutMs?: number;
}

/** Whether the state folder is there already: then taking the lock creates nothing new. */
export function hasStateDir(root: string): boolean {
  try {
    return lstatSync(join(root, STATE_DIR)).isDirectory();
  } catch {
    return false;
  }
}

function tryCreate(path: string): boolean {
  try {
    const fd = openSync(path, "wx");
    const info: LockInfo = { pid: process.pid, host: hostname(), started: Date.now() };
    writeFileSync(fd, JSON.stringify(info));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw new FailureError(`cannot take the archive lock: ${describeOsError(error)}`);
  }
}

function readInfo(path: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as LockInfo;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isStale(path: string): boolean {
  const info = readInfo(path);
  if (!info) {
    // Unreadable or half-written: stale once it is older than a writer needs to fill it.
    try {
      return Date.now() - statSync(path).mtimeMs > 5_000;
    } catch {
      return false;
    }
  }
  if (info.host === hostname()) return !isAlive(info.pid);
  return Date.now() - info.started > 60 * 60 * 1000;
}

function breakIfStale(lockPath: string): void {
  const breaker = lockPath + ".break";
  if (!tryCreate(breaker)) {
    try {
      if (Date.now() - statSync(breaker).mtimeMs > 10_000) rmSync(breaker, { force: true });
    } catch {
      /* gone already */
    }
    return;
  }
  try {
    if (isStale(lockPath)) rmSync(lockPath, { force: true });
  } finally {
    rmSync(breaker, { force: true });
  }
}

/** A folder or a link where the lock file goes never came from newsctl, and cannot be broken as a lock. */
function refuseStrangeLock(lockPath: string): void {
  const st = lstatSync(lockPath, { throwIfNoEntry: false });
  if (st && !st.isFile()) {
    throw new UsageError(`${lockPath} is not a lock file newsctl made (${st.isSymbolicLink() ? "a symbolic link" : st.isDirectory() ? "a folder" : "not a regular file"}); remove it if no newsctl is running; nothing was written`);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function acquireLock(root: string, options: LockOptions = {}): Promise<() => void> {
  const lockPath = join(stateDir(root), "lock");
  const timeoutMs = options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    if (tryCreate(lockPath)) {
      return () => rmSync(lockPath, { force: true });
    }
    refuseStrangeLock(lockPath);
    breakIfStale(lockPath);
    if (Date.now() > deadline) {
      const holder = readInfo(lockPath);
      throw new FailureError(
        `the archive is locked by another newsctl${holder ? ` (pid ${holder.pid} on ${holder.host})` : ""}: ${lockPath}; try again, or remove the file if no newsctl is running`,
      );
    }
    await sleep(Math.min(200, 10 + attempt * 10) + Math.random() * 20);
  }
}

export async function withLock<T>(root: string, fn: () => Promise<T> | T, options?: LockOptions): Promise<T> {
  const release = await acquireLock(root, options);
  try {
    return await fn();
  } finally {
    release();
  }
}

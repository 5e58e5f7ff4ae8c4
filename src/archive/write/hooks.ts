// Test hooks for the write path: failures and crashes injected at named
// points, and how long a writer waits for the lock. The CLI reads them once
// from the environment (NEWSCTL_FAULT, NEWSCTL_LOCK_TIMEOUT_MS) into its
// context; the archive code only ever sees this object.

export interface Hooks {
  /**
   * Points where a fault is injected. `rename:N` fails the Nth rename (1-based)
   * as a full disk would, `journal:N` the Nth journal write; `kill:<point>`
   * SIGKILLs the process there, as a crash would: kill:commit (before the
   * commit mark), kill:rename:N, kill:saved (old bytes saved for putting back,
   * the journal not yet turned to "undo"), kill:undo:N (the Nth file put back).
   */
  faults: readonly string[];
  /** How long a writer waits for the archive lock before giving up. */
  lockTimeoutMs: number;
}

export const DEFAULT_LOCK_TIMEOUT_MS = 30_000;

export const NO_HOOKS: Hooks = { faults: [], lockTimeoutMs: DEFAULT_LOCK_TIMEOUT_MS };

/** NEWSCTL_FAULT is a comma-separated list of points: `rename:3,kill:undo:1`. */
export function parseFaults(text: string | undefined): string[] {
  return (text ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "");
}

/** A positive whole number of milliseconds, else the default. */
export function parseTimeoutMs(text: string | undefined): number {
  const n = Number(text);
  return text !== undefined && text.trim() !== "" && Number.isFinite(n) && n >= 0 ? n : DEFAULT_LOCK_TIMEOUT_MS;
}

/** Throws as the OS would (`code`), or dies, when a hook names this point. */
export function injectFault(hooks: Hooks, point: string, code = "EIO"): void {
  if (hooks.faults.includes(point)) throw Object.assign(new Error(`injected fault at ${point}`), { code });
  if (hooks.faults.includes(`kill:${point}`)) process.kill(process.pid, "SIGKILL");
}

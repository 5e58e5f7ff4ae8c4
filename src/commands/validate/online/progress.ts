// The progress line while URLs are asked: done / total, failures so far,
// the host asked last. Drawn at most a few times a second, through
// validate's progress line (which stays silent off a terminal and in CI).

import type { Progress } from "../../../cli/progress.js";
import type { CheckProgress } from "./checker.js";

const EVERY_MS = 100;

export interface UrlProgress {
  request(host: string): void;
  verdict(p: CheckProgress): void;
}

export function urlProgress(progress: Progress, total: number, cached: number, width = 80): UrlProgress {
  let host = "";
  let state: CheckProgress = { done: 0, total, failures: 0 };
  let drawn = 0;
  const draw = (force: boolean) => {
    const now = Date.now();
    if (!force && now - drawn < EVERY_MS) return;
    drawn = now;
    const failing = state.failures > 0 ? `, ${state.failures} failing` : "";
    const fromCache = cached > 0 ? ` (${cached} more from the cache)` : "";
    const line = `newsctl: checked ${state.done}/${state.total} URLs${fromCache}${failing}${host ? `; asking ${host}` : ""}`;
    // A line wider than the terminal wraps, and the next redraw could not clear it.
    progress.show(line.length < width ? line : line.slice(0, Math.max(10, width - 2)) + "…");
  };
  return {
    request(h) {
      host = h;
      draw(false);
    },
    verdict(p) {
      state = { ...p };
      draw(p.done === p.total);
    },
  };
}

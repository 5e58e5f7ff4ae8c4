// Running validate --online in-process against the test server: every
// *.test name resolves to 127.0.0.1, time is virtual, chance is fixed.

import type { Context } from "../src/cli/context.js";
import { runMain } from "./helpers.js";
import { testLookup, virtualClock } from "./online-server.js";

export interface Problem {
  file: string;
  line: number;
  column: number;
  severity: string;
  rule: string;
  message: string;
  suggestion?: string;
}

export type Clock = ReturnType<typeof virtualClock>;

export async function runOnline(root: string, args: string[], options: { clock?: Clock; env?: Record<string, string>; overrides?: Partial<Context> } = {}) {
  const clock = options.clock ?? virtualClock();
  const result = await runMain(["validate", "--online", "--format", "json", "--archive", root, ...args], {
    env: { NO_COLOR: "1", ...options.env },
    now: () => new Date(clock.now()),
    net: { lookup: testLookup, now: clock.now, sleep: clock.sleep, random: () => 0.5 },
    ...options.overrides,
  });
  const report = result.stdout.startsWith("{") ? (JSON.parse(result.stdout) as { summary: Record<string, number>; problems: Problem[] }) : null;
  return { ...result, report, clock };
}

/** Problems by the URL path their event cites (events are event-N, citing lists[N-1]). */
export function byEvent(problems: Problem[]): Map<number, Problem[]> {
  const map = new Map<number, Problem[]>();
  for (const p of problems) {
    const n = Number(/event-(\d+)\.md$/.exec(p.file)?.[1] ?? 0);
    map.set(n, [...(map.get(n) ?? []), p]);
  }
  return map;
}

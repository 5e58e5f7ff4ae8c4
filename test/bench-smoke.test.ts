// The benchmark must keep working: npm test runs it once on a tiny archive
// (generated with injected defects into a temp folder) and checks its table
// and its defect check. Nothing is timed here: only that every measure ran.

import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, tempDir } from "./helpers.js";

const MEASURES = [
  "floor (list + readFileSync)",
  "validate (cold: cache emptied)",
  "validate --no-cache (workers, no cache)",
  "validate (warm cache)",
  "list --date",
  "list --tag Mali (cold: cache emptied)",
  "list --tag Mali (warm cache)",
  "validate --changed-since (one file edited)",
  "validate (warm cache, the same file edited)",
];

describe("npm run bench", () => {
  it("generates an archive with defects, runs every measure, finds every defect and prints both tables", () => {
    const dir = tempDir("newsctl-bench-");
    const r = spawnSync(process.execPath, [join(REPO, "bench", "run.js"), "--sizes", "300", "--defects", "6", "--dir", dir], {
      cwd: REPO,
      encoding: "utf8",
      timeout: 240_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const rows = r.stdout.split("\n").filter((l) => l.startsWith("| 300 |"));
    expect(rows).toHaveLength(MEASURES.length + 1);
    MEASURES.forEach((measure, i) => {
      const cells = rows[i]!.split("|").map((c) => c.trim());
      expect(cells[3]!.startsWith(measure), rows[i]).toBe(true);
      // wall s, x floor and peak RSS are numbers: the command ran and exited 0 or 1.
      for (const cell of cells.slice(4, 7)) expect(cell, rows[i]).toMatch(/^\d+(\.\d+)?$/);
    });
    const split = rows[MEASURES.length]!.split("|").map((c) => c.trim()).slice(2, -1);
    expect(split).toHaveLength(12);
    for (const cell of split) expect(cell).toMatch(/^\d+(\.\d+)?$/);
    expect(r.stdout).toContain('300 events, defects check: {"status":"ok: every injected defect found, nothing else","injected":6,"reported":6');
    const latest = JSON.parse(readFileSync(join(dir, "results", "latest.json"), "utf8"));
    expect(latest.results[0].events).toBe(300);
    expect(existsSync(join(dir, "archives", "events-300-seed-1-defects-6", "defects.json"))).toBe(true);
  });
});

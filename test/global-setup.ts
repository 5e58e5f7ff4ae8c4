// Builds dist/ once before any test runs. Tests that spawn bin/newsctl.js,
// and those that read on worker threads (a worker must be compiled
// JavaScript, so src/ under the test runner falls back to dist/), run the
// compiled code: without this, `npx vitest` alone would test a stale build.

import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..");

export default function buildOnce(): void {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", join(REPO, "tsconfig.json")], { cwd: REPO, stdio: "inherit" });
}

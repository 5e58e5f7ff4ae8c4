// `list --date` reads one folder: it must load only what that needs, never
// the whole-archive machinery (worker pool, index, caches) nor the writing
// side (lock, transactions), nor gray-matter for a day without front matter.

import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain JS module
import { generateArchive, writeArchive } from "../bench/generate.mjs";
import { BIN, REPO, tempDir } from "./helpers.js";

function modulesLoaded(args: string[]): string[] {
  const log = join(tempDir(), "modules.log");
  const r = spawnSync(process.execPath, ["--import", join(REPO, "test", "support", "log-modules.mjs"), BIN, ...args], {
    env: { ...process.env, NEWSCTL_TEST_MODULE_LOG: log, NO_COLOR: "1" },
    encoding: "utf8",
  });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(log, "utf8").trim().split("\n");
}

describe("list --date", () => {
  it("loads no worker pool, index, cache, lock or transaction module, and no gray-matter for newsctl's own front matter", () => {
    const root = tempDir();
    const { files } = generateArchive({ events: 300, seed: 2 }) as { files: Map<string, string> };
    writeArchive(root, files);
    // An archive newsctl has worked on: .newsctl/ is there (with no journal in it).
    mkdirSync(join(root, ".newsctl", "cache"), { recursive: true });
    // A day with an event whose front matter newsctl wrote (contexts: [...]): read without gray-matter too.
    const day = [...files.keys()].find((p) => !p.endsWith("/index.md") && files.get(p)!.startsWith("---\ncontexts:"))!;
    const [, y, m, d] = /^news\/(\d{4})\/(\d{2})\/(\d{1,2})\//.exec(day)!;
    const loaded = modulesLoaded(["list", "--date", `${y}-${m}-${d!.padStart(2, "0")}`, "--archive", root]);
    expect(loaded.some((url) => url.endsWith("/dist/archive/read/read-files.js"))).toBe(true);
    const forbidden = loaded.filter((url) => /\/(lock|transaction|pool|cache|parse-cache|result-cache|cache-file|index-pool|index-worker|read-index|read|read-archive|scan|scan-task|record|pack)\.js$|\/archive\/index\/|gray-matter|js-yaml/.test(url));
    expect(forbidden).toEqual([]);
  });
});

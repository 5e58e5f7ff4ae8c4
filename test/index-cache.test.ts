// The index cache (.newsctl/cache/index/<month>.bin) can only make reading
// faster, never different: a changed, added or removed file is seen, a
// corrupt or foreign shard is ignored and written again, a file changed in
// the last second is never cached, and the archive's key changes with any
// of them.

import { existsSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain JS module
import { generateArchive, writeArchive } from "../bench/generate.mjs";
import { readArchivePlain } from "../src/archive/read/read-archive.js";
import { readIndex } from "../src/archive/read/read-index.js";
import { checkArchive, countEvents } from "../src/commands/validate/check.js";
import { checkArchiveIndex } from "../src/commands/validate/check-index.js";
import { countProblems } from "../src/commands/validate/diagnostics.js";
import { formatJson } from "../src/commands/validate/format/json.js";
import { judge } from "../src/commands/validate/verdict.js";
import type { Counts, Diagnostic } from "../src/commands/validate/diagnostics.js";

/** What validate --format json prints, verdict included. */
const jsonOf = (problems: Diagnostic[], counts: Counts) => formatJson(problems, counts, judge(counts));
import { tempDir, writeFile } from "./helpers.js";

const HOUR_AGO = Date.now() / 1000 - 3600;
const SHARDS = [".newsctl", "cache", "index"];

function agedArchive(): string {
  const root = tempDir();
  const { files } = generateArchive({ events: 200, seed: 17 }) as { files: Map<string, string> };
  writeArchive(root, files);
  for (const path of files.keys()) utimesSync(join(root, path), HOUR_AGO, HOUR_AGO);
  return root;
}

function reference(root: string): string {
  const archive = readArchivePlain(root);
  const problems = checkArchive(archive, null);
  return jsonOf(problems, countProblems(problems, archive.files.size, countEvents(archive, null)));
}

function viaIndex(root: string, workers: number): { json: string; key: string } {
  const read = readIndex(root, { workers, cache: true });
  const { problems, files, events } = checkArchiveIndex(read.index!, null);
  return { json: jsonOf(problems, countProblems(problems, files, events)), key: read.key };
}

describe("the index cache", () => {
  it("is used only where nothing changed: edits, additions, removals and links are seen", () => {
    const root = agedArchive();
    const cold = viaIndex(root, 1);
    expect(cold.json).toBe(reference(root));
    const shards = readdirSync(join(root, ...SHARDS));
    expect(shards.length).toBeGreaterThan(24);
    const warm = viaIndex(root, 1);
    expect(warm).toEqual(cold);

    const events = readArchivePlain(root).events;
    const edited = events[5]!.current.path;
    const text = readFileSync(join(root, edited), "utf8");
    // Same size, other bytes, a later (not recent) mtime.
    writeFileSync(join(root, edited), text.replace(/^# (.)/m, (_m, c: string) => `# ${c === "X" ? "Y" : "X"}`));
    utimesSync(join(root, edited), HOUR_AGO + 60, HOUR_AGO + 60);
    rmSync(join(root, events[9]!.current.path));
    writeFile(root, "news/2001/02/3/added.md", "# Added, with no day page\n");
    utimesSync(join(root, "news/2001/02/3/added.md"), HOUR_AGO, HOUR_AGO);
    symlinkSync(join(root, edited), join(root, "news/2001/02/3/link.md"));
    for (const workers of [0, 1]) {
      const after = viaIndex(root, workers);
      expect(after.json).toBe(reference(root));
      expect(after.key).not.toBe(cold.key);
    }
  });

  it("ignores a corrupt, truncated or foreign shard and writes it again", () => {
    const root = agedArchive();
    const cold = viaIndex(root, 0);
    const dir = join(root, ...SHARDS);
    const [a, b, c, d] = readdirSync(dir);
    const good = readFileSync(join(dir, a!));
    const goodD = readFileSync(join(dir, d!));
    writeFileSync(join(dir, a!), Buffer.concat([good.subarray(0, 12), Buffer.from("garbage"), good.subarray(19)]));
    writeFileSync(join(dir, b!), good.subarray(0, 20));
    // Another month's shard in this one's place.
    writeFileSync(join(dir, c!), good);
    // A body that no longer matches its (intact) header.
    writeFileSync(join(dir, d!), Buffer.concat([goodD.subarray(0, goodD.length - 3), Buffer.from("zzz")]));
    for (const workers of [0, 1]) expect(viaIndex(root, workers)).toEqual(cold);
    expect(readFileSync(join(dir, a!))).toEqual(good);
    expect(readFileSync(join(dir, d!))).toEqual(goodD);
  });

  it("never caches a file changed in the last second, and a run that saw one is not reused", () => {
    const root = agedArchive();
    const path = readArchivePlain(root).events[3]!.current.path;
    const now = Date.now() / 1000;
    utimesSync(join(root, path), now, now);
    const first = readIndex(root, { workers: 0, cache: true });
    expect(first.recent).toBe(true);
    const month = path.split("/").slice(0, 3).join("/");
    expect(existsSync(join(root, ...SHARDS, `${encodeURIComponent(month)}.bin`))).toBe(false);
    // Changed again within the same second: the new bytes are read.
    writeFileSync(join(root, path), readFileSync(join(root, path), "utf8").replace(/^# .*$/m, "# Changed within the second"));
    utimesSync(join(root, path), now, now);
    expect(viaIndex(root, 0).json).toBe(reference(root));
  });
});

// The index cache lives in .newsctl/cache/, a folder in the repository: a
// pull request can put anything there. Nothing it holds may lead a read or a
// write out of the archive, or hang one (a FIFO, a device).

import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, symlinkSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain JS module
import { generateArchive, writeArchive } from "../bench/generate.mjs";
import { runCli, tempDir } from "./helpers.js";

/** An archive large enough to be cached (24 month folders or more), its files an hour old. */
function cachedArchive(): string {
  const root = tempDir();
  const { files } = generateArchive({ events: 150, seed: 11 }) as { files: Map<string, string> };
  writeArchive(root, files);
  const past = new Date(Date.now() - 3_600_000);
  for (const path of files.keys()) utimesSync(join(root, path), past, past);
  return root;
}

async function validateJson(root: string) {
  const r = await runCli(["validate", "--format", "json", "--archive", root], { timeoutMs: 60_000 });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { summary: { errors: number; files: number } };
}

describe("the index cache on a hostile .newsctl/", () => {
  it("never writes through a linked cache or index folder", async () => {
    for (const linked of ["cache", "cache/index"]) {
      const root = cachedArchive();
      const outside = tempDir("newsctl-outside-");
      mkdirSync(join(root, ".newsctl", "cache"), { recursive: true });
      if (linked === "cache") rmSync(join(root, ".newsctl", "cache"), { recursive: true });
      symlinkSync(outside, join(root, ".newsctl", linked));
      const report = await validateJson(root);
      expect(report.summary.errors).toBe(0);
      await validateJson(root);
      expect(readdirSync(outside), linked).toEqual([]);
    }
  });

  it("never follows a shard that is a link, nor waits on one that is a FIFO", async () => {
    const root = cachedArchive();
    const truth = await validateJson(root);
    const index = join(root, ".newsctl", "cache", "index");
    const shards = readdirSync(index);
    expect(shards.length).toBeGreaterThan(20);
    const fifo = join(tempDir("newsctl-outside-"), "fifo");
    execFileSync("mkfifo", [fifo]);
    // Every shard replaced: half by links to a FIFO and to /dev/zero, half by FIFOs in place.
    shards.forEach((name, i) => {
      rmSync(join(index, name));
      if (i % 3 === 0) symlinkSync(fifo, join(index, name));
      else if (i % 3 === 1) symlinkSync("/dev/zero", join(index, name));
      else execFileSync("mkfifo", [join(index, name)]);
    });
    rmSync(join(root, ".newsctl", "cache", "validate-result.json"), { force: true });
    expect(await validateJson(root)).toEqual(truth);
  });
});

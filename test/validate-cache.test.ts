// The whole-archive result cache must never give a wrong answer.

import { readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain JS module
import { generateArchive, writeArchive } from "../bench/generate.mjs";
import { runCli, tempDir } from "./helpers.js";

const RESULT = ".newsctl/cache/validate-result.json";

function oldArchive(): { root: string; victim: string } {
  const root = tempDir();
  const { files } = generateArchive({ events: 150, seed: 11 });
  writeArchive(root, files);
  // Files written this second are never cached (an edit in the same mtime tick could hide): age them.
  const past = new Date(Date.now() - 3_600_000);
  for (const path of files.keys()) utimesSync(join(root, path), past, past);
  return { root, victim: [...(files as Map<string, string>).keys()].find((p) => !p.endsWith("/index.md"))! };
}

async function problems(root: string, ...extra: string[]) {
  const result = await runCli(["validate", "--format", "json", "--archive", root, ...extra]);
  return JSON.parse(result.stdout) as { summary: { errors: number }; problems: { file: string; rule: string }[] };
}

describe("validate's result cache", () => {
  it("reuses the findings of an unchanged archive and sees every change", async () => {
    const { root, victim } = oldArchive();
    const clean = await problems(root);
    expect(clean.summary.errors).toBe(0);
    const saved = statSync(join(root, RESULT)).mtimeMs;
    expect(await problems(root)).toEqual(clean);
    expect(statSync(join(root, RESULT)).mtimeMs).toBe(saved);

    // A removed file: its inbound links break.
    unlinkSync(join(root, victim));
    const removed = await problems(root);
    expect(removed.problems.some((p) => p.rule === "broken-link" || p.rule === "not-in-index")).toBe(true);
    expect(await problems(root, "--no-cache")).toEqual(removed);

    // An added file that is not an event.
    const addedPath = victim.replace(/[^/]+$/, "added.md");
    writeFileSync(join(root, addedPath), "");
    const added = await problems(root);
    expect(added.problems).toContainEqual(expect.objectContaining({ file: addedPath, rule: "parse-error" }));
  });

  it("ignores a corrupt cache and writes it again", async () => {
    const { root } = oldArchive();
    const first = await problems(root);
    writeFileSync(join(root, RESULT), "{not json");
    expect(await problems(root)).toEqual(first);
    expect(JSON.parse(readFileSync(join(root, RESULT), "utf8")).value.problems).toEqual(first.problems);
    rmSync(join(root, ".newsctl"), { recursive: true });
    expect(await problems(root)).toEqual(first);
  });
});

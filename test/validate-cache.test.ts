// The whole-archive result cache must never give a wrong answer.

import { existsSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain JS module
import { generateArchive, writeArchive } from "../bench/generate.mjs";
import { fingerprintArchive } from "../src/archive/read/result-cache.js";
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

  it("never saves findings while a file was modified within the last second, so a same-tick edit is seen", async () => {
    const { root, victim } = oldArchive();
    const soon = new Date(Date.now() + 3_600_000); // a future mtime counts as recent wherever the clock stands
    expect(fingerprintArchive(root).recent).toBe(false);
    const text = readFileSync(join(root, victim), "utf8");
    const broken = text.replace("/index.md)", "/indey.md)");
    expect(broken.length).toBe(text.length);
    writeFileSync(join(root, victim), broken);
    utimesSync(join(root, victim), soon, soon);
    expect(fingerprintArchive(root).recent).toBe(true);
    const first = await problems(root);
    expect(first.problems).toContainEqual(expect.objectContaining({ file: victim, rule: "broken-link" }));
    expect(existsSync(join(root, RESULT))).toBe(false);
    // Mended within the same tick: same size, same mtime, so the same key.
    writeFileSync(join(root, victim), text);
    utimesSync(join(root, victim), soon, soon);
    expect((await problems(root)).summary.errors).toBe(0);
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

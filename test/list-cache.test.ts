// list --tag's index cache must give exactly what a full read gives, and see every change.

import { existsSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain JS module
import { generateArchive, writeArchive } from "../bench/generate.mjs";
import { runCli, tempDir } from "./helpers.js";

const INDEX = ".newsctl/cache/list-index.json";

function agedArchive(): string {
  const root = tempDir();
  const { files } = generateArchive({ events: 150, seed: 5 });
  writeArchive(root, files);
  const past = new Date(Date.now() - 3_600_000);
  for (const path of (files as Map<string, string>).keys()) utimesSync(join(root, path), past, past);
  return root;
}

async function listTag(root: string, ...args: string[]) {
  const flags = args.flatMap((a) => (a.startsWith("--") ? a.split("=") : ["--tag", a]));
  const result = await runCli(["list", ...flags, "--format", "json", "--archive", root]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { path: string; title: string; date: string; versions: number }[];
}

describe("list --tag on a large archive", () => {
  it("answers from the index exactly as from a full read, and sees edits and removals", async () => {
    const root = agedArchive();
    const cold = await listTag(root, "mali");
    expect(cold.length).toBeGreaterThan(2);
    expect(existsSync(join(root, INDEX))).toBe(true);
    const saved = statSync(join(root, INDEX)).mtimeMs;
    expect(await listTag(root, "MALI")).toEqual(cold);
    expect(statSync(join(root, INDEX)).mtimeMs).toBe(saved);

    // An edited title: the index is stale and must not be used.
    const edited = cold[0]!;
    const text = readFileSync(join(root, edited.path), "utf8");
    writeFileSync(join(root, edited.path), text.replace(/^# .*$/m, "# A changed title"));
    const afterEdit = await listTag(root, "mali");
    expect(afterEdit.find((i) => i.path === edited.path)?.title).toBe("A changed title");

    // A removed file is no longer listed, and nothing breaks.
    unlinkSync(join(root, cold[1]!.path));
    const afterRemove = await listTag(root, "mali");
    expect(afterRemove.map((i) => i.path)).not.toContain(cold[1]!.path);
    expect(await listTag(root, "mali")).toEqual(afterRemove);
  });

  it("answers --from and --to from the index as a full read does", async () => {
    const root = agedArchive();
    const all = await listTag(root, "mali");
    expect(existsSync(join(root, INDEX))).toBe(true);
    const dates = [...new Set(all.map((i) => i.date))].sort();
    const from = dates[Math.floor(dates.length / 4)]!;
    const to = dates[Math.floor((dates.length * 3) / 4)]!;
    const warm = await listTag(root, "mali", `--from=${from}`, `--to=${to}`);
    const expected = all.filter((i) => i.date >= from && i.date <= to);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    expect(warm).toEqual(expected);
    expect(await listTag(root, "mali", `--from=${to}`)).toEqual(all.filter((i) => i.date >= to));
    expect(await listTag(root, "mali", `--to=${from}`)).toEqual(all.filter((i) => i.date <= from));
  });

  it("does not save an index while a file was modified within the last second", async () => {
    const root = agedArchive();
    const edited = (await listTag(root, "mali"))[0]!;
    rmSync(join(root, INDEX));
    // A future mtime counts as recent wherever the clock stands.
    const soon = new Date(Date.now() + 3_600_000);
    utimesSync(join(root, edited.path), soon, soon);
    await listTag(root, "mali");
    expect(existsSync(join(root, INDEX))).toBe(false);
  });

  it("ignores a corrupt index", async () => {
    const root = agedArchive();
    const cold = await listTag(root, "mali");
    writeFileSync(join(root, INDEX), "[[[");
    expect(await listTag(root, "mali")).toEqual(cold);
  });
});

import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildHostileArchive, MARKER } from "./hostile-corpus.js";
import { runCli } from "./helpers.js";

describe("hostile input", () => {
  it("list survives every kind of damage and still lists the healthy events", async () => {
    const root = buildHostileArchive();
    const result = await runCli(["list", "--from", "2021-01-01", "--format", "json", "--archive", root], { timeoutMs: 30_000 });
    expect(result.signal).toBeNull();
    expect(result.code, result.stderr).toBe(0);
    const titles = JSON.parse(result.stdout).map((i: { title: string }) => i.title);
    expect(titles).toContain("Healthy");
    expect(titles).toContain("Spaces and accents in the file name");
    expect(titles).toContain("Huge list");
    expect(titles).not.toContain("JS front matter");
    expect(existsSync(join(root, MARKER))).toBe(false);
  });
});

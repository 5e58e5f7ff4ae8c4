import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildHostileArchive, HOSTILE, MARKER } from "./hostile-corpus.js";
import { IS_ROOT, runCli, unprivilegedUser } from "./helpers.js";

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

describe("validate on hostile input", () => {
  it("reports every damaged file with its line, checks the healthy ones, never runs front matter", async () => {
    const root = buildHostileArchive();
    const result = await runCli(["validate", "--format", "json", "--archive", root], { timeoutMs: 60_000 });
    expect(result.signal).toBeNull();
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const { problems } = JSON.parse(result.stdout) as { problems: { file: string; line: number; rule: string }[] };
    const rulesOf = (file: string) => new Set(problems.filter((p) => p.file === file).map((p) => p.rule));
    for (const key of ["empty", "binary", "invalidUtf8", "js", "javascript", "fmList", "fmString", "unclosed"] as const) {
      expect(rulesOf(HOSTILE[key]), key).toContain("parse-error");
    }
    const DAY = "news/2021/03/4";
    for (const path of [`${DAY}/loop`, `${DAY}/outside.md`, `${DAY}/folder.md`, `${DAY}/fifo.md`]) expect(rulesOf(path), path).toEqual(new Set(["not-a-file"]));
    // Mode 000: root reads it like any file; anyone else gets a finding (see the unprivileged run below).
    if (IS_ROOT) expect(rulesOf(HOSTILE.unreadable)).not.toContain("parse-error");
    else expect(rulesOf(HOSTILE.unreadable)).toEqual(new Set(["parse-error"]));
    expect(rulesOf(HOSTILE.healthy)).toContain("broken-link");
    expect(rulesOf(HOSTILE.encoded)).toContain("outside-archive");
    expect(rulesOf(HOSTILE.hugeLine)).toContain("malformed-item");
    expect(problems.filter((p) => p.file === HOSTILE.hugeList && p.rule === "broken-link")).toHaveLength(100_000);
    expect(problems.every((p) => p.line >= 1)).toBe(true);
    expect(existsSync(join(root, MARKER))).toBe(false);
  });

  it("as an unprivileged user, a file it may not read is a finding (EACCES), and the rest is checked", async () => {
    const root = buildHostileArchive();
    const user = unprivilegedUser();
    const result = await runCli(["validate", HOSTILE.unreadable, HOSTILE.healthy, "--format", "json", "--archive", root], { timeoutMs: 60_000, user });
    expect(result.code, result.stderr).toBe(1);
    const { problems } = JSON.parse(result.stdout) as { problems: { file: string; rule: string; message: string }[] };
    expect(problems.filter((p) => p.file === HOSTILE.unreadable).map((p) => `${p.rule}: ${p.message}`)).toEqual(["parse-error: cannot read the file (EACCES)"]);
    expect(problems.some((p) => p.file === HOSTILE.healthy && p.rule === "broken-link")).toBe(true);
  });

  it("reads hostile input the same on worker threads as on one thread", async () => {
    const { readArchive, readArchivePlain } = await import("../src/archive/read/read-archive.js");
    const root = buildHostileArchive();
    const shape = (a: ReturnType<typeof readArchivePlain>) => [...a.files.values()].map((f) => [f.path, f.kind, f.notes.map((n) => `${n.line}:${n.rule}`).join(",")]);
    expect(shape(readArchive(root, { workers: 1, cache: true }))).toEqual(shape(readArchivePlain(root)));
  });
});

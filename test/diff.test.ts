import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { unifiedDiff } from "../src/cli/diff.js";
import { tempDir } from "./helpers.js";

/** Applies a diff of "x.md" with `git apply` in a temp folder and returns the file's new text. */
function applyWithGit(before: string, diff: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, "x.md"), before);
  writeFileSync(join(dir, "change.patch"), diff);
  execFileSync("git", ["apply", "--unsafe-paths", "change.patch"], { cwd: dir, stdio: "pipe" });
  return readFileSync(join(dir, "x.md"), "utf8");
}

const lines = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i) + "\n").join("");

describe("unifiedDiff", () => {
  it("shows a changed line with context, removals before additions", () => {
    expect(unifiedDiff("x.md", "a\nb\nc\nd\n", "a\nB\nc\nd\n")).toBe("--- a/x.md\n+++ b/x.md\n@@ -1,4 +1,4 @@\n a\n-b\n+B\n c\n d\n");
  });

  it("shows new files and nothing for equal ones", () => {
    expect(unifiedDiff("n.md", null, "x\n")).toBe("--- /dev/null\n+++ b/n.md\n@@ -0,0 +1,1 @@\n+x\n");
    expect(unifiedDiff("n.md", "same\n", "same\n")).toBe("");
  });

  it("gives changes far apart their own hunks", () => {
    const before = lines(40, (i) => `line ${i}`);
    const after = before.replace("line 2\n", "line two\n").replace("line 30\n", "line thirty\n");
    const diff = unifiedDiff("x.md", before, after);
    expect(diff.match(/^@@ .* @@$/gm)).toEqual(["@@ -1,6 +1,6 @@", "@@ -28,7 +28,7 @@"]);
    expect(applyWithGit(before, diff)).toBe(after);
  });

  it("keeps CRLF and a missing final newline, so the diff applies to the real bytes", () => {
    const before = "a\r\nb\r\nc";
    const after = "a\r\nB\r\nc\r\n";
    const diff = unifiedDiff("x.md", before, after);
    expect(diff).toContain("\n-b\r\n");
    expect(diff).toContain("\n+B\r\n");
    expect(diff).toContain("\\ No newline at end of file");
    expect(applyWithGit(before, diff)).toBe(after);
    // A change of line ending only is still a change.
    expect(unifiedDiff("x.md", "a\r\n", "a\n")).toBe("--- a/x.md\n+++ b/x.md\n@@ -1,1 +1,1 @@\n-a\r\n+a\n");
  });

  it("diffs a 50,000-line file with a few changes", () => {
    const before = lines(50_000, (i) => `${i}. [Event number ${i}](/news/2013/01/1/event-${i}.md)`);
    const after = before.replace("[Event number 100]", "[Event 100]").replace("[Event number 40000]", "[Event 40000]");
    const diff = unifiedDiff("x.md", before, after);
    expect(diff.match(/^[-+][^-+].*$/gm)).toHaveLength(4);
    expect(applyWithGit(before, diff)).toBe(after);
  });

  it("past its edit limit, replaces the changed middle in one hunk that still applies", () => {
    const before = lines(6_000, (i) => `line ${i}`);
    // Every other line changed: 3,000 edits each way, over the limit.
    const after = "head\n" + lines(6_000, (i) => (i % 2 ? `line ${i}` : `changed ${i}`)) + "tail";
    const diff = unifiedDiff("x.md", before, after);
    expect(diff.match(/^@@ .* @@$/gm)).toEqual(["@@ -1,6000 +1,6002 @@"]);
    expect(diff.endsWith("+tail\n\\ No newline at end of file\n")).toBe(true);
    expect(applyWithGit(before, diff)).toBe(after);
    // Common ends are left out, but for three lines of context.
    const top = lines(10, (i) => `top ${i}`);
    const bottom = lines(10, (i) => `bottom ${i}`);
    const framed = unifiedDiff("x.md", top + before + bottom, top + after + "\n" + bottom);
    expect(framed.match(/^@@ .* @@$/gm)).toEqual(["@@ -8,6006 +8,6008 @@"]);
    expect(applyWithGit(top + before + bottom, framed)).toBe(top + after + "\n" + bottom);
  });
});

import { describe, expect, it } from "vitest";
import { unifiedDiff } from "../src/cli/diff.js";

describe("unifiedDiff", () => {
  it("shows a changed line with context, removals before additions", () => {
    expect(unifiedDiff("x.md", "a\nb\nc\nd\n", "a\nB\nc\nd\n")).toBe("--- a/x.md\n+++ b/x.md\n@@ -1,4 +1,4 @@\n a\n-b\n+B\n c\n d\n");
  });
  it("shows new files and nothing for equal ones", () => {
    expect(unifiedDiff("n.md", null, "x\n")).toBe("--- /dev/null\n+++ b/n.md\n@@ -0,0 +1,1 @@\n+x\n");
    expect(unifiedDiff("n.md", "same\n", "same\n")).toBe("");
  });
});

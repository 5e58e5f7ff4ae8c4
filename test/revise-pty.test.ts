// revise in a real pseudo-terminal: the current title in the line, ready to
// edit; answering no to "Write these files?" is an answer (exit 0).
import { describe, expect, it } from "vitest";
import { changedPaths, hashTree, SEED_PATH, tempArchive } from "./helpers.js";
import { runInPty } from "./pty.js";

describe("newsctl revise in a pseudo-terminal", () => {
  it("edits the prefilled title in place, then answering no exits 0 and writes nothing", async () => {
    const root = tempArchive();
    const hashes = hashTree(root);
    const result = await runInPty(["revise", SEED_PATH, "--archive", root], [
      { expect: "Title French and Malian troops retake Diabaly and Douentza as Islamist forces retreat.", send: " Again\r" },
      { expect: "Keep it:", send: "\r" },
      { expect: "Sources", send: "\r" },
      { expect: "Context tags", send: "\r" },
      { expect: "Write these 8 files?", send: "n\r" },
    ]);
    expect(result.failedStep, result.output).toBeNull();
    expect(result.code, result.output).toBe(0);
    // The diff shown before the question: the title as edited in the line.
    expect(result.output).toContain("+# French and Malian troops retake Diabaly and Douentza as Islamist forces retreat. Again");
    expect(result.output).toContain("newsctl: not confirmed; nothing was written");
    expect(changedPaths(hashes, hashTree(root))).toEqual([]);
  });

  it("Ctrl+C at a prompt still exits 130", async () => {
    const root = tempArchive();
    const hashes = hashTree(root);
    const result = await runInPty(["revise", SEED_PATH, "--archive", root], [{ expect: "Title", send: "\x03" }]);
    expect(result.failedStep, result.output).toBeNull();
    expect(result.code, result.output).toBe(130);
    expect(changedPaths(hashes, hashTree(root))).toEqual([]);
  });
});

// The real binary at a real (pseudo-)terminal: prompts drawn, keys typed.
import { describe, expect, it } from "vitest";
import { baseline, expectConsistentAdd } from "./add-check.js";
import { changedPaths, hashTree, readText, SEED_PATH, tempArchive } from "./helpers.js";
import { runInPty } from "./pty.js";

describe("newsctl add in a pseudo-terminal", () => {
  it("asks for the date, title, summary, a source, the cover, the backlink, then confirms and writes", async () => {
    const root = tempArchive();
    const before = baseline(root);
    const result = await runInPty(
      ["add", "--archive", root, "--tag", "Mali", "--tag", "France", "--related", SEED_PATH],
      [
        { expect: "Date (YYYY-MM-DD)", send: "2013-02-30\r" },
        { expect: "not a calendar date", send: "\x7f\x7f01\r" },
        { expect: "Title", send: "Typed at a terminal\r" },
        { expect: "Type it here (one paragraph)", send: "\r" },
        { expect: "Summary (one paragraph)", send: "An event entered key by key.\r" },
        { expect: "Source name", send: "BBC\r" },
        { expect: "URL of BBC", send: "https://www.bbc.co.uk/news/pty\r" },
        { expect: "Another source name", send: "\r" },
        { expect: "Cover Image URL", send: "\r" },
        { expect: "Also list this event", send: "\r" },
        { expect: "Write these files?", send: "y\r" },
      ],
    );
    expect(result.failedStep, result.output).toBeNull();
    expect(result.code, result.output).toBe(0);
    const path = "news/2013/02/1/typed-at-a-terminal.md";
    expect(result.output).toContain(`# Typed at a terminal`);
    expect(result.output.trimEnd().endsWith(path)).toBe(true);
    const event = expectConsistentAdd(root, path, before);
    expect(event.sources.map((s) => s.dest)).toEqual(["https://www.bbc.co.uk/news/pty"]);
    expect(readText(root, SEED_PATH)).toContain(`6. [Typed at a terminal](/${path}) _Context: France, Mali_`);
  });

  it("answering no to the preview exits 0, says nothing was written, and writes nothing", async () => {
    const root = tempArchive();
    const hashes = hashTree(root);
    const args = ["add", "--archive", root, "--date", "2013-01-22", "--title", "Declined", "--summary", "S.", "--source", "BBC=https://bbc.co.uk/a", "--tag", "Mali", "--related", SEED_PATH, "--backlink"];
    const result = await runInPty(args, [
      { expect: "Cover Image URL", send: "\r" },
      { expect: "Write these files?", send: "n\r" },
    ]);
    expect(result.failedStep, result.output).toBeNull();
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain("newsctl: not confirmed; nothing was written");
    expect(changedPaths(hashes, hashTree(root))).toEqual([]);
  });

  it("\"Revise that event instead\" goes on into revise's prompts, the typed title in the line, and revises it", async () => {
    const root = tempArchive();
    const typed = "French and Malian troops retake Diabaly and Douentza as Islamist forces pull back";
    const result = await runInPty(["add", "--archive", root, "--date", "2013-01-21"], [
      { expect: "Title", send: `${typed}\r` },
      { expect: "Revise that event instead", send: "\r" },
      { expect: `Title ${typed}`, send: "\r" },
      { expect: "Keep it:", send: "\r" },
      { expect: "Sources", send: "\r" },
      { expect: "Context tags", send: "\r" },
      { expect: "Write these 8 files?", send: "y\r" },
    ]);
    expect(result.failedStep, result.output).toBeNull();
    expect(result.code, result.output).toBe(0);
    const path = "news/2013/01/21/french-and-malian-troops-retake-diabaly-and-douentza-as-islamist-forces-pull-back.md";
    expect(result.output).toMatch(new RegExp(`\\n${path}\\n`));
    expect(readText(root, path)).toContain(`# ${typed}\n`);
    expect(readText(root, SEED_PATH)).toContain(`[${typed}](/${path}) _(Current version)_`);
  });

  it("Ctrl+C at a prompt exits 130 and writes nothing", async () => {
    const root = tempArchive();
    const hashes = hashTree(root);
    const result = await runInPty(["add", "--archive", root], [
      { expect: "Date (YYYY-MM-DD)", send: "\r" },
      { expect: "Title", send: "Half typed\x03" },
    ]);
    expect(result.failedStep, result.output).toBeNull();
    expect(result.code, result.output).toBe(130);
    expect(result.output).toContain("cancelled; nothing was written");
    expect(changedPaths(hashes, hashTree(root))).toEqual([]);
  });
});

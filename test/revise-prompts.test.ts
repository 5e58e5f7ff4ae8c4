// revise at a terminal, through @inquirer/testing: current values prefilled
// as editable text, the summary kept with one key (never an editor on a plain
// Enter), several paragraphs written in the editor only on request, and a
// session that changes nothing ending as an answer.
import { screen } from "@inquirer/testing/vitest";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { changedPaths, hashTree, readText, SEED_PATH, tempArchive, writeFile } from "./helpers.js";
import { answer, answeredLines, fakeEditor, startOnTerminal, waitFor } from "./screen-helpers.js";

const TITLE = "French and Malian troops retake Diabaly and Douentza as Islamist forces retreat.";
const SUMMARY = "French and Malian troops seize the key Malian towns of Diabaly and Douentza from militant Islamists, the French defence minister says.";
const TWO_PARAGRAPHS = "news/2013/01/21/two-paragraphs.md";

function withTwoParagraphs(): string {
  const root = tempArchive();
  writeFile(
    root,
    TWO_PARAGRAPHS,
    `### [2013-01-21](/news/2013/01/21/index.md)\n\n# Two paragraphs.\n\nFirst paragraph.\n\nSecond paragraph.\n\n### Source:\n\n1. [BBC](https://bbc.test/2)\n\n### Related:\n\n### Changes:\n\n1. [Two paragraphs.](/${TWO_PARAGRAPHS}) _(Current version)_\n`,
  );
  return root;
}

describe("newsctl revise at a terminal", () => {
  it("prefills every value as editable text: typing edits it, Enter keeps it, and the transcript shows the summary kept", async () => {
    const root = tempArchive();
    const run = startOnTerminal(["revise", SEED_PATH, "--archive", root]);
    // The title is in the line already: what is typed goes after it.
    const title = await waitFor(/Title/);
    expect(title).toContain(`Title ${TITLE}`);
    await answer(/Title/, " Updated");
    await answer(/❯ Keep it: "French and Malian troops seize the key Malian towns of Diab…"\n {2}Edit it here \(one paragraph\)\n {2}Edit it in your editor/);
    await answer(/Sources/);
    // Tags: the line cleared (Ctrl+U) and typed anew; "islamist" takes the archive's spelling.
    await answer(/Context tags/, { name: "u", ctrl: true }, "mali, islamist, gao airport");
    await answer(/Write these 8 files\?/);
    expect(await run.done).toBe(0);
    const answered = await answeredLines();
    expect(answered).toContain(`✔ Title ${TITLE} Updated`);
    expect(answered).toContain(`✔ Summary kept "French and Malian troops seize the key Malian towns of Diab…"`);
    const path = run.stdout.text.trim().split("\n").pop()!;
    const text = readText(root, path);
    expect(text).toContain(`\n# ${TITLE} Updated\n\n${SUMMARY}\n`);
    expect(text).toContain(`contexts: ["gao airport", "Islamist", "Mali"]`);
  });

  it("Enter at every prompt changes nothing: it says so, writes nothing, exits 0, and never opens the editor", async () => {
    const root = withTwoParagraphs();
    const editor = fakeEditor("Changed.\n");
    const before = hashTree(root);
    const run = startOnTerminal(["revise", TWO_PARAGRAPHS, "--archive", root], { VISUAL: editor });
    await answer(/Title/);
    await answer(/❯ Keep it: "First paragraph\." \(2 paragraphs\)\n {2}Type a new one here \(one paragraph, replacing it all\)/);
    await answer(/Sources/);
    await answer(/Context tags/);
    expect(await run.done).toBe(0);
    expect(run.stderr.text).toBe("newsctl: nothing changed; nothing was written\n");
    expect(existsSync(join(dirname(editor), "ran"))).toBe(false);
    expect(changedPaths(before, hashTree(root))).toEqual([]);
  });

  it("edits a summary of several paragraphs in the editor when asked, and shows what came back", async () => {
    const root = withTwoParagraphs();
    const editor = fakeEditor("First paragraph.\n\nSecond, rewritten.\n\nA third.\n");
    const run = startOnTerminal(["revise", TWO_PARAGRAPHS, "--archive", root], { VISUAL: editor });
    await answer(/Title/);
    await answer(/Edit it in your editor \(.*fake-editor\.sh; several paragraphs/, { name: "down" }, { name: "down" });
    await answer(/Sources/);
    await answer(/Context tags/);
    await answer(/Write these \d+ files\?/);
    expect(await run.done).toBe(0);
    expect(run.stdout.text).toContain(`  Summary: "First paragraph." (3 paragraphs)\n`);
    expect(readText(root, run.stdout.text.trim().split("\n").pop()!)).toContain("\n\nFirst paragraph.\n\nSecond, rewritten.\n\nA third.\n\n### Source:");
  });

  it("empties a prefilled value: the line cleared, then Backspace once more drops the old value", async () => {
    const root = tempArchive();
    const run = startOnTerminal(["revise", SEED_PATH, "--archive", root]);
    await answer(/Title/);
    await answer(/Keep it/);
    await answer(/Sources/);
    await answer(/Context tags/, { name: "u", ctrl: true }, { name: "backspace" });
    await answer(/Write these 8 files\?/);
    expect(await run.done).toBe(0);
    expect(readText(root, run.stdout.text.trim().split("\n").pop()!)).toContain("contexts: []");
  });

  it("removes a summary on request", async () => {
    const root = withTwoParagraphs();
    const run = startOnTerminal(["revise", TWO_PARAGRAPHS, "--archive", root]);
    await answer(/Title/);
    await answer(/Remove it/, { name: "up" });
    await answer(/Sources/);
    await answer(/Context tags/);
    await answer(/Write these \d+ files\?/);
    expect(await run.done).toBe(0);
    expect((await answeredLines()).some((l) => l.includes("✔ Summary removed"))).toBe(true);
    expect(readText(root, run.stdout.text.trim().split("\n").pop()!)).toContain("# Two paragraphs.\n\n\n### Source:");
  });
});

// screen is imported for its side effect: the prompts are drawn on it.
void screen;

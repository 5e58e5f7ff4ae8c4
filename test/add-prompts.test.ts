// The interactive entry, driven through @inquirer/testing: the real prompts,
// with the screen and keys in place of a terminal.
import { screen } from "@inquirer/testing/vitest";
import { describe, expect, it } from "vitest";
import { tagChoices } from "../src/commands/add/interactive.js";
import { baseline, expectConsistentAdd } from "./add-check.js";
import { changedPaths, hashTree, readText, SEED_PATH, tempArchive } from "./helpers.js";
import { answer, answeredLines, fakeEditor, pickTag, startOnTerminal, waitFor } from "./screen-helpers.js";

const GAO_2013 =
  "news/2013/01/14/islamists-rebels-capture-the-malian-town-of-diabaly-after-fierce-fighting-with-government-troops-as-french-airplanes-strike-targets-in-gao.md";

describe("newsctl add at a terminal", () => {
  it("walks through a whole entry: every prompt, validation, tag search, related, preview, confirm", async () => {
    const root = tempArchive();
    const before = baseline(root);
    const run = startOnTerminal(["add", "--archive", root]);
    await waitFor(/Date \(YYYY-MM-DD\) \(2013-02-01\)/);
    screen.keypress("enter");
    await answer(/Title/, "French troops enter Gao");
    // The summary: typed here (one paragraph), or in the editor on request; never the editor on a plain Enter.
    await answer(/❯ Type it here \(one paragraph\)\n {2}Write it in your editor \(vim; several paragraphs/);
    await answer(/Summary \(one paragraph\)/, "French forces take the airport of Gao.");
    await answer(/Source name/, "BBC");
    // A bad URL is refused as it is entered, then corrected.
    await waitFor(/URL of BBC/);
    screen.type("bbc.co.uk/gao");
    screen.keypress("enter");
    await waitFor(/not an absolute URL/);
    for (let i = 0; i < "bbc.co.uk/gao".length; i++) screen.keypress("backspace");
    screen.type("https://www.bbc.co.uk/gao");
    screen.keypress("enter");
    await answer(/Another source name/);
    await answer(/Cover Image URL/, "https://example.org/gao.jpg");
    // Tags: a search over the archive's tags; "mal" finds Mali, a new name is offered as new.
    await pickTag(/Context tags \(type/, "mal", /❯ Mali\n/);
    await pickTag(/Context tags: Mali\./, "fRANce", /❯ France\n/);
    await pickTag(/Context tags: Mali, France\./, "Gao airport", /❯ New tag "Gao airport"/);
    await waitFor(/Context tags: Mali, France, Gao airport/);
    expect(screen.getScreen()).toMatch(/Done \(3 tags\)/);
    // The answered line shows the tag, not the choice that offered it.
    const answered = await answeredLines();
    expect(answered.at(-1)).toBe("✔ Context tags: Mali, France. Another? (type to search; Done to finish) Gao airport");
    screen.keypress("enter");
    // Related: most shared tags first, then closest in date, showing the shared tags.
    const related = await waitFor(/Related events/);
    expect(related).toMatch(/2013-01-21 {2}French and Malian troops.*\(France, Mali\)/);
    expect(related.indexOf("2013-01-21")).toBeLessThan(related.indexOf("2013-01-14"));
    screen.keypress("space");
    screen.keypress("down");
    screen.keypress("space");
    screen.keypress("enter");
    await answer(/Also list this event in the Related list of the 2 related event/);
    await answer(/Write these files\?/);
    expect(await run.done).toBe(0);
    const path = "news/2013/02/1/french-troops-enter-gao.md";
    expect(run.stdout.text).toContain(`${path}\n${"─".repeat(60)}\n---\ncontexts: ["France", "Gao airport", "Mali"]`);
    expect(run.stdout.text.endsWith(`${path}\n`)).toBe(true);
    const event = expectConsistentAdd(root, path, before);
    expect(event.sources.map((s) => [s.text, s.dest])).toEqual([
      ["BBC", "https://www.bbc.co.uk/gao"],
      ["Cover Image", "https://example.org/gao.jpg"],
    ]);
    expect(event.related.map((r) => (r.target as { path: string }).path)).toEqual([SEED_PATH, GAO_2013]);
    expect(readText(root, GAO_2013)).toContain(`3. [French troops enter Gao](/${path}) _Context: France, Mali_`);
  });

  it("takes a summary of several paragraphs from the editor, only when asked to, and shows it", async () => {
    const root = tempArchive();
    const editor = fakeEditor("First paragraph.\n\nSecond paragraph,\nwith a second line.\n");
    const run = startOnTerminal(["add", "--archive", root, "--date", "2013-01-22", "--title", "Two paragraphs", "--source", "BBC=https://bbc.co.uk/p", "--cover", "https://a.org/c.jpg", "--tag", "Mali", "--related", SEED_PATH, "--backlink"], { VISUAL: editor });
    await answer(/Write it in your editor \(.*fake-editor.sh; several paragraphs/, { name: "down" });
    await answer(/Write these files\?/);
    expect(await run.done).toBe(0);
    expect(run.stdout.text).toContain(`  Summary: "First paragraph." (2 paragraphs)\n`);
    const path = run.stdout.text.trim().split("\n").pop()!;
    expect(readText(root, path)).toContain("# Two paragraphs\n\nFirst paragraph.\n\nSecond paragraph,\nwith a second line.\n\n");
  });

  it("flags skip their prompts", async () => {
    const root = tempArchive();
    const run = startOnTerminal(["add", "--archive", root, "--date", "2013-01-22", "--title", "T one", "--summary", "S.", "--tag", "Mali", "--related", SEED_PATH]);
    await waitFor(/Source name/);
    screen.type("BBC");
    screen.keypress("enter");
    await answer(/URL of BBC/, "https://bbc.co.uk/a");
    await answer(/Another source name/);
    await answer(/Cover Image URL/);
    await answer(/Also list this event in the Related list of the 1 related event/, "n");
    await answer(/Write these files\?/);
    expect(await run.done).toBe(0);
    expect(run.stdout.text.trim().split("\n").pop()).toBe("news/2013/01/22/t-one.md");
  });

  it("warns of a near-identical title that day and, on \"Revise that event instead\", goes on into revise's prompts with what was typed", async () => {
    const root = tempArchive();
    const typed = "French and Malian troops retake Diabaly, Douentza and Gao as Islamist forces retreat";
    const run = startOnTerminal(["add", "--archive", root, "--date", "2013-01-21", "--summary", "Typed for add.", "--tag", "france", "--tag", "gao", "--cover", "https://a.org/c.jpg"]);
    await answer(/Title/, typed);
    await waitFor(/Revise that event instead/);
    expect(run.stdout.text).toContain(`near-identical title is already on 2013-01-21`);
    screen.keypress("enter");
    // Revise's own prompts, filled in: the typed title in the line, the flags' summary and tags.
    expect(await waitFor(/Title/)).toContain(`Title ${typed}`);
    screen.keypress("enter");
    await answer(/❯ Keep it: "Typed for add\."/);
    await answer(/Sources/);
    expect(await waitFor(/Context tags/)).toContain("Context tags (comma-separated) France, gao");
    screen.keypress("enter");
    await answer(/Write these 8 files\?/);
    expect(await run.done).toBe(0);
    expect(run.stdout.text).toContain(`Revising ${SEED_PATH} instead, starting from what you typed.`);
    expect(run.stderr.text).toContain("newsctl: --cover does not apply to a revision: left out\n");
    const path = run.stdout.text.trim().split("\n").pop()!;
    expect(path).toBe("news/2013/01/21/french-and-malian-troops-retake-diabaly-douentza-and-gao-as-islamist-forces-retreat.md");
    const text = readText(root, path);
    expect(text).toContain(`# ${typed}\n\nTyped for add.\n`);
    expect(text).toContain(`contexts: ["France", "gao"]`);
    expect(readText(root, SEED_PATH)).toContain(`[${typed}](/${path}) _(Current version)_`);
  });

  it("Ctrl+C at any prompt writes nothing and exits 130", async () => {
    const root = tempArchive();
    const hashes = hashTree(root);
    const run = startOnTerminal(["add", "--archive", root, "--date", "2013-01-22", "--title", "T"]);
    await waitFor(/Summary/);
    screen.keypress({ name: "c", ctrl: true });
    expect(await run.done).toBe(130);
    expect(run.stderr.text.endsWith("newsctl add: cancelled; nothing was written\n")).toBe(true);
    expect(changedPaths(hashes, hashTree(root))).toEqual([]);
  });

  it("declining the preview is an answer: nothing written, exit 0", async () => {
    const root = tempArchive();
    const hashes = hashTree(root);
    const args = ["add", "--archive", root, "--date", "2013-01-22", "--title", "T", "--summary", "S.", "--source", "BBC=https://bbc.co.uk/a", "--cover", "https://a.org/c.jpg", "--tag", "Mali", "--related", SEED_PATH, "--backlink"];
    const run = startOnTerminal(args);
    await waitFor(/Write these files\?/);
    screen.type("n");
    screen.keypress("enter");
    expect(await run.done).toBe(0);
    expect(run.stderr.text.endsWith("newsctl: not confirmed; nothing was written\n")).toBe(true);
    expect(run.stdout.text).toContain(`${SEED_PATH} (backlink in its Related list)`);
    expect(changedPaths(hashes, hashTree(root))).toEqual([]);
  });
});

describe("tag choices", () => {
  const known = [
    { tag: "Mali", count: 6 },
    { tag: "France", count: 4 },
    { tag: "Islamist", count: 4 },
  ];
  it("offers Done first on an empty search, matches in any case, prefix matches first", () => {
    expect(tagChoices(known, [], "").map((c) => c.name)).toEqual(["Done (no tags)", "Mali", "France", "Islamist"]);
    expect(tagChoices(known, [], "is").map((c) => c.name)).toEqual(["Islamist", "New tag \"is\"", "Done (no tags)"]);
    expect(tagChoices(known, ["Mali"], "MALI").map((c) => c.name)).toEqual(["Done (1 tag)"]);
    expect(tagChoices(known, [], "a_b").at(-1)?.description).toMatch(/cannot be a tag/);
  });
});

// revise leaves a clean archive clean: it finds every link to the event the
// way validate resolves links, and keeps the Related contexts true.

import { describe, expect, it } from "vitest";
import { changedPaths, hashTree, readText, runCli, runMain, SEED_PATH, tempArchive, writeFile } from "./helpers.js";

const at = { now: () => new Date("2026-01-02T03:04:05Z") };
const LINKER = "news/2016/12/30/mali-returns-two-people-france-deported-on-the-same-planes-they-arrived-on.md";

const SEED_NAME = SEED_PATH.slice(SEED_PATH.lastIndexOf("/") + 1);

async function validate(root: string) {
  const r = await runCli(["validate", "--format", "json", "--max-warnings", "0", "--archive", root]);
  return { code: r.code, problems: (JSON.parse(r.stdout) as { problems: { file: string; rule: string; message: string }[] }).problems };
}

/** An event that links to the seed event without the seed linking back (so only the link itself can bring it in). */
function aftermath(link: string): Record<string, string> {
  const path = "news/2014/02/3/aftermath-in-diabaly.md";
  return {
    [path]: [
      "### [2014-02-03](/news/2014/02/3/index.md)",
      "",
      "# Aftermath in Diabaly.",
      "",
      "Residents return.",
      "",
      "### Source:",
      "",
      "1. [BBC](http://www.bbc.co.uk/news/x)",
      "",
      "### Related:",
      "",
      `1. [French and Malian troops retake Diabaly and Douentza as Islamist forces retreat. ](${link}) _Context: Mali_`,
      "",
      "### Changes:",
      "",
      `1. [Aftermath in Diabaly.](/${path}) _(Current version)_`,
      "",
    ].join("\n"),
    "news/2014/02/3/index.md": `# 2014-02-03\n\n1. [Aftermath in Diabaly.](/${path})\n`,
  };
}

describe("revise finds links as validate resolves them", () => {
  const AFTERMATH = "news/2014/02/3/aftermath-in-diabaly.md";
  it.each([
    ["percent-encoded", `/news/2013/01/21/${SEED_NAME.replace("french-and", "french%2Dand")}`],
    ["percent-encoded in both cases", `/news/2013/01/21/${SEED_NAME.replace("-and-malian", "%2dand%2Dmalian")}`],
    ["backslash-escaped", `/news/2013/01/21/${SEED_NAME.replace("french-and", "french\\-and")}`],
    ["relative and encoded", `../../../2013/01/21/${SEED_NAME.replace("french-and", "french%2Dand")}`],
    ["in angle brackets", `</news/2013/01/21/${SEED_NAME.replace("french-and", "french%2Dand")}>`],
  ])("repoints a Related link written %s", async (_, link) => {
    const root = tempArchive({ files: aftermath(link) });
    expect(readText(root, AFTERMATH)).not.toContain(SEED_NAME);
    expect((await validate(root)).problems).toEqual([]);
    const r = await runMain(["revise", SEED_PATH, "--title", "Retaken", "--yes", "--format", "json", "--archive", root], at);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as { path: string; repointed: string[] };
    expect(result.repointed).toContain(AFTERMATH);
    expect(readText(root, AFTERMATH)).toContain(`1. [Retaken](${link.startsWith("<") ? "<" : ""}/${result.path}`);
    expect(await validate(root)).toEqual({ code: 0, problems: [] });
  });
});

describe("revise leaves the clean fixture archive clean", () => {
  it.each([
    ["--title", "French and Malian troops retake Diabaly, Douentza and Gao"],
    ["--summary", "French and Malian troops take back Diabaly and Douentza."],
    ["--source", "Reuters=https://www.reuters.com/article/mali-(update)"],
    ["--add-source", "Le Monde=https://www.lemonde.fr/afrique/x)y"],
    ["--remove-source", "France 24"],
    ["--tag", "Mali", "--tag", "Gao"],
    ["--tag", "Mali", "--tag", "France", "--tag", "Diabaly", "--tag", "Douentza", "--tag", "Islamist", "--tag", "Deportation"],
    ["--tag", "Timbuktu"],
  ].map((args) => ({ args, name: args.join(" ") })))("after revise $name", async ({ args }) => {
    const root = tempArchive();
    expect(await validate(root)).toEqual({ code: 0, problems: [] });
    const r = await runMain(["revise", SEED_PATH, ...args, "--yes", "--archive", root], at);
    expect(r.code, r.stderr).toBe(0);
    expect(await validate(root)).toEqual({ code: 0, problems: [] });
  });

  it("touches only the context lists the tag change moves", async () => {
    const root = tempArchive();
    const before = hashTree(root);
    const r = await runMain(["revise", SEED_PATH, "--tag", "Mali", "--tag", "Gao", "--yes", "--format", "json", "--archive", root], at);
    expect(r.code, r.stderr).toBe(0);
    const path = (JSON.parse(r.stdout) as { path: string }).path;
    const text = readText(root, path);
    // Every Related item of the new version now names only Mali, the one tag it shares.
    expect(text.match(/_Context: [^_]*_/g)).toEqual(Array(5).fill("_Context: Mali_"));
    // The day page, the versions and the three linking events; nothing else.
    expect(changedPaths(before, hashTree(root))).toHaveLength(8);
    const linker = readText(root, LINKER);
    expect(linker).toContain(`(/${path}) _Context: Mali_`);
    expect(linker.split("\n").filter((l) => l.includes("_Context:"))).toHaveLength(1);
  });
});

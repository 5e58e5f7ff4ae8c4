// Inline suppression in markdownlint's style: newsctl-disable-next-line,
// disable-line, disable … enable and disable-file, each with rule ids or
// none (every rule); a comment naming no rule newsctl has is reported.

import { describe, expect, it } from "vitest";
import { readText, runCli, runMain, SEED_PATH, tempArchive, writeFile } from "./helpers.js";

interface Problem {
  file: string;
  line: number;
  rule: string;
  severity: string;
  message: string;
}

/**
 * The clean fixture with the seed event's first two Related items made
 * stale (lines 16 and 17), then `edit` applied to its lines.
 */
function archiveWith(edit: (lines: string[]) => void = () => {}): string {
  const root = tempArchive();
  const lines = readText(root, SEED_PATH).split("\n");
  lines[15] = lines[15]!.replace(/^1\. \[[^\]]*\]/, "1. [Stale one]");
  lines[16] = lines[16]!.replace(/^2\. \[[^\]]*\]/, "2. [Stale two]");
  edit(lines);
  writeFile(root, SEED_PATH, lines.join("\n"));
  return root;
}

async function found(root: string, extra: string[] = []): Promise<{ code: number; problems: Problem[] }> {
  const r = await runMain(["validate", "--format", "json", "--archive", root, ...extra]);
  expect(r.stderr).toBe("");
  return { code: r.code, problems: (JSON.parse(r.stdout) as { problems: Problem[] }).problems };
}

const rulesAt = (problems: Problem[]) => problems.map((p) => `${p.line}:${p.rule}`);

describe("the stale archive these tests start from", () => {
  it("has a stale-title on each of lines 16 and 17", async () => {
    expect(rulesAt((await found(archiveWith())).problems)).toEqual(["16:stale-title", "17:stale-title"]);
  });
});

describe("newsctl-disable-next-line", () => {
  it("silences the named rule on the next line only", async () => {
    const root = archiveWith((l) => l.splice(15, 0, "<!-- newsctl-disable-next-line stale-title -->"));
    const { problems } = await found(root);
    expect(rulesAt(problems)).toEqual(["18:stale-title"]);
  });

  it("names several rules, space-separated, in any case; no rule means every rule", async () => {
    const several = archiveWith((l) => l.splice(16, 0, "<!--   newsctl-disable-next-line  related-context STALE-TITLE   -->"));
    expect(rulesAt((await found(several)).problems)).toEqual(["16:stale-title"]);
    const all = archiveWith((l) => l.splice(15, 0, "  <!-- newsctl-disable-next-line -->"));
    expect(rulesAt((await found(all)).problems)).toEqual(["18:stale-title"]);
  });

  it("another rule's comment silences nothing, and the text run says so by reporting the finding", async () => {
    const root = archiveWith((l) => l.splice(15, 0, "<!-- newsctl-disable-next-line broken-link -->"));
    expect(rulesAt((await found(root)).problems)).toEqual(["17:stale-title", "18:stale-title"]);
  });

  it("a comment not on a line of its own still counts; a plain HTML comment does not", async () => {
    const plain = archiveWith((l) => l.splice(15, 0, "<!-- disable-next-line stale-title -->"));
    expect(rulesAt((await found(plain)).problems)).toEqual(["17:stale-title", "18:stale-title"]);
  });

  it("decides the exit code and --max-warnings", async () => {
    const root = archiveWith((l) => l.splice(15, 0, "<!-- newsctl-disable-next-line stale-title -->", "<!-- newsctl-disable-next-line stale-title -->"));
    // Two guards in a row: the second guards line 18 (item one); item two at 19 stays.
    expect(rulesAt((await found(root)).problems)).toEqual(["19:stale-title"]);
    expect((await runCli(["validate", "--archive", root, "--max-warnings", "0"])).code).toBe(1);
    const quiet = archiveWith((l) => l.splice(15, 2, "<!-- newsctl-disable-next-line -->", l[15]!, "<!-- newsctl-disable-next-line -->", l[16]!));
    const r = await runCli(["validate", "--archive", quiet, "--max-warnings", "0"]);
    expect(r).toMatchObject({ code: 0, stdout: "no problems in 14 files, 6 events\n" });
  });
});

describe("the other kinds", () => {
  it("disable-line silences its own line", async () => {
    const root = archiveWith((l) => (l[16] = `${l[16]} <!-- newsctl-disable-line stale-title -->`));
    expect(rulesAt((await found(root)).problems)).toEqual(["16:stale-title"]);
  });

  it("disable … enable silences the lines between, per rule; enable with no rule ends them all", async () => {
    const root = archiveWith((l) => {
      l.splice(17, 0, "<!-- newsctl-enable -->");
      l.splice(15, 0, "<!-- newsctl-disable stale-title -->");
    });
    expect(rulesAt((await found(root)).problems)).toEqual([]);
    const other = archiveWith((l) => l.splice(15, 0, "<!-- newsctl-disable broken-link -->"));
    expect(rulesAt((await found(other)).problems)).toEqual(["17:stale-title", "18:stale-title"]);
    const reopened = archiveWith((l) => {
      l.splice(16, 0, "<!-- newsctl-enable stale-title -->");
      l.splice(15, 0, "<!-- newsctl-disable -->");
    });
    expect(rulesAt((await found(reopened)).problems)).toEqual(["19:stale-title"]);
  });

  it("disable-file silences the whole file, for the rules it names", async () => {
    const all = archiveWith((l) => l.push("<!-- newsctl-disable-file -->"));
    expect(rulesAt((await found(all)).problems)).toEqual([]);
    const other = archiveWith((l) => l.splice(3, 0, "<!-- newsctl-disable-file bad-url -->"));
    expect(rulesAt((await found(other)).problems)).toEqual(["17:stale-title", "18:stale-title"]);
  });

  it("a comment in one file silences nothing in another", async () => {
    const root = archiveWith();
    writeFile(root, "news/2012/09/1/index.md", `<!-- newsctl-disable-file -->\n${readText(root, "news/2012/09/1/index.md")}`);
    expect(rulesAt((await found(root)).problems)).toEqual(["16:stale-title", "17:stale-title"]);
  });
});

describe("a comment naming no rule newsctl has", () => {
  it("is reported where it is, with the nearest rule id, and silences nothing", async () => {
    const root = archiveWith((l) => l.splice(15, 0, "<!-- newsctl-disable-next-line stale-titel -->"));
    const { code, problems } = await found(root);
    expect(code).toBe(0);
    expect(problems.map((p) => [p.line, p.rule, p.severity, p.message])).toEqual([
      [16, "unknown-rule", "warning", 'a newsctl-disable comment names "stale-titel", which is not a rule (did you mean "stale-title"?); it silences nothing'],
      [17, "stale-title", "warning", expect.any(String)],
      [18, "stale-title", "warning", expect.any(String)],
    ]);
    const text = await runCli(["validate", "--archive", root]);
    expect(text.stdout).toMatch(new RegExp(`^${SEED_PATH}:16:1  warning  .*stale-titel.*  unknown-rule$`, "m"));
  });

  it("is reported beside a known rule it is listed with, which still works", async () => {
    const root = archiveWith((l) => l.splice(15, 0, "<!-- newsctl-disable-next-line stale-title frobnicate -->"));
    const { problems } = await found(root);
    expect(problems.map((p) => [p.line, p.rule])).toEqual([[16, "unknown-rule"], [18, "stale-title"]]);
    expect(problems[0]!.message).not.toMatch(/did you mean/);
  });

  it("can be re-levelled or switched off like any rule", async () => {
    const root = archiveWith((l) => l.splice(15, 0, "<!-- newsctl-disable-next-line stale-titel -->"));
    writeFile(root, "newsctl.config.json", '{"rules": {"unknown-rule": "error"}}');
    expect((await found(root)).code).toBe(1);
    writeFile(root, "newsctl.config.json", '{"rules": {"unknown-rule": "off"}}');
    expect(rulesAt((await found(root)).problems)).toEqual(["17:stale-title", "18:stale-title"]);
  });
});

describe("the parser and comment lines", () => {
  it("a comment line inside Related, Source or Changes is neither an item nor a broken link, and the list goes on", async () => {
    const root = archiveWith((l) => {
      l.splice(24, 0, "<!-- newsctl-disable-next-line stale-title -->"); // Changes, above item 2
      l.splice(17, 0, "<!-- a plain note -->");
      l.splice(10, 0, "<!-- newsctl-disable-next-line duplicate-source -->");
    });
    const { problems } = await found(root);
    expect(rulesAt(problems)).toEqual(["17:stale-title", "18:stale-title"]);
    const listed = await runMain(["list", "--date", "2013-01-21", "--format", "json", "--archive", root]);
    const event = JSON.parse(listed.stdout)[0] ?? JSON.parse(listed.stdout).events?.[0];
    expect(JSON.stringify(event)).not.toMatch(/newsctl-disable|plain note/);
  });

  it("a comment between the title and the summary is not part of the summary", async () => {
    const root = archiveWith((l) => l.splice(4, 0, "<!-- newsctl-disable-file stale-title -->"));
    expect((await found(root)).problems).toEqual([]);
    const listed = await runMain(["list", "--date", "2013-01-21", "--format", "json", "--archive", root]);
    expect(listed.stdout).not.toMatch(/newsctl-disable/);
    expect(listed.stdout).toMatch(/French and Malian troops seize the key Malian towns/);
  });
});

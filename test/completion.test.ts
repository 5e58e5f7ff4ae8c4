// Shell completion, run in the shells themselves: bash's completion function
// is called with COMP_WORDS/COMP_CWORD as bash would set them; fish's
// `complete -C` lists what it would offer; zsh is checked by its parser.

import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Option } from "commander";
import { buildProgram } from "../src/main.js";
import { createContext } from "../src/cli/context.js";
import { bashScript } from "../src/commands/completion/bash.js";
import { fishScript } from "../src/commands/completion/fish.js";
import { completionSpec } from "../src/commands/completion/spec.js";
import { zshScript } from "../src/commands/completion/zsh.js";
// @ts-expect-error: plain JS module
import { generateArchive, writeArchive } from "../bench/generate.mjs";
import { BIN, Capture, REPO, hashTree, changedPaths, runCli, runMain, tempArchive, tempDir } from "./helpers.js";
import { DRIFT } from "./tags-drift.js";
import { archiveFiles } from "./tags-helpers.js";

const SEED_SLUG = "french-and-malian-troops-retake-diabaly-and-douentza-as-islamist-forces-retreat";

/** A folder with a `newsctl` that runs this build, to put first on PATH. */
function shim(): string {
  const dir = tempDir("newsctl-bin-");
  writeFileSync(join(dir, "newsctl"), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(dir, "newsctl"), 0o755);
  return dir;
}

function has(shell: string): boolean {
  return spawnSync(shell, ["-c", "exit 0"]).status === 0;
}

/** The script for a shell, as the binary prints it. */
async function script(shell: string): Promise<string> {
  const r = await runMain(["completion", shell]);
  expect(r.code).toBe(0);
  return r.stdout;
}

/**
 * Run bash's completion function once per line of words (the last word is
 * the one under the cursor) and return what it offers for each.
 */
function bashComplete(lines: string[][], cwd: string, env: Record<string, string> = {}): { offers: string[][]; stderr: string } {
  const calls = lines
    .map((words) => `COMP_WORDS=(${words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(" ")}); COMP_CWORD=${words.length - 1}; COMPREPLY=(); _newsctl; printf '%s\\t' "\${COMPREPLY[@]}"; echo`)
    .join("\n");
  const program = `source <(newsctl completion bash)\n${calls}\n`;
  const r = spawnSync("bash", ["--norc", "--noprofile", "-c", program], {
    cwd,
    encoding: "utf8",
    env: { PATH: `${shim()}:${process.env["PATH"]}`, HOME: process.env["HOME"] ?? "/", ...env },
  });
  expect(r.status, r.stderr).toBe(0);
  const offers = r.stdout.split("\n").slice(0, lines.length).map((l) => l.split("\t").filter((w) => w !== "").sort());
  return { offers, stderr: r.stderr };
}

describe("bash completion", () => {
  it("completes commands, options, choices, tags, events and archive paths on a fixture archive", () => {
    const root = tempArchive();
    const cases: [string[], string[]][] = [
      [["newsctl", ""], ["add", "completion", "help", "history", "init-git", "list", "merge-day-page", "revise", "stats", "tags", "validate"]],
      [["newsctl", "ta"], ["tags"]],
      [["newsctl", "list", "--t"], ["--tag", "--to"]],
      [["newsctl", "list", "--tag", ""], ["Deportation", "Diabaly", "Douentza", "France", "Islamist", "Mali"]],
      [["newsctl", "list", "--tag", "D"], ["Deportation", "Diabaly", "Douentza"]],
      [["newsctl", "list", "--tag", "isl"], ["Islamist"]],
      [["newsctl", "list", "--tag", "Mali", "--tag", "Fr"], ["France"]],
      [["newsctl", "list", "--format", ""], ["json", "text"]],
      [["newsctl", "list", "--format", "=", ""], ["json", "text"]],
      [["newsctl", "list", "--format", "=", "j"], ["json"]],
      [["newsctl", "list", "--format", "=", "json", "--a"], ["--all-versions", "--archive"]],
      [["newsctl", "validate", "--format", ""], ["github", "json", "sarif", "text"]],
      [["newsctl", "list", "--date", ""], []],
      [["newsctl", "add", "--title", ""], []],
      [["newsctl", "revise", "french"], [SEED_SLUG]],
      [["newsctl", "history", "northern"], []],
      [["newsctl", "revise", "news/2013/01/2"], ["news/2013/01/21/"]],
      [["newsctl", "revise", "news/2013/01/21/f"], [`news/2013/01/21/${SEED_SLUG}.md`]],
      [["newsctl", "add", "--related", ""], ["news/"]],
      [["newsctl", "add", "--related", "/news/2016/"], ["/news/2016/12/"]],
      [["newsctl", "tags", ""], ["merge", "rename"]],
      [["newsctl", "tags", "--sort", ""], ["count", "name"]],
      [["newsctl", "tags", "rename", "Is"], ["Islamist"]],
      [["newsctl", "tags", "rename", "Islamist", "Is"], ["Islamist"]],
      [["newsctl", "tags", "merge", "Diabaly", "Douentza", "Fr"], ["France"]],
      [["newsctl", "tags", "rename", "--archive", root, "Ma"], ["Mali"]],
      [["newsctl", "completion", ""], ["bash", "fish", "zsh"]],
      [["newsctl", "help", "st"], ["stats"]],
      [["newsctl", "stats", "--year", ""], []],
    ];
    const { offers, stderr } = bashComplete(
      cases.map(([words]) => words),
      root,
    );
    expect(stderr).toBe("");
    cases.forEach(([words, expected], i) => expect(offers[i], words.join(" ")).toEqual(expected));
  });

  it("takes --archive from the line (any form) when the shell is outside the archive", () => {
    const root = tempArchive();
    const elsewhere = tempDir();
    const { offers } = bashComplete(
      [
        ["newsctl", "list", "--archive", root, "--tag", "Dia"],
        ["newsctl", "list", "--archive", "=", root, "--tag", "Dia"],
        ["newsctl", "list", "--tag", "Dia"],
      ],
      elsewhere,
    );
    expect(offers).toEqual([["Diabaly"], ["Diabaly"], []]);
    expect(bashComplete([["newsctl", "list", "--tag", "Dia"]], elsewhere, { NEWSCTL_ARCHIVE: root }).offers).toEqual([["Diabaly"]]);
  });

  it("offers a tag with spaces or quotes as one word", () => {
    const root = tempArchive({ from: null, files: DRIFT });
    const { offers } = bashComplete(
      [
        ["newsctl", "list", "--tag", "Gaza"],
        ["newsctl", "list", "--tag", "Gaza\\ S"],
        ["newsctl", "list", "--tag", "C"],
      ],
      root,
    );
    expect(offers).toEqual([["Gaza", "Gaza Strip"], ["Gaza Strip"], ["Companies", "Company", "Cote d'Ivoire", "Côte d'Ivoire"]]);
  });

  it("prints nothing into the shell when there is no archive or newsctl fails", () => {
    const { offers, stderr } = bashComplete([["newsctl", "list", "--tag", ""], ["newsctl", "revise", ""], ["newsctl", "list", "--archive", "/no/such/dir", "--tag", ""]], tempDir());
    expect(offers).toEqual([[], [], []]);
    expect(stderr).toBe("");
  });
});

describe("newsctl __complete", () => {
  it("exits 0 with no output on anything it cannot answer", async () => {
    for (const args of [["__complete"], ["__complete", "tags"], ["__complete", "nonsense", "--", "x"], ["__complete", "tags", "--", "newsctl", "--archive", "/no/such", "x"]]) {
      const r = await runCli(args, { cwd: tempDir() });
      expect([r.code, r.stdout], args.join(" ")).toEqual([0, ""]);
      if (args.length > 1) expect(r.stderr, args.join(" ")).toBe("");
    }
  });

  it("never lists through a link or outside news/", async () => {
    const root = tempArchive();
    const outside = tempDir();
    writeFileSync(join(outside, "secret.md"), "x");
    symlinkSync(outside, join(root, "news", "2013", "evil"));
    for (const word of ["news/../", "news/2013/../../", "../", "/etc/", "news/2013/evil/", "news//"]) {
      const r = await runMain(["__complete", "paths", "--", "newsctl", "add", "--related", word], { cwd: root });
      expect(r.stdout, word).toBe("");
    }
    const listed = await runMain(["__complete", "paths", "--", "newsctl", "add", "--related", "news/2013/"], { cwd: root });
    expect(listed.stdout).toBe("news/2013/01/\nnews/2013/04/\n");
  });

  it("offers hostile tags as plain words: nothing in them runs, control characters are left out", () => {
    const root = tempArchive({
      from: null,
      files: archiveFiles([{ date: "2020-01-01", slug: "hostile", frontMatter: ["contexts:", `  - "$(touch PWNED)"`, "  - \"`touch PWNED2`\"", `  - "tab\\there"`, "  - Safe"] }]),
    });
    const { offers, stderr } = bashComplete([["newsctl", "list", "--tag", ""]], root);
    expect(stderr).toBe("");
    expect(offers).toEqual([["$(touch PWNED)", "Safe", "`touch PWNED2`"].sort()]);
    expect(existsSync(join(root, "PWNED"))).toBe(false);
    expect(existsSync(join(root, "PWNED2"))).toBe(false);
  });

  it("reads a small archive afresh and writes nothing there; keeps a large one's answer under .newsctl/cache", async () => {
    const small = tempArchive();
    const before = hashTree(small);
    await runMain(["__complete", "tags", "--", "newsctl", "list", "--tag", ""], { cwd: small });
    expect(changedPaths(before, hashTree(small))).toEqual([]);
    expect(existsSync(join(small, ".newsctl"))).toBe(false);

    const large = tempDir();
    const { files } = generateArchive({ events: 120, seed: 9 }) as { files: Map<string, string> };
    writeArchive(large, files);
    // Settled folders (an hour old), as an archive is between edits.
    const hourAgo = new Date(Date.now() - 3_600_000);
    const days = [...new Set([...files.keys()].map((p) => p.replace(/\/[^/]*$/, "")))];
    for (const d of days) utimesSync(join(large, d), hourAgo, hourAgo);
    const tags = async () => (await runMain(["__complete", "tags", "--", "newsctl", "list", "--tag", "Ma"], { cwd: large })).stdout.split("\n").filter(Boolean).sort();
    expect(await tags()).toEqual(["Mali"]);
    expect(existsSync(join(large, ".newsctl/cache/complete-tags.json"))).toBe(true);
    const slugs = await runMain(["__complete", "events", "--", "newsctl", "revise", ""], { cwd: large });
    expect(slugs.stdout.split("\n").filter(Boolean)).toHaveLength(120);
    expect(existsSync(join(large, ".newsctl/cache/complete-slugs.json"))).toBe(true);
    // An edit in place leaves the folder's time alone: the kept answer stands (so it was used)...
    // A current version that takes its tags from its Related items.
    const path = [...files].find(([p, text]) => !text.startsWith("---") && text.includes("_Context: ") && text.includes(`(/${p}) _(Current version)_`))![0];
    const day = path.replace(/\/[^/]*$/, "");
    writeArchive(large, new Map([[path, files.get(path)!.replace(/_Context: /, "_Context: Mandalay, ")]]));
    utimesSync(join(large, day), hourAgo, hourAgo);
    expect(await tags()).toEqual(["Mali"]);
    // ...and a new file in that folder changes its time: the folder is read again.
    const date = day.replace(/^news\/(\d+)\/(\d+)\/(\d+)$/, (_m, y, mo, d) => `${y}-${mo}-${d.padStart(2, "0")}`);
    writeArchive(large, new Map([[`${day}/fresh.md`, `### [${date}](/${day}/index.md)\n\n# Fresh\n\n### Related:\n\n1. [x](/${day}/x.md) _Context: Marrakesh_\n\n### Changes:\n\n1. [Fresh](/${day}/fresh.md) _(Current version)_\n`]]));
    expect(await tags()).toEqual(["Mali", "Mandalay", "Marrakesh"]);
  });
});

describe("the scripts come from the program", () => {
  it("a command or option added later is completed without touching the completion code", () => {
    const program = buildProgram(createContext({ stdout: new Capture(), stderr: new Capture() }), () => {});
    program.command("archive-report").description("a report someone adds later").option("--tag <name>", "a tag").addOption(new Option("--style <s>", "style").choices(["short", "long"]));
    const spec = completionSpec(program);
    const bash = bashScript(spec);
    expect(bash).toContain("archive-report");
    expect(bash).toContain(`'archive-report --tag') echo 'live tags' ;;`);
    expect(bash).toContain(`'archive-report --style') echo 'choices short long' ;;`);
    expect(zshScript(spec)).toContain(`'--tag=[a tag]:tag:{_newsctl_live tags}'`);
    expect(fishScript(spec)).toContain(`complete -c newsctl -n '__newsctl_at \\'archive-report\\'' -l style -x -a 'short long' -d 'style'`);
    expect(bash).not.toContain("__complete)");
  });
});

describe("zsh and fish", () => {
  it("zsh: the script parses, and defines a function for every command", async () => {
    const text = await script("zsh");
    expect(text.startsWith("#compdef newsctl\n")).toBe(true);
    for (const fn of ["_newsctl_cmd_list", "_newsctl_cmd_tags_rename", "_newsctl_cmd_tags_merge", "_newsctl_cmd_stats", "_newsctl_cmd_completion"]) expect(text).toContain(`${fn}() {`);
    expect(text).toContain(`'*--tag=[only events with this context tag (repeatable\\: all must match; any case)]:tag:{_newsctl_live tags}'`);
    expect(text).toContain(`'--format=[output format]:format:(text json github sarif)'`);
    if (!has("zsh")) return;
    const dir = tempDir();
    writeFileSync(join(dir, "_newsctl"), text);
    execFileSync("zsh", ["-n", join(dir, "_newsctl")]);
    // Then at a real zsh prompt in a pseudo-terminal: TAB on each line, what compadd is given.
    writeFileSync(join(dir, "hits"), "");
    const lines = ["newsctl list --tag D", "newsctl tags rename Isl", "newsctl list --format=", "newsctl revise french"];
    const r = spawnSync("zsh", ["-f", join(REPO, "test", "zsh-complete.zsh"), dir, join(dir, "hits"), tempArchive(), ...lines], {
      encoding: "utf8",
      timeout: 150_000,
      env: { PATH: `${shim()}:${process.env["PATH"]}`, HOME: dir, TERM: "xterm" },
    });
    expect(r.status, r.stderr).toBe(0);
    const offers = readFileSync(join(dir, "hits"), "utf8").split("--\n").slice(0, lines.length).map((block) => block.split(/[|\n]/).filter(Boolean).sort());
    expect(offers).toEqual([["Deportation", "Diabaly", "Douentza"], ["Islamist"], ["json", "text"], [SEED_SLUG]]);
  });

  it("fish: the script parses, and offers what bash offers", async () => {
    const text = await script("fish");
    expect(text).toContain("complete -c newsctl -f\n");
    expect(text).toContain(`-l tag -x -a '(__newsctl_live tags)'`);
    if (!has("fish")) return;
    const file = join(tempDir(), "newsctl.fish");
    writeFileSync(file, text);
    execFileSync("fish", ["-n", file]);
    const root = tempArchive();
    const lines = ["newsctl ta", "newsctl list --tag D", "newsctl list --format=", "newsctl tags rename Isl", "newsctl revise french", "newsctl completion "];
    const r = spawnSync("fish", ["--no-config", "-c", `source ${file}; for l in $argv; complete -C "$l"; echo ---; end`, ...lines], {
      cwd: root,
      encoding: "utf8",
      env: { PATH: `${shim()}:${process.env["PATH"]}`, HOME: process.env["HOME"] ?? "/" },
    });
    expect(r.stderr).toBe("");
    const offers = r.stdout.split("---\n").slice(0, lines.length).map((block) => block.split("\n").filter(Boolean).map((l) => l.split("\t")[0]).sort());
    expect(offers).toEqual([["tags"], ["Deportation", "Diabaly", "Douentza"], ["--format=json", "--format=text"], ["Islamist"], [SEED_SLUG], ["bash", "fish", "zsh"]]);
  });
});


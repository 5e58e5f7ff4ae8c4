// Errors a user can cause through the file system (a permission, a full
// disk, a name too long, a file where a folder goes) end in one line naming
// the path and the cause, with the exit code that says what happened, never
// "internal error"; and nothing they leave behind makes the archive unusable.
// Tests run as root, as CI does; permission cases drop to an unprivileged
// user for the run, since root ignores permissions.

import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderDayPage, renderEvent } from "../src/archive/format/write.js";
import { changedPaths, hashTree, runCli, runMain, SEED_PATH, tempArchive, tempDir, unprivilegedUser, writeFile } from "./helpers.js";
import { expectRefusal } from "./attack-helpers.js";

const ADD = ["add", "--yes", "--date", "2013-01-21", "--title", "Anything", "--summary", "S.", "--source", "BBC=https://bbc.test/x"];

/** A fixture archive every user can read (temp folders are made private). */
function sharedArchive(): string {
  const root = tempArchive();
  chmodSync(dirname(root), 0o755);
  chmodSync(root, 0o755);
  return root;
}

describe("--archive", () => {
  it("naming a file says it is a file (exit 2)", async () => {
    const root = tempArchive();
    const r = await runMain(["list", "--archive", join(root, SEED_PATH)]);
    expect(r.code).toBe(2);
    expectRefusal(r.stderr, /^newsctl [a-z -]+: --archive .*\.md: not a folder \(it is a file\)$/);
  });

  it("naming a path too long for the file system says so (exit 2)", async () => {
    const r = await runMain(["list", "--archive", `/tmp/${"x".repeat(300)}`]);
    expect(r.code).toBe(2);
    expectRefusal(r.stderr, /^newsctl [a-z -]+: --archive \/tmp\/x+: cannot examine \/tmp\/x+: the name is too long for the file system \(ENAMETOOLONG\)$/);
  });
});

describe("permissions (run as an unprivileged user)", () => {
  it("add in an archive whose root is not writable and has no .newsctl/: exit 3, one line naming the folder", async () => {
    const root = sharedArchive();
    chmodSync(root, 0o555);
    const before = hashTree(root);
    const r = await runCli([...ADD, "--archive", root], { user: unprivilegedUser() });
    chmodSync(root, 0o755);
    expect(r.code, r.stderr).toBe(3);
    expectRefusal(r.stderr, new RegExp(`^newsctl [a-z -]+: cannot create the folder ${root}/\\.newsctl: permission denied \\(EACCES\\)$`));
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(changedPaths(before, hashTree(root))).toEqual([]);
  });

  it("a change an earlier run left half-done that this user cannot finish: readers warn and still read", async () => {
    const root = sharedArchive();
    const txid = "4242-lzabc123-deadbeef";
    const page = "news/2013/01/21/index.md";
    writeFile(root, `news/2013/01/21/.newsctl-${txid}-1.tmp`, "# 2013-01-21\n");
    writeFile(root, `.newsctl/journal-${txid}.json`, JSON.stringify({ txid, state: "commit", entries: [{ path: page, temp: `news/2013/01/21/.newsctl-${txid}-1.tmp` }], createdDirs: [] }));
    chmodSync(join(root, ".newsctl"), 0o755);
    const r = await runCli(["list", "--date", "2013-01-21", "--archive", root], { user: unprivilegedUser() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("French and Malian troops retake Diabaly");
    expect(r.stderr).toMatch(/^newsctl: warning: could not finish a change an earlier run left half-done: cannot take the archive lock: cannot open .*\.newsctl\/lock: permission denied \(EACCES\); reading the archive as it is\n$/);
    const w = await runCli([...ADD, "--archive", root], { user: unprivilegedUser() });
    expect(w.code).toBe(3);
    expectRefusal(w.stderr, /^newsctl [a-z -]+: cannot take the archive lock: cannot open .*permission denied \(EACCES\)$/);
  });

  it("validate reports an unreadable file as a finding (EACCES), and checks the rest", async () => {
    const root = sharedArchive();
    chmodSync(join(root, SEED_PATH), 0o000);
    const r = await runCli(["validate", "--format", "json", "--archive", root], { user: unprivilegedUser() });
    expect(r.code, r.stderr).toBe(1);
    const { problems } = JSON.parse(r.stdout) as { problems: { file: string; rule: string; message: string }[] };
    expect(problems.filter((p) => p.file === SEED_PATH)).toEqual([expect.objectContaining({ rule: "parse-error", message: "cannot read the file (EACCES)" })]);
  });
});

describe("a journal write that fails as on a full disk", () => {
  for (const point of ["journal:1", "journal:2"]) {
    it(`NEWSCTL_FAULT=${point}: exit 3 naming the cause, nothing changed, no journal or temp left`, async () => {
      const root = tempArchive();
      const before = hashTree(root);
      const r = await runCli([...ADD, "--related", SEED_PATH, "--backlink", "--archive", root], { env: { NEWSCTL_FAULT: point } });
      expect(r.code, r.stderr).toBe(3);
      expectRefusal(r.stderr, /^newsctl [a-z -]+: could not write the archive \(.*no space left on the device \(ENOSPC\)\); no file was changed$/);
      expect(changedPaths(before, hashTree(root))).toEqual([]);
      expect(readdirSync(join(root, ".newsctl"))).toEqual([".gitignore"]);
    });
  }
});

describe("long file names (up to the file system's 255 bytes)", () => {
  const slug = `a-long-named-event-${"x".repeat(240)}`.slice(0, 250);
  const dayDir = "news/2020/03/5";
  const path = `${dayDir}/${slug}.md`;
  const title = "A long-named event.";

  function longArchive(): string {
    const root = tempArchive();
    const sources = [{ name: "BBC", url: "https://www.bbc.co.uk/news/1" }];
    const event = { date: "2020-03-05", dayDir, title, summary: "Summary.", sources, cover: null, related: [], contexts: ["Mali"], recorded: "2020-03-05 10:00:00" };
    writeFile(root, path, renderEvent({ ...event, changes: [{ title, path, timestamp: null, kind: "current" }] }));
    writeFile(root, `${dayDir}/index.md`, renderDayPage("2020-03-05", [{ title, path }]));
    return root;
  }

  it("revise an event named with 250 characters: the change lands and the archive stays clean", async () => {
    const root = longArchive();
    const r = await runMain(["revise", path, "--title", "A long-named event, revised.", "--yes", "--archive", root]);
    expect(r.code, r.stderr).toBe(0);
    const v = await runMain(["validate", "--format", "json", "--archive", root]);
    expect(JSON.parse(v.stdout).problems).toEqual([]);
    expect(readdirSync(join(root, ".newsctl"))).toEqual([".gitignore"]);
  });

  it("add --backlink to an event named with 250 characters lands", async () => {
    const root = longArchive();
    const r = await runMain(["add", "--yes", "--date", "2020-03-06", "--title", "Beside it", "--summary", "S.", "--source", "BBC=https://bbc.test/y", "--tag", "Mali", "--related", path, "--backlink", "--archive", root]);
    expect(r.code, r.stderr).toBe(0);
    const v = await runMain(["validate", "--format", "json", "--archive", root]);
    expect(JSON.parse(v.stdout).problems).toEqual([]);
  });

  it("a journal an older newsctl left with a temp name too long: readers warn and read, writers exit 3", async () => {
    const root = longArchive();
    const txid = "4242-lzabc123-deadbeef";
    writeFile(root, `.newsctl/journal-${txid}.json`, JSON.stringify({ state: "commit", entries: [{ path, temp: `${path}.${txid}.newsctl-tmp` }], createdDirs: [] }));
    const list = await runCli(["list", "--date", "2020-03-05", "--archive", root]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain(title);
    expect(list.stderr).toMatch(/^newsctl: warning: \.newsctl\/journal-4242-lzabc123-deadbeef\.json: not a journal newsctl could have written \(the journal has no txid\); it was not acted on; if no newsctl is running, delete it\n$/);
    const w = await runCli([...ADD, "--archive", root]);
    expect(w.code).toBe(3);
  });
});

describe("the state folder in the way", () => {
  it(".newsctl as a file: writers exit 2 naming it, readers warn and read", async () => {
    const root = tempArchive();
    writeFileSync(join(root, ".newsctl"), "not a folder\n");
    const w = await runMain([...ADD, "--archive", root]);
    expect(w.code).toBe(2);
    expectRefusal(w.stderr, /^newsctl [a-z -]+: \.newsctl is not a folder: newsctl keeps its lock and journals in \.newsctl\/; remove it .*nothing was written$/);
    const r = await runMain(["list", "--date", "2013-01-21", "--archive", root]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^newsctl: warning: \.newsctl is not a folder: /);
  });

  it(".newsctl/lock as a folder: writers exit 2 naming it, never an internal error", async () => {
    const root = tempArchive();
    mkdirSync(join(root, ".newsctl/lock"), { recursive: true });
    const w = await runCli([...ADD, "--archive", root], { env: { NEWSCTL_LOCK_TIMEOUT_MS: "300" } });
    expect(w.code).toBe(2);
    expectRefusal(w.stderr, /^newsctl [a-z -]+: .*\.newsctl\/lock is not a lock file newsctl made \(a folder\); remove it if no newsctl is running; nothing was written$/);
    expect(existsSync(join(root, ".newsctl/lock"))).toBe(true);
  });

  it("a day page that is a folder: add exits 2 naming it", async () => {
    const root = tempDir();
    mkdirSync(join(root, "news/2013/01/21/index.md"), { recursive: true });
    const w = await runMain([...ADD, "--archive", root]);
    expect(w.code).toBe(2);
    expectRefusal(w.stderr, /^newsctl [a-z -]+: cannot write news\/2013\/01\/21\/index\.md: news\/2013\/01\/21\/index\.md is not a regular file; nothing was written$/);
  });
});

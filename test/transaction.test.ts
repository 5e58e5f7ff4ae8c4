import { existsSync, lstatSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeAtomically, writeNewFile } from "../src/archive/write/atomic.js";
import { NO_HOOKS } from "../src/archive/write/hooks.js";
import { tempName } from "../src/archive/write/journal.js";
import { acquireLock } from "../src/archive/write/lock.js";
import { recoverTransactions } from "../src/archive/write/recover.js";
import { commitWrites } from "../src/archive/write/transaction.js";
import { changedPaths, hashTree, readText, tempArchive, tempDir, writeFile } from "./helpers.js";

const faults = (...points: string[]) => ({ ...NO_HOOKS, faults: points });

describe("commitWrites", () => {
  it("writes every file and leaves no temp or journal behind", () => {
    const root = tempArchive({ from: null, files: { "news/2020/01/1/a.md": "old a\n" } });
    commitWrites(root, [
      { path: "news/2020/01/1/a.md", content: "new a\n" },
      { path: "news/2020/01/2/b.md", content: "new b\n" },
    ]);
    expect(readText(root, "news/2020/01/1/a.md")).toBe("new a\n");
    expect(readText(root, "news/2020/01/2/b.md")).toBe("new b\n");
    expect(readdirSync(join(root, "news/2020/01/1"))).toEqual(["a.md"]);
    expect(readdirSync(join(root, ".newsctl")).filter((n) => n.startsWith("journal"))).toEqual([]);
  });

  it("changes nothing when a rename fails part-way", () => {
    const root = tempArchive({ files: { "news/2020/01/1/a.md": "old a\n" } });
    const before = hashTree(root);
    expect(() =>
      commitWrites(
        root,
        [
          { path: "news/2020/01/1/a.md", content: "new a\n" },
          { path: "news/2020/01/2/b.md", content: "new b\n" },
          { path: "news/2013/01/21/index.md", content: "changed\n" },
        ],
        faults("rename:3"),
      ),
    ).toThrow(/no file was changed/);
    expect(changedPaths(before, hashTree(root))).toEqual([]);
    expect(existsSync(join(root, "news/2020/01/2"))).toBe(false);
  });

  it("rolls a committed journal forward and a prepared one back", () => {
    const root = tempArchive({ from: null, files: { "news/2020/01/1/a.md": "old a\n", "news/2020/01/1/b.md": "old b\n" } });
    const [t1, t2] = ["1-abc-0000000a", "2-abc-0000000b"];
    writeFile(root, tempName("news/2020/01/1/a.md", t1, 0), "new a\n");
    writeFile(root, tempName("news/2020/01/1/b.md", t2, 0), "new b\n");
    const journal = (txid: string, state: string, path: string) => JSON.stringify({ txid, state, entries: [{ path, temp: tempName(path, txid, 0) }], createdDirs: [] });
    writeFile(root, `.newsctl/journal-${t1}.json`, journal(t1, "commit", "news/2020/01/1/a.md"));
    writeFileSync(join(root, `.newsctl/journal-${t2}.json`), journal(t2, "prepare", "news/2020/01/1/b.md"));
    expect(recoverTransactions(root)).toEqual({ finished: ["news/2020/01/1/a.md"], problems: [] });
    expect(readText(root, "news/2020/01/1/a.md")).toBe("new a\n");
    expect(readText(root, "news/2020/01/1/b.md")).toBe("old b\n");
    expect(readdirSync(join(root, "news/2020/01/1")).sort()).toEqual(["a.md", "b.md"]);
    expect(readdirSync(join(root, ".newsctl"))).toEqual([]);
  });
});

describe("atomic writes", () => {
  it("never follow a link planted at the temp file's name (O_EXCL)", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "victim"), "precious\n");
    symlinkSync(join(dir, "victim"), join(dir, "planted.tmp"));
    expect(() => writeNewFile(join(dir, "planted.tmp"), "attack\n")).toThrow(expect.objectContaining({ code: "EEXIST" }));
    expect(() => writeAtomically(dir, "out.json", "attack\n", { temp: "planted.tmp" })).toThrow(expect.objectContaining({ code: "EEXIST" }));
    expect(readFileSync(join(dir, "victim"), "utf8")).toBe("precious\n");
    expect(lstatSync(join(dir, "planted.tmp")).isSymbolicLink()).toBe(true);
    expect(existsSync(join(dir, "out.json"))).toBe(false);
  });

  it("remove their temp file when the write fails, as on a full disk", () => {
    const dir = tempDir();
    const full = () => {
      throw Object.assign(new Error("no space"), { code: "ENOSPC" });
    };
    expect(() => writeAtomically(dir, "journal.json", "{}", { temp: "journal.json.tmp", beforeWrite: full })).toThrow(/no space/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("the lock", () => {
  it("serialises holders and breaks a lock left by a dead process", async () => {
    const root = tempArchive({ from: null });
    const release = await acquireLock(root);
    await expect(acquireLock(root, { lockTimeoutMs: 200 })).rejects.toThrow(/locked by another newsctl/);
    release();
    writeFile(root, ".newsctl/lock", JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import("node:os")).hostname(), started: Date.now() }));
    const again = await acquireLock(root, { lockTimeoutMs: 2_000 });
    again();
  });
});

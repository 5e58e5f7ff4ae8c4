import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireLock } from "../src/archive/lock.js";
import { commitWrites, recoverTransactions } from "../src/archive/transaction.js";
import { changedPaths, hashTree, readText, tempArchive, writeFile } from "./helpers.js";

afterEach(() => {
  delete process.env["NEWSCTL_FAULT"];
});

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
    process.env["NEWSCTL_FAULT"] = "rename:3";
    expect(() =>
      commitWrites(root, [
        { path: "news/2020/01/1/a.md", content: "new a\n" },
        { path: "news/2020/01/2/b.md", content: "new b\n" },
        { path: "news/2013/01/21/index.md", content: "changed\n" },
      ]),
    ).toThrow(/no file was changed/);
    expect(changedPaths(before, hashTree(root))).toEqual([]);
    expect(existsSync(join(root, "news/2020/01/2"))).toBe(false);
  });

  it("rolls a committed journal forward and a prepared one back", () => {
    const root = tempArchive({ from: null, files: { "news/2020/01/1/a.md": "old a\n", "news/2020/01/1/b.md": "old b\n" } });
    writeFile(root, "news/2020/01/1/a.md.t1.newsctl-tmp", "new a\n");
    writeFile(root, "news/2020/01/1/b.md.t2.newsctl-tmp", "new b\n");
    writeFile(root, ".newsctl/journal-1.json", JSON.stringify({ state: "commit", entries: [{ path: "news/2020/01/1/a.md", temp: "news/2020/01/1/a.md.t1.newsctl-tmp" }], createdDirs: [] }));
    writeFileSync(join(root, ".newsctl/journal-2.json"), JSON.stringify({ state: "prepare", entries: [{ path: "news/2020/01/1/b.md", temp: "news/2020/01/1/b.md.t2.newsctl-tmp" }], createdDirs: [] }));
    expect(recoverTransactions(root)).toEqual(["news/2020/01/1/a.md"]);
    expect(readText(root, "news/2020/01/1/a.md")).toBe("new a\n");
    expect(readText(root, "news/2020/01/1/b.md")).toBe("old b\n");
    expect(readdirSync(join(root, "news/2020/01/1")).sort()).toEqual(["a.md", "b.md"]);
  });
});

describe("the lock", () => {
  it("serialises holders and breaks a lock left by a dead process", async () => {
    const root = tempArchive({ from: null });
    const release = await acquireLock(root);
    await expect(acquireLock(root, { timeoutMs: 200 })).rejects.toThrow(/locked by another newsctl/);
    release();
    writeFile(root, ".newsctl/lock", JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import("node:os")).hostname(), started: Date.now() }));
    const again = await acquireLock(root, { timeoutMs: 2_000 });
    again();
  });
});

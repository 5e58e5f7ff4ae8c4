// The fast read path (worker threads, lean records, lazy text, the parse
// cache) must give exactly what a plain single-threaded read gives.

import { existsSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize } from "node:v8";
import fg from "fast-glob";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain JS module shared with the benchmark
import { generateArchive, writeArchive } from "../bench/generate.mjs";
import { listArchivePaths, readArchive, readArchivePlain } from "../src/archive/read/read-archive.js";
import { selectFiles } from "../src/commands/list/index.js";
import { toListItem } from "../src/commands/list/item.js";
import type { Archive } from "../src/archive/types.js";
import { runCli, tempDir, writeFile } from "./helpers.js";

const HOUR_AGO = Date.now() / 1000 - 3600;

/** A generated archive plus every quirk the reader must survive, all stamped an hour ago. */
function quirkyArchive(): string {
  const root = tempDir();
  const { files } = generateArchive({ events: 120, seed: 7 }) as { files: Map<string, string> };
  writeArchive(root, files);
  const extra: Record<string, string | Buffer> = {
    "news/2013/01/21/dated.md": "---\nrecorded: 2017-08-25\nn: .nan\ncontexts: [Mali, 7]\n---\n# Dated\n\nBody.\n",
    "news/2013/01/21/crlf.md": "\uFEFF### [2013-01-21](/news/2013/01/21/index.md)\r\n\r\n# Crlf \r\n\r\n### Related:\r\n1. [x](/news/../../etc/passwd) _Context: A_\r\n",
    "news/2013/01/21/empty.md": "",
    "news/2013/01/21/binary.md": Buffer.from([0x23, 0, 1, 2]),
    "news/2013/01/21/latin1.md": Buffer.from([0x23, 0x20, 0xe9, 0x0a]),
    "news/2013/01/21/js.md": "---js\n{ a: 1 }\n---\n# Js\n",
    "news/2013/01/21/unclosed.md": "---\na: 1\n# Never closed\n",
    "news/2013/01/21/notitle.md": "Just text.\n",
    "news/loose.md": "# Loose\n",
    "news/2013/loose.md": "# Loose too\n",
    "news/2013/01/05/padded.md": "### [2013-01-05](/news/2013/01/05/index.md)\n\n# Padded\n",
    "news/2013/01/21/.hidden.md": "# Hidden\n",
    "news/.dot/2013/x.md": "# In a dot folder\n",
    "news/2013/01/21/notes.txt": "not markdown\n",
  };
  for (const [path, content] of Object.entries(extra)) writeFile(root, path, content);
  symlinkSync(join(root, "news/2013/01/21/crlf.md"), join(root, "news/2013/01/21/link.md"));
  stampAll(root, HOUR_AGO);
  return root;
}

function stampAll(root: string, seconds: number): void {
  for (const path of listArchivePaths(root)) utimesSync(join(root, path), seconds, seconds);
}

/** Everything a caller can see, as plain data; reading `doc` loads it where it is lazy. */
function snapshot(archive: Archive): unknown {
  const files = [...archive.files.entries()].map(([path, f]) => [path, Object.keys(f).sort(), { ...f }]);
  return {
    files,
    events: archive.events.map((e) => ({ versions: e.versions.map((v) => v.path), current: e.current.path, contexts: e.contexts })),
    eventOf: [...archive.eventOf.entries()].map(([path, e]) => [path, e.current.path]),
    days: [...archive.days.entries()].map(([date, d]) => [date, d.dirs, d.page?.path ?? null, d.files.map((f) => f.path)]),
    inbound: [...archive.inbound.entries()],
  };
}

describe("fast read path", () => {
  it("lists exactly what fast-glob's news/**/*.md lists", () => {
    const root = quirkyArchive();
    const globbed = fg.sync("news/**/*.md", { cwd: root, onlyFiles: true, followSymbolicLinks: false, suppressErrors: true, dot: false }).sort();
    expect(listArchivePaths(root)).toEqual(globbed);
  });

  it("reads on worker threads the same archive, field by field, as a plain read", () => {
    const root = quirkyArchive();
    const plain = readArchivePlain(root);
    expect(plain.files.size).toBeGreaterThan(200);
    for (const workers of [1, 2]) expect(snapshot(readArchive(root, { workers, cache: false }))).toEqual(snapshot(plain));
    expect(existsSync(join(root, ".newsctl"))).toBe(false);
  });

  it("keeps YAML dates as dates and notes as notes through the worker", () => {
    const root = quirkyArchive();
    const fast = readArchive(root, { workers: 1, cache: false });
    const dated = fast.files.get("news/2013/01/21/dated.md");
    expect(dated?.kind === "event" && dated.frontMatter?.data?.["recorded"]).toBeInstanceOf(Date);
    expect(fast.files.get("news/2013/01/21/binary.md")?.kind).toBe("unreadable");
  });

  it("uses the cache only where a file is unchanged: changed, added and removed files are seen", () => {
    const root = quirkyArchive();
    for (const workers of [0, 1]) expect(snapshot(readArchive(root, { workers, cache: true }))).toEqual(snapshot(readArchivePlain(root)));
    expect(readFileSync(join(root, ".newsctl", ".gitignore"), "utf8")).toBe("*\n");
    expect(readdirSync(join(root, ".newsctl", "cache")).length).toBeGreaterThan(20);

    const changed = "news/2013/01/21/crlf.md";
    const before = readFileSync(join(root, changed), "utf8");
    // Same size, new bytes, a later (but not recent) mtime.
    writeFileSync(join(root, changed), before.replace("Crlf", "Flrc"));
    utimesSync(join(root, changed), HOUR_AGO + 60, HOUR_AGO + 60);
    writeFile(root, "news/2013/01/21/added.md", "# Added\n");
    const removed = listArchivePaths(root).find((p) => p.startsWith("news/20") && p.endsWith("index.md"))!;
    rmSync(join(root, removed));
    utimesSync(join(root, "news/2013/01/21/added.md"), HOUR_AGO, HOUR_AGO);

    for (const workers of [0, 1]) {
      const fast = readArchive(root, { workers, cache: true });
      expect(snapshot(fast)).toEqual(snapshot(readArchivePlain(root)));
      const title = fast.files.get(changed);
      expect(title?.kind === "event" && title.title?.text).toBe("Flrc ");
      expect(fast.files.has("news/2013/01/21/added.md")).toBe(true);
      expect(fast.files.has(removed)).toBe(false);
    }
  });

  it("ignores a corrupt or foreign cache shard and rebuilds it", () => {
    const root = quirkyArchive();
    readArchive(root, { workers: 0, cache: true });
    const dir = join(root, ".newsctl", "cache");
    const shards = readdirSync(dir);
    const bad = join(dir, shards[0]!);
    const good = readFileSync(bad);
    writeFileSync(bad, Buffer.concat([good.subarray(0, 4), Buffer.from("garbage"), good.subarray(11)]));
    writeFileSync(join(dir, shards[1]!), "");
    writeFileSync(join(dir, shards[2]!), good);
    expect(snapshot(readArchive(root, { workers: 0, cache: true }))).toEqual(snapshot(readArchivePlain(root)));
    // Rewritten with the same records (the bytes may differ: V8 may store a string one- or two-byte).
    expect(deserialize(readFileSync(bad).subarray(4))).toEqual(deserialize(good.subarray(4)));
  });

  it("does not cache a file changed in the last second (an edit in the same mtime tick would hide)", () => {
    const root = quirkyArchive();
    const path = "news/2013/01/21/crlf.md";
    const now = Date.now() / 1000;
    utimesSync(join(root, path), now, now);
    readArchive(root, { workers: 0, cache: true });
    writeFileSync(join(root, path), readFileSync(join(root, path), "utf8").replace("Crlf", "Flrc"));
    utimesSync(join(root, path), now, now);
    const file = readArchive(root, { workers: 0, cache: true }).files.get(path);
    expect(file?.kind === "event" && file.title?.text).toBe("Flrc ");
  });

  it("refuses a lazily read text that changed on disk since it was parsed", () => {
    const root = quirkyArchive();
    const fast = readArchive(root, { workers: 1, cache: false });
    const path = "news/2013/01/21/crlf.md";
    writeFileSync(join(root, path), "# Something else entirely\n");
    expect(() => fast.files.get(path)!.kind === "event" && (fast.files.get(path) as { doc: unknown }).doc).toThrow(/changed on disk/);
  });

  it("gives list the same answer from the binary, cold, warm and after a change", async () => {
    const root = quirkyArchive();
    const expected = (archive: Archive) => selectFiles(archive, { tag: ["Mali"] }).map((f) => toListItem(archive, f));
    const run = async () => JSON.parse((await runCli(["list", "--tag", "mali", "--format", "json", "--archive", root])).stdout);
    expect(await run()).toEqual(expected(readArchivePlain(root)));
    expect(existsSync(join(root, ".newsctl", "cache"))).toBe(true);
    expect(await run()).toEqual(expected(readArchivePlain(root)));
    writeFile(root, "news/2013/01/21/mali.md", "---\ncontexts: [Mali]\n---\n# A new one about Mali\n");
    const after = await run();
    expect(after).toEqual(expected(readArchivePlain(root)));
    expect(after.some((item: { path: string }) => item.path === "news/2013/01/21/mali.md")).toBe(true);
  });
});

describe("validate and the cache", () => {
  it("reports the same findings cold, warm and with --no-cache, and --no-cache leaves no cache", async () => {
    const root = quirkyArchive();
    const run = async (...extra: string[]) => {
      const r = await runCli(["validate", "--format", "json", ...extra, "--archive", root]);
      return { code: r.code, problems: JSON.parse(r.stdout).problems };
    };
    const bare = await run("--no-cache");
    expect(existsSync(join(root, ".newsctl", "cache"))).toBe(false);
    expect(bare.problems.length).toBeGreaterThan(5);
    expect(await run()).toEqual(bare);
    expect(existsSync(join(root, ".newsctl", "cache"))).toBe(true);
    expect(await run()).toEqual(bare);
  });
});

import { describe, expect, it } from "vitest";
import { changedPaths, hashTree, readText, runCli, tempArchive } from "./helpers.js";
import { citingArchive, eventText, startServer, type TestServer } from "./online-server.js";
import { runOnline } from "./online-run.js";

const DAY = "news/2013/01/21";

/** Event 2 has a BOM and CRLF line ends; event 4's new address holds an unbalanced `(`, which markdown needs escaped. */
async function movedArchive() {
  const server = await startServer();
  server.route((_req, res, path) => path === "/moved-paren" && (res.writeHead(301, { location: "/new/a(b" }).end(), true));
  const u = (p: string) => server.url(p, "a.test");
  const files = citingArchive([[u("/moved/a"), u("/ok")], [], [u("/ok")], [u("/moved-paren")]]);
  files[`${DAY}/event-2.md`] = "\uFEFF" + eventText("Event 2", "event-2", [`${u("/moved/a")}#part`, u("/moved/b")], "\r\n");
  return { server, root: tempArchive({ from: null, files }), u };
}

describe("validate --online --fix", () => {
  it("writes a moved URL's new address on every line that cites it, and changes nothing else", async () => {
    const { server, root, u } = await movedArchive();
    const before = hashTree(root);
    const original1 = readText(root, `${DAY}/event-1.md`);
    const original2 = readText(root, `${DAY}/event-2.md`);
    const { code, report, stderr } = await runOnline(root, ["--fix"]);

    expect(changedPaths(before, hashTree(root))).toEqual([`${DAY}/event-1.md`, `${DAY}/event-2.md`, `${DAY}/event-4.md`]);
    // Byte for byte: only the URLs of those lines differ (BOM, CRLF and the fragment kept).
    expect(readText(root, `${DAY}/event-1.md`)).toBe(original1.replace(`(${u("/moved/a")})`, `(${u("/new/a")})`));
    expect(readText(root, `${DAY}/event-2.md`)).toBe(
      original2.replace(`(${u("/moved/a")}#part)`, `(${u("/new/a")}#part)`).replace(`(${u("/moved/b")})`, `(${u("/new/b")})`),
    );
    expect(stderr).toContain(`newsctl: fixed moved-url: ${DAY}/event-1.md:9: now cites ${u("/new/a")}\n`);
    // The unbalanced parenthesis is escaped, so the link reads back as the new address.
    expect(readText(root, `${DAY}/event-4.md`)).toContain(`(${u("/new/a")}\\(b)`);
    expect(stderr).toContain("newsctl: fixed 4 problems in 3 files\n");
    // Nothing is left; the check after the fix asked nothing again.
    expect(report!.problems).toEqual([]);
    expect(code).toBe(0);
    expect(server.count("/new/a")).toBe(1);
    expect(server.count("/moved/a")).toBe(1);

    const settled = hashTree(root);
    const again = await runOnline(root, ["--fix"]);
    expect(again.stderr).toMatch(/^newsctl: nothing to fix\n/);
    expect(changedPaths(settled, hashTree(root))).toEqual([]);
  });

  it("--dry-run shows the diff and writes nothing", async () => {
    const { root, u } = await movedArchive();
    const before = hashTree(root);
    const { stderr, report } = await runOnline(root, ["--fix", "--dry-run"]);
    expect(changedPaths(before, hashTree(root))).toEqual([]);
    expect(stderr).toContain(`-1. [Source 1](${u("/moved/a")})\n+1. [Source 1](${u("/new/a")})\n`);
    expect(stderr).toContain("newsctl: would fix 4 problems in 3 files; nothing was written\n");
    expect(report!.problems).toEqual([]);
  });

  it("moved-url names the new address in the JSON too, and SARIF lists the three rules", async () => {
    const { root, u } = await movedArchive();
    const { report } = await runOnline(root, []);
    expect(report!.problems.find((p) => p.file.endsWith("event-1.md"))!.suggestion).toBe(u("/new/a"));
    const sarif = await runOnline(root, ["--format", "sarif"]);
    const rules = JSON.parse(sarif.stdout).runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
    expect(rules).toEqual(expect.arrayContaining(["dead-url", "moved-url", "unverifiable-url"]));
  });
});

function wayback(server: TestServer, asked: URLSearchParams[]): void {
  server.route((req, res, path) => {
    if (!path.startsWith("/wayback/available")) return false;
    const query = new URL(path, "http://x").searchParams;
    asked.push(query);
    const url = query.get("url") ?? "";
    const closest = { available: true, status: "200", timestamp: "20130121000000", url: `http://web.archive.org/web/20130121000000/${url}` };
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ url, archived_snapshots: url.includes("/kept") ? { closest } : {} }));
    return true;
  });
}

describe("validate --online --suggest-archived", () => {
  it("names an archived copy of each dead URL, and writes it only with --fix", async () => {
    const server = await startServer();
    const asked: URLSearchParams[] = [];
    wayback(server, asked);
    const kept = server.url("/gone404/kept", "a.test");
    const root = tempArchive({ from: null, files: citingArchive([[kept], [server.url("/gone404/lost", "a.test")], [server.url("/ok", "a.test")]]) });
    const before = hashTree(root);
    const copy = `https://web.archive.org/web/20130121000000/${kept}`;

    const { report } = await runOnline(root, ["--suggest-archived", "--wayback-url", server.url("/wayback/available")]);
    expect(report!.problems.map((p) => [p.rule, p.suggestion])).toEqual([["dead-url", copy], ["dead-url", undefined]]);
    expect(report!.problems[0]!.message).toBe(`source URL ${kept} is dead: 404 Not Found; archived copy: ${copy}`);
    expect(asked.map((q) => [q.get("url"), q.get("timestamp")])).toEqual(
      expect.arrayContaining([[kept, "20130121"], [server.url("/gone404/lost", "a.test"), "20130121"]]),
    );
    expect(asked).toHaveLength(2);
    expect(changedPaths(before, hashTree(root))).toEqual([]);

    // The endpoint may come from the environment; --fix writes the copy in place of the dead URL.
    const fixed = await runOnline(root, ["--suggest-archived", "--fix"], { env: { NEWSCTL_WAYBACK_URL: server.url("/wayback/available") } });
    expect(changedPaths(before, hashTree(root))).toEqual([`${DAY}/event-1.md`]);
    expect(readText(root, `${DAY}/event-1.md`)).toContain(`1. [Source 1](${copy})\n`);
    expect(fixed.report!.problems.map((p) => [p.file, p.rule])).toEqual([[`${DAY}/event-2.md`, "dead-url"]]);
    expect(fixed.code).toBe(1);
  });
});

describe("validate --online through the real binary", () => {
  it("reports in every format with no progress off a terminal, and --fix writes through the transaction", async () => {
    const server = await startServer();
    const root = tempArchive({ from: null, files: citingArchive([[server.url("/ok")], [server.url("/gone404")], [server.url("/moved/x")]]) });
    const github = await runCli(["validate", "--online", "--format", "github", "--archive", root]);
    expect(github.code).toBe(1);
    expect(github.stderr).toBe("");
    expect(github.stdout).toContain(`::error file=${DAY}/event-2.md,line=9,col=15,title=dead-url::source URL ${server.url("/gone404")} is dead: 404 Not Found\n`);
    expect(github.stdout).toContain(`::warning file=${DAY}/event-3.md,line=9,col=15,title=moved-url::`);

    const before = hashTree(root);
    const text = await runCli(["validate", "--online", "--fix", "--timeout", "2s", "--archive", root]);
    expect(text.stderr).toContain(`newsctl: fixed moved-url: ${DAY}/event-3.md:9: now cites ${server.url("/new/x")}\n`);
    expect(text.stdout).toMatch(/\n1 problem \(1 error, 0 warnings\) in 4 files, 3 events\n$/);
    expect(changedPaths(before, hashTree(root))).toEqual([`${DAY}/event-3.md`]);
    expect(text.code).toBe(1);
  });
});

// Random damage across files, for comparing two readings of the same
// archive: the kinds of disagreement between files that only the
// whole-archive rules see (versions that disagree, pages listing old
// versions, links to the wrong version, split and padded days, titles two
// files share, declared tags), on a generated archive's files in memory.

// @ts-expect-error: plain JS module
import { mulberry32 } from "../../bench/random.mjs";

type Files = Map<string, string>;

const ITEM = /^(\s*\d+[.)]\s+)\[([^\]]*)\]\(([^)]*)\)(.*)$/;

export function scramble(input: Files, seed: number, count: number): Files {
  const files = new Map(input);
  const rand = mulberry32(seed) as () => number;
  const pick = <T>(list: T[]): T | undefined => (list.length ? list[Math.floor(rand() * list.length)] : undefined);
  const paths = () => [...files.keys()].sort();
  const events = () => paths().filter((p) => !p.endsWith("/index.md"));
  const pages = () => paths().filter((p) => p.endsWith("/index.md"));
  const lines = (p: string) => files.get(p)!.split("\n");
  const setLines = (p: string, ls: string[]) => files.set(p, ls.join("\n"));
  const itemLines = (p: string) => lines(p).map((l, i) => [l, i] as const).filter(([l]) => ITEM.test(l));
  const retarget = (line: string, dest: string) => line.replace(ITEM, (_m, n, t, _d, rest) => `${n}[${t}](${dest})${rest}`);

  const ops: (() => void)[] = [
    // A page lists an entry twice, or lists an older version of an event.
    () => {
      const p = pick(pages());
      const item = p && pick(itemLines(p));
      if (!p || !item) return;
      const ls = lines(p);
      ls.splice(item[1] + 1, 0, item[0]);
      setLines(p, ls);
    },
    () => {
      const e = pick(events());
      const page = e && e.slice(0, e.lastIndexOf("/")) + "/index.md";
      if (!e || !page || !files.has(page)) return;
      const changes = itemLines(e).filter(([l]) => /\((First version|Update)\)/.test(l));
      for (const [l] of changes.slice(0, 2)) {
        const m = ITEM.exec(l)!;
        files.set(page, files.get(page)! + `\n9. [${m[2]}](${m[3]})`);
      }
      // Sometimes without the current version: the first old entry is then repointed, the next removed.
      const current = itemLines(e).find(([l]) => l.includes("(Current version)"));
      if (current && rand() < 0.5) setLines(page, lines(page).filter((l) => !l.includes(`(${ITEM.exec(current[0])![3]})`)));
    },
    // (Current version) marks taken away, doubled or pointed elsewhere.
    () => {
      const e = pick(events());
      if (!e) return;
      const r = rand();
      files.set(e, r < 0.4 ? files.get(e)!.replace("(Current version)", "(Update)") : r < 0.7 ? files.get(e)!.replace("(First version)", "(Current version)") : files.get(e)!.replace(/_\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(Update\)_/, "_(Current version)_"));
    },
    // A file gone.
    () => {
      const p = pick(paths());
      if (p) files.delete(p);
    },
    // A link pointed at another file, a missing one, a page, or spelled another way.
    () => {
      const e = pick(events());
      const item = e && pick(itemLines(e));
      const other = pick(paths());
      if (!e || !item || !other) return;
      const dir = e.slice(0, e.lastIndexOf("/"));
      const name = other.slice(other.lastIndexOf("/") + 1);
      const ways = [`/${other}`, `/${other.replace(/\.md$/, "-gone.md")}`, `/${dir}/index.md`, `/${other.slice(0, -name.length)}%${name.charCodeAt(0).toString(16)}${name.slice(1)}`, `/${dir}/./../${dir.slice(dir.lastIndexOf("/") + 1)}/${name}`, `https://example.org/${name}`, `/news/../../${name}`];
      const ls = lines(e);
      ls[item[1]] = retarget(item[0], pick(ways)!);
      setLines(e, ls);
    },
    // Declared tags, sometimes not the ones the Related items name.
    () => {
      const e = pick(events());
      if (!e || files.get(e)!.startsWith("---")) return;
      const tags = pick([["Mali"], ["Mali", "France"], [], ["mali", " Gao "], ["Kyiv", 7]])!;
      files.set(e, `---\ncontexts: [${tags.map((t) => JSON.stringify(t)).join(", ")}]\n---\n` + files.get(e)!);
    },
    // A day split over 1/ and 01/, or moved to its padded folder.
    () => {
      const p = pick(paths().filter((x) => /\/\d\/[^/]+$/.test(x)));
      if (!p) return;
      const padded = p.replace(/\/(\d)\/([^/]+)$/, "/0$1/$2");
      files.set(padded, files.get(p)!);
      if (rand() < 0.5) files.delete(p);
    },
    // Versions that disagree on their Changes list.
    () => {
      const e = pick(events());
      if (!e) return;
      const r = rand();
      const ls = lines(e);
      const items = itemLines(e).filter(([l]) => /\((First version|Update|Current version)\)/.test(l));
      const item = pick(items);
      if (!item) return;
      if (r < 0.3) ls[item[1]] = item[0].replace(/\d\d:\d\d:\d\d/, "00:00:00");
      else if (r < 0.6) ls.splice(item[1], 1);
      else if (r < 0.8) ls.splice(item[1] + 1, 0, "3. [Elsewhere](https://example.org/x) _2017-01-01 00:00:00 (Update)_");
      else ls[item[1]] = retarget(item[0], `/${pick(events())}`);
      setLines(e, ls);
    },
    // Titles changed (copies go stale) or shared by two files.
    () => {
      const [a, b] = [pick(events()), pick(events())];
      if (!a || !b) return;
      const title = rand() < 0.5 ? "# Shared title" : /^# .*$/m.exec(files.get(b)!)?.[0];
      if (title) files.set(a, files.get(a)!.replace(/^# .*$/m, title));
    },
    // A date line that links to another day, or says another date.
    () => {
      const e = pick(events());
      const other = pick(pages());
      if (!e || !other) return;
      files.set(e, rand() < 0.5 ? files.get(e)!.replace(/^(### \[[^\]]*\])\([^)]*\)/m, `$1(/${other})`) : files.get(e)!.replace(/^### \[\d{4}/m, "### [1999"));
    },
    // A file that is not an event any more.
    () => {
      const p = pick(paths());
      if (p) files.set(p, pick(["", "no title here\n", "---js\n1\n---\n# T\n", "# \n", "\0binary"])!);
    },
  ];
  for (let i = 0; i < count; i++) pick(ops)!();
  return files;
}

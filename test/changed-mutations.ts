// Random edits an editor (or a careless script) makes to an archive, for the
// --changed-since tests: each picks its target with the seeded generator and
// changes files on disk directly, as a text editor or `git checkout` would.

import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { listArchivePaths } from "../src/archive/read/read-archive.js";

export interface Mutator {
  root: string;
  rand: () => number;
  /** A counter for fresh names. */
  n: number;
}

type Mutation = (m: Mutator) => string | null;

const pick = <T>(m: Mutator, list: T[]): T | undefined => list[Math.floor(m.rand() * list.length)];
const eventPaths = (m: Mutator) => listArchivePaths(m.root).filter((p) => !p.endsWith("/index.md") && /^news\/\d{4}\/\d{2}\/\d{1,2}\/[^/]+\.md$/.test(p));
const dayPages = (m: Mutator) => listArchivePaths(m.root).filter((p) => p.endsWith("/index.md"));
const read = (m: Mutator, p: string) => readFileSync(join(m.root, p), "utf8");
const write = (m: Mutator, p: string, text: string | Buffer) => {
  mkdirSync(dirname(join(m.root, p)), { recursive: true });
  writeFileSync(join(m.root, p), text);
};
const linesWith = (text: string, re: RegExp) => text.split("\n").filter((l) => re.test(l));
const titleOf = (text: string) => /^# (.*)$/m.exec(text)?.[1]?.replace(/\r$/, "") ?? null;

/** Change one line of a random file that has a line matching `re`; null when none does. */
function editLine(m: Mutator, paths: string[], re: RegExp, change: (line: string) => string): string | null {
  for (let tries = 0; tries < 20; tries++) {
    const path = pick(m, paths);
    if (!path || !existsSync(join(m.root, path))) continue;
    const text = read(m, path);
    const line = pick(m, linesWith(text, re));
    if (line === undefined) continue;
    write(m, path, text.replace(line, change(line)));
    return path;
  }
  return null;
}

export const MUTATIONS: Record<string, Mutation> = {
  retitle: (m) => editLine(m, eventPaths(m), /^# /, (l) => `# Retitled ${m.n++} ${l.slice(2)}`),
  deleteEvent: (m) => {
    const path = pick(m, eventPaths(m));
    if (path) rmSync(join(m.root, path));
    return path ?? null;
  },
  deleteDayPage: (m) => {
    const path = pick(m, dayPages(m));
    if (path) rmSync(join(m.root, path));
    return path ?? null;
  },
  renameEvent: (m) => {
    const path = pick(m, eventPaths(m));
    if (!path) return null;
    const to = path.replace(/\.md$/, `-moved-${m.n++}.md`);
    renameSync(join(m.root, path), join(m.root, to));
    return to;
  },
  // A copy in another day folder: a stray version that lists the event's files in its Changes.
  copyElsewhere: (m) => {
    const [from, day] = [pick(m, eventPaths(m)), pick(m, dayPages(m))];
    if (!from || !day) return null;
    const to = `${dirname(day)}/copy-${m.n++}.md`;
    write(m, to, read(m, from));
    return to;
  },
  dropCurrentMark: (m) => editLine(m, eventPaths(m), /\(Current version\)/, (l) => l.replace("(Current version)", "(Update)")),
  markCurrent: (m) => editLine(m, eventPaths(m), /\((First version|Update)\)/, (l) => l.replace(/_.*\((First version|Update)\)_/, "_(Current version)_")),
  staleRelated: (m) => editLine(m, eventPaths(m), /^\d+\. \[.*_Context:/, (l) => l.replace("[", "[Old: ")),
  // A link to a file that does not exist, whose text is some other file's title (a "renamed?" hint, or not when two share it).
  brokenWithTitle: (m) => {
    const other = pick(m, eventPaths(m));
    const title = other ? titleOf(read(m, other)) : null;
    if (!title) return null;
    return editLine(m, eventPaths(m), /^\d+\. \[.*_Context:/, (l) => l.replace(/\[.*?\]\((\/news\/[^)]*)\.md\)/, `[${title}]($1-gone.md)`));
  },
  // Point a Related item at another event's file, percent-encoded or as written.
  relink: (m) => {
    const target = pick(m, eventPaths(m));
    if (!target) return null;
    const dest = m.rand() < 0.5 ? `/${target}` : "/" + target.replace(/a/g, "%61");
    return editLine(m, eventPaths(m), /^\d+\. \[.*_Context:/, (l) => l.replace(/\]\([^)]*\)/, `](${dest})`));
  },
  dropDayEntry: (m) => editLine(m, dayPages(m), /^\d+\. \[/, () => ""),
  duplicateDayEntry: (m) => editLine(m, dayPages(m), /^\d+\. \[/, (l) => `${l}\n${l}`),
  padDayFolder: (m) => {
    const page = pick(m, dayPages(m).filter((p) => /\/\d\/index\.md$/.test(p)));
    if (!page) return null;
    const dir = dirname(page);
    const padded = dir.replace(/\/(\d)$/, "/0$1");
    if (existsSync(join(m.root, padded))) return null;
    renameSync(join(m.root, dir), join(m.root, padded));
    return `${padded}/index.md`;
  },
  binaryFile: (m) => {
    const path = pick(m, eventPaths(m));
    if (path) write(m, path, Buffer.from([0x23, 0x20, 0x00, 0x41]));
    return path ?? null;
  },
  emptyFile: (m) => {
    const path = pick(m, eventPaths(m));
    if (path) write(m, path, "");
    return path ?? null;
  },
  crlfAndBom: (m) => {
    const path = pick(m, eventPaths(m));
    if (path) write(m, path, "\uFEFF" + read(m, path).replace(/\r?\n/g, "\r\n"));
    return path ?? null;
  },
  badPath: (m) => {
    const path = `news/${1995 + Math.floor(m.rand() * 30)}/stray-${m.n++}.md`;
    write(m, path, "# A file in the wrong place\n");
    return path;
  },
  symlink: (m) => {
    const [day, target] = [pick(m, dayPages(m)), pick(m, eventPaths(m))];
    if (!day || !target) return null;
    const path = `${dirname(day)}/link-${m.n++}.md`;
    symlinkSync(join(m.root, target), join(m.root, path));
    return path;
  },
  declareContexts: (m) => editLine(m, eventPaths(m), /^### \[/, (l) => `---\ncontexts: [Nowhere${m.n++}]\n---\n${l}`),
  newEvent: (m) => {
    const [day, other] = [pick(m, dayPages(m)), pick(m, eventPaths(m))];
    if (!day || !other) return null;
    const dir = dirname(day);
    const date = /(\d{4})\/(\d{2})\/(\d+)$/.exec(dir)!;
    const title = m.rand() < 0.3 ? (titleOf(read(m, other)) ?? "Untitled") : `A new event ${m.n++}`;
    const path = `${dir}/new-event-${m.n++}.md`;
    const text = [
      `### [${date[1]}-${date[2]}-${date[3]!.padStart(2, "0")}](/${dir}/index.md)`,
      "",
      `# ${title}`,
      "",
      "Something happened.",
      "",
      "### Source:",
      "",
      "1. [BBC](https://www.bbc.co.uk/news/1)",
      "",
      "### Related:",
      "",
      `1. [Old title](/${other}) _Context: Mali_`,
      "",
      "### Changes:",
      "",
      `1. [${title}](/${path}) _(Current version)_`,
      "",
    ].join("\n");
    write(m, path, text);
    return path;
  },
};

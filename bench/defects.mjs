// Known defects injected into a generated archive, each with the file, line
// and rule that `newsctl validate` must report for it, and nothing else.
//   injectDefects(files: Map<path, text>, count, seed) -> { files, manifest }
// The input map is left as it is; same arguments, same output.

import { mulberry32 } from "./random.mjs";

const ITEM = /^\d+\.\s+\[/;
const BAD_URLS = [(k) => `htp//www.example.org/news/${k}`, (k) => `javascript:alert(${k})`, (k) => `www.example.org/no-scheme/${k}`, (k) => `<http://www.example.org/a b/${k}>`];

/** Lines (without their line ending, which is kept apart) and where each section's items are. */
function readEvent(text) {
  const parts = text.split("\n");
  const lines = parts.map((l) => l.replace(/\r$/, ""));
  const sections = { source: [], related: [], changes: [] };
  let section = null;
  let dateLine = -1;
  let titleLine = -1;
  lines.forEach((line, i) => {
    if (/^### Source:/.test(line)) section = "source";
    else if (/^### Related:/.test(line)) section = "related";
    else if (/^### Changes:/.test(line)) section = "changes";
    else if (dateLine < 0 && /^### \[\d{4}-\d{2}-\d{2}\]\(/.test(line)) dateLine = i;
    else if (titleLine < 0 && /^# /.test(line)) titleLine = i;
    else if (section && ITEM.test(line)) sections[section].push(i);
  });
  return { parts, lines, sections, dateLine, titleLine };
}

function isCurrent(path, event) {
  return event.sections.changes.some((i) => event.lines[i].includes(`(/${path})`) && event.lines[i].includes("(Current version)"));
}

/** Replace line i's text, keeping its "\r" if it had one. */
function setLine(event, i, text) {
  event.parts[i] = event.parts[i].endsWith("\r") ? text + "\r" : text;
  event.lines[i] = text;
}

function setDest(line, dest) {
  return line.replace(/\]\([^)\s]*\)/, `](${dest})`);
}

const INJECTORS = [
  // A Related target that does not exist.
  { rule: "broken-link", pick: (e) => e.sections.related, apply: (e, i) => setLine(e, i, e.lines[i].replace(/\.md\)/, "-was-never-written.md)")) },
  // A source URL that is not an absolute http(s) URL.
  {
    rule: "bad-url",
    pick: (e) => e.sections.source.filter((i) => !e.lines[i].includes("[Cover Image]")),
    apply: (e, i, k) => setLine(e, i, setDest(e.lines[i], BAD_URLS[k % BAD_URLS.length](k))),
  },
  // A current version left out of its day page: reported on the event's title line.
  { rule: "not-in-index", currentOnly: true, pick: (e) => (e.titleLine >= 0 ? [e.titleLine] : []), apply: null },
  // A date line that disagrees with the folder.
  {
    rule: "date-mismatch",
    pick: (e) => (e.dateLine >= 0 ? [e.dateLine] : []),
    apply: (e, i) => setLine(e, i, e.lines[i].replace(/\[(\d{4})-\d{2}-\d{2}\]/, (_, y) => `[${Number(y) - 1}-01-01]`)),
  },
  // A Related link that climbs out of the archive.
  { rule: "outside-archive", pick: (e) => e.sections.related, apply: (e, i) => setLine(e, i, setDest(e.lines[i], "/news/../../etc/passwd")) },
  // A Related title copy that went stale (a warning: current versions only).
  { rule: "stale-title", currentOnly: true, pick: (e) => e.sections.related, apply: (e, i) => setLine(e, i, e.lines[i].replace("[", "[Earlier: ")) },
];

export function injectDefects(files, count, seed) {
  const rand = mulberry32(seed);
  const out = new Map(files);
  const paths = [...files.keys()].filter((p) => !p.endsWith("/index.md")).sort();
  const events = new Map();
  const eventOf = (path) => {
    if (!events.has(path)) events.set(path, readEvent(out.get(path)));
    return events.get(path);
  };
  const used = new Set();
  const manifest = [];
  for (let k = 0; k < count; k++) {
    const injector = INJECTORS[k % INJECTORS.length];
    // A few hundred tries at most: a small archive may run out of places for a kind.
    for (let attempt = 0; attempt < 500; attempt++) {
      const path = paths[Math.floor(rand() * paths.length)];
      const event = eventOf(path);
      if (injector.currentOnly && !isCurrent(path, event)) continue;
      const lines = injector.pick(event);
      if (lines.length === 0) continue;
      const i = lines[Math.floor(rand() * lines.length)];
      const key = injector.rule === "not-in-index" ? `${path}:index` : `${path}:${i}`;
      if (used.has(key) || used.has(`${path}:${i}`)) continue;
      used.add(key);
      used.add(`${path}:${i}`);
      if (injector.apply) {
        injector.apply(event, i, k);
        out.set(path, event.parts.join("\n"));
      } else {
        dropFromDayPage(out, path);
      }
      manifest.push({ file: path, line: i + 1, rule: injector.rule });
      break;
    }
  }
  manifest.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return { files: out, manifest };
}

function dropFromDayPage(files, path) {
  const page = path.slice(0, path.lastIndexOf("/")) + "/index.md";
  const text = files.get(page);
  files.set(page, text.split("\n").filter((line) => !line.includes(`(/${path})`)).join("\n"));
}

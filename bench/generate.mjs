// A deterministic archive generator in the seed's format, for round-trip
// tests and the benchmark. Usage:
//   node bench/generate.mjs --events N --seed S --out DIR [--defects K]
// Same arguments, same bytes.

import { mkdirSync, writeFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { mulberry32 } from "./random.mjs";

export { mulberry32 };

const PLACES = ["Mali", "France", "Diabaly", "Douentza", "Gao", "Timbuktu", "Syria", "Aleppo", "Ukraine", "Kyiv", "Brazil", "Chile", "Japan", "Osaka", "Kenya", "Nairobi", "India", "Delhi", "Peru", "Lima", "Iceland", "Canada", "Mexico", "Egypt", "Cairo", "Nigeria", "Lagos", "Germany", "Berlin", "Spain"];
const TOPICS = ["Islamist", "Election", "Earthquake", "Flood", "Protest", "Economy", "Football", "Health", "Climate", "Court", "Refugees", "Aviation", "Energy", "Science", "Space"];
const SUBJECTS = ["Government troops", "Rebel forces", "The prime minister", "Protesters", "Rescue workers", "The central bank", "Scientists", "The supreme court", "Opposition leaders", "Aid agencies", "Local authorities", "Investigators"];
const VERBS = ["retake", "capture", "announce", "reject", "approve", "evacuate", "investigate", "suspend", "launch", "confirm", "deny", "restore"];
const OBJECTS = ["the key town", "a new constitution", "emergency measures", "the disputed border crossing", "talks with the opposition", "the main airport", "a record budget", "the national power grid", "the coastal region", "an independent inquiry"];
const TAILS = ["after fierce fighting with government troops", "as international observers arrive", "following weeks of heavy rainfall in the region", "despite warnings from neighbouring countries", "amid growing pressure from trade unions and students", "three years after the first attempt was abandoned", "in a move that surprises regional analysts", "while thousands gather in the capital to demand change"];
const OUTLETS = [["BBC", "http://www.bbc.co.uk/news/world-"], ["Reuters", "https://www.reuters.com/article/"], ["Al Jazeera", "http://www.aljazeera.com/news/"], ["France 24", "http://www.france24.com/en/"], ["The Guardian", "https://www.theguardian.com/world/"]];

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

function slugify(title) {
  return title.slice(0, 140).toLowerCase().replace(/[^a-z0-9 -]/g, "").trim().replace(/ +/g, "-");
}

function makeTitle(rand, place, n) {
  const words = [pick(rand, SUBJECTS), pick(rand, VERBS), pick(rand, OBJECTS), "in", place, pick(rand, TAILS)];
  if (rand() < 0.5) words.push("and", pick(rand, TAILS));
  return `${words.join(" ")} (report ${n}). `;
}

/** Build the archive in memory: { files: Map<path, text>, events: [...] }. */
export function generateArchive({ events = 1000, seed = 1 } = {}) {
  const rand = mulberry32(seed);
  const files = new Map();
  const model = [];
  const start = Date.UTC(1995, 0, 1);
  const span = 30 * 365 * 86400000;
  const usedSlugs = new Set();
  for (let n = 0; n < events; n++) {
    const when = new Date(start + Math.floor(rand() * span));
    const y = when.getUTCFullYear();
    const m = String(when.getUTCMonth() + 1).padStart(2, "0");
    const d = String(when.getUTCDate());
    const date = `${y}-${m}-${d.padStart(2, "0")}`;
    const dir = `news/${y}/${m}/${d}`;
    const place = pick(rand, PLACES);
    const contexts = [...new Set([place, pick(rand, PLACES), pick(rand, TOPICS)])].sort();
    const versionCount = 1 + Math.floor(rand() * rand() * 3);
    const versions = [];
    for (let v = 0; v < versionCount; v++) {
      let title = makeTitle(rand, place, n);
      if (v < versionCount - 1 && rand() < 0.5) title = `Breaking: ${title}`;
      let slug = slugify(title);
      while (usedSlugs.has(`${dir}/${slug}`)) slug += "-x";
      usedSlugs.add(`${dir}/${slug}`);
      versions.push({ title, path: `${dir}/${slug}.md`, recorded: new Date(Date.UTC(2017, 7, 25) + n * 1000 + v * 86400000) });
    }
    const sources = [];
    const sourceCount = 1 + Math.floor(rand() * 4);
    for (let s = 0; s < sourceCount; s++) {
      const [name, base] = pick(rand, OUTLETS);
      sources.push([name, `${base}${y}${m}${d}-${n}-${s}`]);
    }
    if (rand() < 0.7) sources.push(["Cover Image", `https://images.example.org/${y}/${n}.jpg`]);
    model.push({ n, date, dir, contexts, versions, sources, summary: `${versions[versionCount - 1].title.trim()} Officials say more details will follow.` });
  }
  // Related: up to 5 earlier events sharing a context.
  const byTag = new Map();
  for (const e of model) {
    e.related = [];
    const wanted = Math.floor(rand() * 6);
    const seen = new Set();
    for (const tag of e.contexts) {
      const pool = byTag.get(tag) ?? [];
      for (let k = pool.length - 1; k >= 0 && e.related.length < wanted; k--) {
        const other = pool[k];
        if (seen.has(other.n)) continue;
        seen.add(other.n);
        const shared = e.contexts.filter((c) => other.contexts.includes(c));
        e.related.push({ other, shared });
      }
    }
    for (const tag of e.contexts) {
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push(e);
    }
  }
  const days = new Map();
  for (const e of model) {
    const current = e.versions[e.versions.length - 1];
    const changes = e.versions.map((v, i) => {
      const ts = v.recorded.toISOString().slice(0, 19).replace("T", " ");
      const tail = i === e.versions.length - 1 ? "_(Current version)_" : `_${ts} (${i === 0 ? "First version" : "Update"})_`;
      // The seed numbers its lists 1. 2. 2.: keep that quirk alive.
      return `${Math.min(i + 1, 2)}. [${v.title}](/${v.path}) ${tail}`;
    });
    for (const v of e.versions) {
      const lines = [];
      if (e.n % 7 === 0) lines.push("---", `contexts: [${e.contexts.map((c) => JSON.stringify(c)).join(", ")}]`, "---");
      lines.push(`### [${e.date}](/${e.dir}/index.md)`, "", `# ${v.title}`, "", e.summary, "", "", "### Source:", "");
      e.sources.forEach(([name, url], i) => lines.push(`${i + 1}. [${name}](${url})`));
      lines.push("", "### Related:", "");
      e.related.forEach(({ other, shared }, i) => {
        const target = other.versions[other.versions.length - 1];
        lines.push(`${i + 1}. [${target.title}](/${target.path}) _Context: ${shared.join(", ")}_`);
      });
      lines.push("", "### Changes:", "", ...changes);
      const eol = e.n % 50 === 0 ? "\r\n" : "\n";
      files.set(v.path, lines.join(eol) + (e.n % 31 === 0 ? "" : eol));
    }
    if (!days.has(e.dir)) days.set(e.dir, { date: e.date, items: [] });
    days.get(e.dir).items.push(current);
  }
  for (const [dir, { date, items }] of days) {
    const lines = [`# ${date}`, "", ...items.map((v, i) => `${i + 1}. [${v.title}](/${v.path})`)];
    files.set(`${dir}/index.md`, lines.join("\n") + "\n");
  }
  return { files, events: model };
}

export function writeArchive(root, files) {
  for (const [path, text] of files) {
    const abs = join(root, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
}

function parseArgs(argv) {
  const out = { events: 1000, seed: 1, out: null, defects: 0 };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, "");
    out[key] = key === "out" ? argv[++i] : Number(argv[++i]);
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = parseArgs(process.argv.slice(2));
  if (!args.out) {
    process.stderr.write("usage: node bench/generate.mjs --events N --seed S --out DIR [--defects K]\n");
    process.exit(2);
  }
  rmSync(args.out, { recursive: true, force: true });
  let { files } = generateArchive(args);
  if (args.defects > 0) {
    // The manifest sits beside news/, where newsctl never reads.
    const { injectDefects } = await import("./defects.mjs");
    const injected = injectDefects(files, args.defects, args.seed);
    files = injected.files;
    mkdirSync(args.out, { recursive: true });
    writeFileSync(join(args.out, "defects.json"), JSON.stringify(injected.manifest, null, 2) + "\n");
  }
  writeArchive(args.out, files);
  process.stdout.write(`${files.size} files written to ${args.out}${args.defects > 0 ? ` (${args.defects} defects, listed in defects.json)` : ""}\n`);
}

// The benchmark (npm run bench). For each archive size it measures, in one
// run, the floor (list + readFileSync every file) and the real
// bin/newsctl.js for validate and list, each as wall time, ratio to the
// floor and peak RSS, then prints a table and writes it as JSON. A second
// table shows where a cold validate's time goes: the workers' scan per
// file, and the workers' and the main thread's shares.
//
//   node bench/run.js [--sizes 10000,100000] [--large] [--seed 1] [--defects 25] [--repeat 1] [--dir DIR]
//
// Archives are generated once into DIR/archives/ (default bench/; keyed by
// size, seed and defects) and reused; results go to DIR/results/. npm test
// runs it once on a tiny archive (test/bench-smoke.test.ts) to check that it
// works, never to time anything.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, "..");
const BIN = join(REPO, "bin", "newsctl.js");
const HOOK = pathToFileURL(join(HERE, "rss-hook.mjs")).href;
const RSS_FILE = join(tmpdir(), `newsctl-bench-rss-${process.pid}`);
let DIR = HERE;

function parseArgs(argv) {
  // Defects are injected only once bench/defects.mjs (from the validate work) exists.
  const defects = existsSync(join(HERE, "defects.mjs")) ? 25 : 0;
  const opts = { sizes: [10000, 100000], seed: 1, defects, repeat: 1, dir: HERE };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i];
    if (key === "--large") opts.sizes = [...new Set([...opts.sizes, 300000])];
    else if (key === "--sizes") opts.sizes = argv[++i].split(",").map(Number);
    else if (key === "--seed") opts.seed = Number(argv[++i]);
    else if (key === "--defects") opts.defects = Number(argv[++i]);
    else if (key === "--repeat") opts.repeat = Math.max(1, Number(argv[++i]));
    else if (key === "--dir") opts.dir = argv[++i];
    else {
      process.stderr.write(`bench: unknown argument ${key}\n`);
      process.exit(2);
    }
  }
  return opts;
}

/** Generate once, reuse after: a marker file is written only when generation finished. */
function ensureArchive(events, seed, defects) {
  const name = `events-${events}-seed-${seed}${defects ? `-defects-${defects}` : ""}`;
  const root = join(DIR, "archives", name);
  const marker = join(root, ".generated");
  if (!existsSync(marker)) {
    process.stderr.write(`bench: generating ${name} (once; reused after)...\n`);
    const args = [join(HERE, "generate.mjs"), "--events", String(events), "--seed", String(seed), "--out", root];
    if (defects) args.push("--defects", String(defects));
    const r = spawnSync(process.execPath, args, { stdio: ["ignore", "inherit", "inherit"] });
    if (r.status !== 0) throw new Error(`generating ${name} failed`);
    writeFileSync(marker, new Date().toISOString() + "\n");
  }
  const manifestPath = join(root, "defects.json");
  const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, "utf8")) : null;
  return { root, name, manifest };
}

/** Spawn node on a script; wall time from here, peak RSS reported by the child itself. */
function measure(label, script, args, { keepStdout = false, env = {} } = {}) {
  rmSync(RSS_FILE, { force: true });
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--import", HOOK, script, ...args], {
    env: { ...process.env, NEWSCTL_BENCH_RSS_FILE: RSS_FILE, NO_COLOR: "1", ...env },
    stdio: ["ignore", keepStdout ? "pipe" : "ignore", "pipe"],
    maxBuffer: 1 << 30,
    encoding: "utf8",
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const rssKb = existsSync(RSS_FILE) ? Number(readFileSync(RSS_FILE, "utf8")) : NaN;
  return { label, wall, rssMb: rssKb / 1024, code: r.status, stdout: r.stdout ?? "", stderr: (r.stderr ?? "").trim() };
}

function best(label, script, args, repeat, options) {
  let out = null;
  for (let i = 0; i < repeat; i++) {
    const m = measure(label, script, args, options);
    if (!out || m.wall < out.wall) out = m;
  }
  return out;
}

/** A day folder in the middle of the archive that holds events. */
function pickDay(root) {
  const years = readdirSync(join(root, "news")).sort();
  const y = years[Math.floor(years.length / 2)];
  const m = readdirSync(join(root, "news", y)).sort()[0];
  const d = readdirSync(join(root, "news", y, m)).sort((a, b) => Number(a) - Number(b))[0];
  return `${y}-${m}-${d.padStart(2, "0")}`;
}

/** The archive as a git repository (once; tagged bench-base), so --changed-since has something to compare with. */
function ensureRepo(root) {
  if (existsSync(join(root, ".git"))) return;
  process.stderr.write("bench: committing the archive to a git repository (once; reused after)...\n");
  const env = { ...process.env, GIT_AUTHOR_NAME: "bench", GIT_AUTHOR_EMAIL: "bench@example.org", GIT_COMMITTER_NAME: "bench", GIT_COMMITTER_EMAIL: "bench@example.org" };
  // No automatic gc: it would run in the background during the measures.
  for (const args of [["init", "-q", "-b", "main"], ["config", "gc.auto", "0"], ["add", "-A", "news"], ["commit", "-q", "-m", "base"], ["tag", "bench-base"]]) {
    const r = spawnSync("git", args, { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
    if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed in ${root}`);
  }
}

/** One event's title edited in the working tree: --changed-since against a full run after the same edit. */
function benchChangedSince(root, archive, repeat) {
  ensureRepo(root);
  const day = pickDay(root).split("-");
  const dir = join(root, "news", day[0], day[1], String(Number(day[2])));
  const name = readdirSync(dir).filter((n) => n.endsWith(".md") && n !== "index.md").sort()[0];
  const file = join(dir, name);
  const before = readFileSync(file);
  writeFileSync(file, before.toString("utf8").replace(/^# /m, "# Edited: "));
  try {
    const changed = best("validate --changed-since (one file edited)", BIN, ["validate", "--changed-since", "bench-base", "--format", "json", ...archive], repeat, { keepStdout: true });
    const full = measure("validate (warm cache, the same file edited)", BIN, ["validate", "--format", "json", ...archive], { keepStdout: true });
    changed.check = compareChanged(changed, full, file.slice(root.length + 1));
    return [changed, full];
  } finally {
    writeFileSync(file, before);
  }
}

/** Every finding --changed-since gives is one the full run gives, and so is every full-run finding on the edited file. */
function compareChanged(changed, full, path) {
  try {
    const key = (p) => JSON.stringify(p);
    const some = JSON.parse(changed.stdout).problems;
    const all = JSON.parse(full.stdout).problems;
    const everything = new Set(all.map(key));
    const got = new Set(some.map(key));
    const ok = some.every((p) => everything.has(key(p))) && all.filter((p) => p.file === path).every((p) => got.has(key(p))) && some.length > 0;
    return ok ? `ok: ${some.length} findings, all in the full run's` : "MISMATCH";
  } catch {
    return "no JSON";
  }
}

function clearCache(root) {
  rmSync(join(root, ".newsctl", "cache"), { recursive: true, force: true });
}

function benchSize(events, opts) {
  const { root, name, manifest } = ensureArchive(events, opts.seed, opts.defects);
  const archive = ["--archive", root];
  const rows = [];
  const floor = best("floor (list + readFileSync)", join(HERE, "floor.mjs"), [root], opts.repeat, { keepStdout: true });
  const files = JSON.parse(floor.stdout || "{}").files ?? 0;
  rows.push(floor);

  clearCache(root);
  // The timings cost nothing measurable (a few clock reads per folder) and are printed on stderr only.
  const cold = measure("validate (cold: cache emptied)", BIN, ["validate", "--format", "json", ...archive], { keepStdout: true, env: { NEWSCTL_TIMINGS: "1" } });
  const pending = cold.code === 3 && /not built yet/.test(cold.stderr);
  rows.push(pending ? { ...cold, pending: true } : cold);
  rows.push(best("validate --no-cache (workers, no cache)", BIN, ["validate", "--no-cache", "--format", "json", ...archive], opts.repeat, { keepStdout: true }));
  rows.push(best("validate (warm cache)", BIN, ["validate", "--format", "json", ...archive], opts.repeat, { keepStdout: true }));
  const day = pickDay(root);
  rows.push(best(`list --date ${day}`, BIN, ["list", "--date", day, ...archive], opts.repeat));
  clearCache(root);
  rows.push(measure("list --tag Mali (cold: cache emptied)", BIN, ["list", "--tag", "Mali", ...archive]));
  rows.push(best("list --tag Mali (warm cache)", BIN, ["list", "--tag", "Mali", ...archive], opts.repeat));
  const [changedRow, fullRow] = benchChangedSince(root, archive, opts.repeat);
  rows.push(changedRow, fullRow);
  for (const row of rows) {
    if (row.label.startsWith("validate") && pending) row.pending = true;
    row.ratio = row.wall / floor.wall;
  }
  const scan = spawnSync(process.execPath, [join(HERE, "scan.mjs"), root], { encoding: "utf8" });
  const split = splitOf(cold);
  if (split) split.scanCpuUs = JSON.parse(scan.stdout || "{}").usPerFile ?? NaN;
  return { events, files, archive: name, rows, split, defects: checkDefects(cold, manifest, pending), changedSince: changedRow.check };
}

/** Where a cold validate's time went, from the timings it printed on stderr (NEWSCTL_TIMINGS). */
function splitOf(run) {
  const line = run.stderr.split("\n").find((l) => l.startsWith("newsctl-timings "));
  if (!line) return null;
  const t = JSON.parse(line.slice("newsctl-timings ".length));
  const s = (ms) => ms / 1000;
  return {
    workers: t.workers,
    scanUsPerFile: t.scanned ? (t.scanMs * 1000) / t.scanned : 0,
    workerWalk: s(t.walkMs),
    workerRead: s(t.readMs),
    workerScan: s(t.scanMs),
    workerPack: s(t.packMs),
    mainWait: s(t.waitMs),
    mainMerge: s(t.mergeMs + t.finishMs),
    mainResolve: s(t.resolveMs),
    mainRules: s(t.rulesMs),
    wall: run.wall,
  };
}

/** Compare validate's findings with what the generator injected. */
function checkDefects(run, manifest, pending) {
  if (pending) return { status: "pending: validate is not built yet" };
  if (!manifest) return { status: "no defect manifest (bench/defects.mjs not merged yet)" };
  let found;
  try {
    found = JSON.parse(run.stdout);
  } catch {
    return { status: "validate printed no JSON", stderr: run.stderr.slice(0, 300) };
  }
  const problems = found.problems ?? [];
  const key = (p) => `${p.file}:${p.line}:${p.rule}`;
  const reported = new Set(problems.map(key));
  const expected = new Set(manifest.map(key));
  const missed = manifest.filter((d) => !reported.has(key(d)));
  const extra = problems.filter((p) => !expected.has(key(p)));
  return {
    status: missed.length === 0 && extra.length === 0 ? "ok: every injected defect found, nothing else" : "MISMATCH",
    injected: manifest.length,
    reported: problems.length,
    missed: missed.slice(0, 10),
    unexpected: extra.slice(0, 10),
  };
}

function printTable(results) {
  const lines = [];
  lines.push(`| events | files | measure | wall s | x floor | peak RSS MB |`);
  lines.push(`| ---: | ---: | --- | ---: | ---: | ---: |`);
  for (const r of results) {
    for (const row of r.rows) {
      const wall = row.pending ? "pending" : row.code !== 0 && row.code !== 1 ? `exit ${row.code}` : row.wall.toFixed(2);
      const ratio = row.pending ? "" : row.ratio.toFixed(2);
      const rss = row.pending || Number.isNaN(row.rssMb) ? "" : row.rssMb.toFixed(0);
      lines.push(`| ${r.events} | ${r.files} | ${row.label} | ${wall} | ${ratio} | ${rss} |`);
    }
  }
  lines.push("", "Where a cold validate's time goes (seconds of wall time; worker figures are summed over the workers, which run at once). Scan µs/file: in the workers (wall time, so a busy machine inflates it), and alone on one thread on files already in memory (CPU time, bench/scan.mjs):", "");
  lines.push(`| events | workers | scan µs/file in workers | scan µs/file alone (CPU) | workers: walk | read | scan + own rules | pack | main: merge parts | resolve | whole-archive rules | waiting | wall |`);
  lines.push(`| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
  for (const r of results) {
    const t = r.split;
    if (!t) {
      lines.push(`| ${r.events} | no timings | | | | | | | | | | | |`);
      continue;
    }
    const f = (x) => x.toFixed(2);
    lines.push(`| ${r.events} | ${t.workers} | ${t.scanUsPerFile.toFixed(1)} | ${t.scanCpuUs.toFixed(1)} | ${f(t.workerWalk)} | ${f(t.workerRead)} | ${f(t.workerScan)} | ${f(t.workerPack)} | ${f(t.mainMerge)} | ${f(t.mainResolve)} | ${f(t.mainRules)} | ${f(t.mainWait)} | ${f(t.wall)} |`);
  }
  for (const r of results) lines.push(`\n${r.events} events, defects check: ${JSON.stringify(r.defects)}; --changed-since check: ${r.changedSince}`);
  return lines.join("\n");
}

const opts = parseArgs(process.argv.slice(2));
DIR = opts.dir;
const results = [];
for (const events of opts.sizes) {
  process.stderr.write(`bench: ${events} events...\n`);
  results.push(benchSize(events, opts));
}
for (const r of results) for (const row of r.rows) if (row.code > 1 && !row.pending) process.stderr.write(`bench: ${row.label} exited ${row.code}: ${row.stderr.slice(0, 300)}\n`);
const table = printTable(results);
process.stdout.write(table + "\n");
mkdirSync(join(DIR, "results"), { recursive: true });
const json = {
  when: new Date().toISOString(),
  node: process.version,
  cpus: (await import("node:os")).availableParallelism(),
  options: opts,
  results: results.map((r) => ({ ...r, rows: r.rows.map(({ stdout, ...row }) => row) })),
};
const out = join(DIR, "results", `bench-${json.when.replace(/[:.]/g, "-")}.json`);
writeFileSync(out, JSON.stringify(json, null, 2) + "\n");
writeFileSync(join(DIR, "results", "latest.json"), JSON.stringify(json, null, 2) + "\n");
process.stderr.write(`bench: written ${out}\n`);

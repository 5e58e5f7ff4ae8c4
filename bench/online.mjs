// validate --online against a local server (npm run build first; not part of
// npm test). An archive of EVENTS events, each citing 3 URLs spread over
// HOSTS host names (all resolving to 127.0.0.1), a tenth of them shared
// across events; the server answers each request after LATENCY ms. Prints,
// for a cold run and a cached one: wall time, requests, the most in flight
// per host and overall.
//
//   node bench/online.mjs [--events 2000] [--hosts 40] [--latency 30]

import { createServer } from "node:http";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";

const { main } = await import("../dist/main.js");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const EVENTS = arg("events", 2000);
const HOSTS = arg("hosts", 40);
const LATENCY = arg("latency", 30);

let inFlight = 0;
let peak = 0;
let requests = 0;
const perHost = new Map();
const peakPerHost = new Map();
const server = createServer((req, res) => {
  const host = req.headers.host.replace(/:\d+$/, "");
  requests++;
  inFlight++;
  peak = Math.max(peak, inFlight);
  perHost.set(host, (perHost.get(host) ?? 0) + 1);
  peakPerHost.set(host, Math.max(peakPerHost.get(host) ?? 0, perHost.get(host)));
  setTimeout(() => {
    inFlight--;
    perHost.set(host, perHost.get(host) - 1);
    res.writeHead(200, { "content-length": "0" }).end();
  }, LATENCY);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const port = server.address().port;

const root = mkdtempSync(join(tmpdir(), "newsctl-bench-online-"));
const day = join(root, "news/2013/01/21");
mkdirSync(day, { recursive: true });
const entries = [];
let distinct = new Set();
for (let e = 0; e < EVENTS; e++) {
  const urls = [0, 1, 2].map((k) => {
    const n = k === 0 && e % 10 === 0 ? e % 50 : e * 3 + k; // some URLs cited by many events
    return `http://h${n % HOSTS}.test:${port}/story/${n}`;
  });
  urls.forEach((u) => distinct.add(u));
  const slug = `event-${e}`;
  entries.push(`${e + 1}. [Event ${e}](/news/2013/01/21/${slug}.md)`);
  const sources = urls.map((u, i) => `${i + 1}. [Source ${i + 1}](${u})`);
  writeFileSync(join(day, `${slug}.md`), ["### [2013-01-21](/news/2013/01/21/index.md)", "", `# Event ${e}`, "", "Text.", "", "### Source:", "", ...sources, "", "### Changes:", "", `1. [Event ${e}](/news/2013/01/21/${slug}.md) _(Current version)_`, ""].join("\n"));
}
writeFileSync(join(day, "index.md"), ["# 2013-01-21", "", ...entries, ""].join("\n"));

const lookup = (hostname, options, cb) => (options.all ? cb(null, [{ address: "127.0.0.1", family: 4 }]) : cb(null, "127.0.0.1", 4));
const sink = () => new Writable({ write: (_c, _e, done) => done() });
async function run(label) {
  requests = 0;
  peak = 0;
  peakPerHost.clear();
  const started = performance.now();
  const code = await main(["validate", "--online", "--format", "json", "--archive", root], { stdout: sink(), stderr: sink(), env: {}, net: { lookup, ...(process.env.INTERVAL ? { intervalMs: Number(process.env.INTERVAL) } : {}) } });
  const ms = performance.now() - started;
  const hostPeak = Math.max(0, ...peakPerHost.values());
  console.log(`${label.padEnd(7)} exit ${code}  ${(ms / 1000).toFixed(2)} s  ${requests} requests  peak in flight ${peak} overall, ${hostPeak} per host`);
}
console.log(`${EVENTS} events citing ${EVENTS * 3} URLs (${distinct.size} distinct) on ${HOSTS} hosts, ${LATENCY} ms per answer`);
await run("cold");
await run("cached");
server.close();
rmSync(root, { recursive: true, force: true });

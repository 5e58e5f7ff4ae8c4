// The worker's per-file work measured alone: read a sample of an archive's
// month folders into memory, then scan them (fast path or parser), run each
// file's own rules and pack the parts, on one thread, timed by CPU time (so
// a busy machine inflates it far less than wall time). Prints JSON.
// Usage: node bench/scan.mjs ROOT [MAX_FILES]

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PartWriter } from "../dist/archive/index/part-writer.js";
import { scanBytes } from "../dist/archive/read/scan-file.js";
import { planTasks, walkMarkdown } from "../dist/archive/read/walk.js";
import { checkFile } from "../dist/rules/file-rules.js";

const root = process.argv[2];
const max = Number(process.argv[3] ?? 20000);
const { tasks } = planTasks(root);
const months = [];
let files = 0;
// Months spread over the archive, until the sample is big enough.
const step = Math.max(1, Math.floor(tasks.length / 200));
for (let i = 0; i < tasks.length && files < max; i += step) {
  const paths = walkMarkdown(root, tasks[i]).sort();
  months.push({ dir: tasks[i], paths, bytes: paths.map((p) => readFileSync(join(root, p))) });
  files += paths.length;
}
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let best = Infinity;
for (let round = 0; round < 3; round++) {
  const start = cpuMs();
  for (const m of months) {
    const writer = new PartWriter(m.paths, `${m.dir}/`);
    m.paths.forEach((path, i) => {
      const scanned = scanBytes(path, m.bytes[i]);
      const found = [];
      checkFile(scanned, (at, rule, severity, message, currentOnly = false) => found.push({ file: path, line: at.line, column: at.column, rule, severity, message, currentOnly }));
      writer.add(scanned, found);
    });
    writer.finish();
  }
  best = Math.min(best, cpuMs() - start);
}
process.stdout.write(JSON.stringify({ files, usPerFile: (best * 1000) / files }) + "\n");

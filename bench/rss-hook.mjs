// Loaded with `node --import` by the benchmark only: reports the process's
// peak RSS (worker threads included) at exit, so no product code knows about it.
import { writeFileSync } from "node:fs";

const out = process.env.NEWSCTL_BENCH_RSS_FILE;
if (out) process.on("exit", () => writeFileSync(out, String(process.resourceUsage().maxRSS)));

// The build of newsctl a cache was written by: every module's size and
// mtime under the compiled tree. A cache from another build is never used.

import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let stamp: string | null = null;

export function buildStamp(): string {
  if (stamp !== null) return stamp;
  const top = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
  const hash = createHash("sha1");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = join(dir, entry.name);
      if (entry.isDirectory()) walk(abs);
      else if (/\.[jt]s$/.test(entry.name)) {
        const st = statSync(abs);
        hash.update(`${abs}\0${st.size}\0${st.mtimeMs}\n`);
      }
    }
  };
  walk(top);
  stamp = hash.digest("hex");
  return stamp;
}

// The floor: what it costs just to list and read every file of an archive,
// in a plain single-threaded Node loop. Usage: node bench/floor.mjs ROOT
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = process.argv[2];
let files = 0;
let bytes = 0;
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.isFile() && entry.name.endsWith(".md")) {
      bytes += readFileSync(path).length;
      files++;
    }
  }
};
walk(join(root, "news"));
process.stdout.write(JSON.stringify({ files, bytes }) + "\n");

// Loaded with `node --import` by a test: appends the URL of every module the
// process loads to the file named by NEWSCTL_TEST_MODULE_LOG (ES modules as
// they load, CommonJS ones such as gray-matter from require's cache at exit).
import { appendFileSync } from "node:fs";
import { createRequire, register } from "node:module";
import { pathToFileURL } from "node:url";

const log = process.env.NEWSCTL_TEST_MODULE_LOG;
register("./log-modules-hooks.mjs", import.meta.url, { data: { log } });
if (log) {
  const cache = createRequire(import.meta.url).cache;
  process.on("exit", () => {
    for (const file of Object.keys(cache)) appendFileSync(log, pathToFileURL(file).href + "\n");
  });
}

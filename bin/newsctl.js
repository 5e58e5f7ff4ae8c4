#!/usr/bin/env node
// Tiny on purpose: the CLI lives in src/ (compiled to dist/ by `npm install`).
for (const stream of [process.stdout, process.stderr]) {
  // `newsctl list | head` closes the pipe early: that is not an error.
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
let main;
try {
  ({ main } = await import("../dist/main.js"));
} catch (error) {
  if (error?.code !== "ERR_MODULE_NOT_FOUND" || !String(error.message).includes("dist/main.js")) throw error;
  process.stderr.write("newsctl: not built yet; run `npm install` (or `npm run build`) in the newsctl folder\n");
  process.exit(3);
}
process.exitCode = await main(process.argv.slice(2));

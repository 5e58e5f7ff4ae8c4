// The API as a consumer meets it: the packed tarball installed into a fresh
// project, a TypeScript file that imports from "newsctl" type-checked by tsc
// against the shipped declarations (and a wrong use refused), then run by
// node; and a CommonJS require of the same package.

import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURE_ARCHIVE, REPO, tempDir } from "./helpers.js";

const TSC = createRequire(import.meta.url).resolve("typescript/bin/tsc");

function npm(args: string[], cwd: string): { output: string; code: number | null } {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key) || /^npm_config_(cache|userconfig|registry)$/i.test(key)) env[key] = value;
  const r = spawnSync("npm", args, { cwd, env: { ...env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" }, encoding: "utf8" });
  return { output: `${r.stdout}\n${r.stderr}`, code: r.status };
}

const CONSUMER = `import { FailureError, listEvents, openArchive, UsageError, validate, type ListItem, type Problem, type ValidateResult } from "newsctl";
declare const console: { log(...values: unknown[]): void };

const archive = await openArchive(${JSON.stringify(FIXTURE_ARCHIVE)});
const result: ValidateResult = await validate(archive, { maxWarnings: 0 });
const problems: Problem[] = result.problems;
const items: ListItem[] = await listEvents(archive, { tag: "Mali" });
let kind = "none";
try {
  await listEvents(archive, { date: "2013-13-01" });
} catch (error) {
  kind = error instanceof UsageError ? "usage" : error instanceof FailureError ? "failure" : "other";
}
console.log(JSON.stringify({ failed: result.summary.failed, problems: problems.length, titles: items.map((i) => i.title).length, current: items.every((i) => i.current), kind }));
`;

/** Uses the types wrongly: tsc must say so, or the declarations are only \`any\`. */
const WRONG = `import { validate } from "newsctl";
const reason: number = (await validate(".")).summary.reason;
await validate(".", { maxWarning: 1 });
export { reason };
`;

const TSCONFIG = {
  compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, skipLibCheck: false, types: [], outDir: "out" },
};

describe("a project that depends on newsctl", () => {
  it("type-checks against the shipped declarations and runs, as ESM and as CommonJS", { timeout: 300_000 }, () => {
    const project = tempDir("newsctl-pack-");
    for (const name of ["package.json", "package-lock.json", "tsconfig.json", "README.md", "bin", "src"]) cpSync(join(REPO, name), join(project, name), { recursive: true });
    symlinkSync(join(REPO, "node_modules"), join(project, "node_modules"), "dir");
    const pack = npm(["pack", "--pack-destination", project], project);
    expect(pack.code, pack.output).toBe(0);
    const tarball = join(project, readdirSync(project).find((n) => n.endsWith(".tgz"))!);
    const listing = execFileSync("tar", ["tzf", tarball], { encoding: "utf8" }).split("\n");
    expect(listing).toEqual(expect.arrayContaining(["package/dist/api/index.d.ts", "package/dist/api/index.js", "package/dist/api/types.d.ts"]));

    const consumer = tempDir("newsctl-consumer-");
    writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    const install = npm(["install", "--offline", "--no-save", tarball], consumer);
    expect(install.code, install.output).toBe(0);

    writeFileSync(join(consumer, "tsconfig.json"), JSON.stringify({ ...TSCONFIG, files: ["consumer.ts"] }));
    writeFileSync(join(consumer, "consumer.ts"), CONSUMER);
    const tsc = spawnSync(process.execPath, [TSC, "-p", "tsconfig.json"], { cwd: consumer, encoding: "utf8" });
    expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);
    const run = spawnSync(process.execPath, [join(consumer, "out", "consumer.js")], { cwd: consumer, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({ failed: false, problems: 0, titles: 6, current: true, kind: "usage" });

    writeFileSync(join(consumer, "tsconfig.wrong.json"), JSON.stringify({ ...TSCONFIG, compilerOptions: { ...TSCONFIG.compilerOptions, noEmit: true }, files: ["wrong.ts"] }));
    writeFileSync(join(consumer, "wrong.ts"), WRONG);
    const wrong = spawnSync(process.execPath, [TSC, "-p", "tsconfig.wrong.json"], { cwd: consumer, encoding: "utf8" });
    expect(wrong.status).not.toBe(0);
    expect(wrong.stdout).toMatch(/wrong\.ts\(2,7\): error TS2322: Type 'string \| null' is not assignable to type 'number'/);
    expect(wrong.stdout).toMatch(/wrong\.ts\(3,.*'maxWarning' does not exist/);

    const cjs = `const { validate, UsageError } = require("newsctl");
validate(${JSON.stringify(FIXTURE_ARCHIVE)}).then((r) => console.log(JSON.stringify({ files: r.summary.files, usage: typeof UsageError })));
`;
    writeFileSync(join(consumer, "consumer.cjs"), cjs);
    const required = spawnSync(process.execPath, [join(consumer, "consumer.cjs")], { cwd: consumer, encoding: "utf8" });
    expect(required.status, required.stderr).toBe(0);
    expect(required.stderr).toBe("");
    expect(JSON.parse(required.stdout)).toEqual({ files: 14, usage: "function" });
  });
});

// The packed package: built when packing, installed with no warnings and no
// install script, and the installed command runs. Works offline: `npm ci`
// has put every dependency in the npm cache already.

import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURE_ARCHIVE, REPO, tempDir } from "./helpers.js";

const INSTALL_SCRIPTS = ["preinstall", "install", "postinstall", "prepare"];

/** npm as a user runs it: none of the npm_* variables `npm test` sets for its own scripts, but the same cache. */
function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) && !/^npm_config_(cache|userconfig|registry)$/i.test(key)) continue;
    env[key] = value;
  }
  return { ...env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" };
}

function npm(args: string[], cwd: string): { output: string; code: number | null } {
  const r = spawnSync("npm", args, { cwd, env: npmEnv(), encoding: "utf8" });
  return { output: `${r.stdout}\n${r.stderr}`, code: r.status };
}

describe("npm pack, then npm install -g of the tarball", () => {
  it("builds when packing, ships dist/, installs without a warning and runs", { timeout: 240_000 }, () => {
    // A copy of the project, so that packing (which cleans and rebuilds dist/) never races the other tests.
    const project = tempDir("newsctl-pack-");
    for (const name of ["package.json", "package-lock.json", "tsconfig.json", "README.md", "bin", "src", "schema"]) {
      cpSync(join(REPO, name), join(project, name), { recursive: true });
    }
    symlinkSync(join(REPO, "node_modules"), join(project, "node_modules"), "dir");

    const pack = npm(["pack", "--pack-destination", project], project);
    expect(pack.code, pack.output).toBe(0);
    expect(pack.output).not.toMatch(/npm warn/i);
    const tarball = readdirSync(project).find((n) => n.endsWith(".tgz"))!;
    const listing = execFileSync("tar", ["tzf", join(project, tarball)], { encoding: "utf8" }).split("\n");
    expect(listing).toContain("package/dist/main.js");
    // validate reads the schema it publishes whenever an archive has a configuration file.
    expect(listing).toContain("package/schema/newsctl.config.schema.json");
    expect(listing.filter((p) => p.startsWith("package/src/") || p.startsWith("package/test/"))).toEqual([]);

    const prefix = tempDir("newsctl-prefix-");
    const install = npm(["install", "-g", "--prefix", prefix, "--offline", join(project, tarball)], project);
    expect(install.code, install.output).toBe(0);
    expect(install.output).not.toMatch(/warn/i);

    const installed = join(prefix, "lib", "node_modules", "newsctl");
    const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as { version: string; scripts?: Record<string, string> };
    expect(Object.keys(manifest.scripts ?? {}).filter((s) => INSTALL_SCRIPTS.includes(s))).toEqual([]);
    const bin = join(prefix, "bin", "newsctl");
    expect(execFileSync(bin, ["--version"], { encoding: "utf8" })).toBe(`${manifest.version}\n`);
    const listed = execFileSync(bin, ["list", "--date", "2013-01-21", "--archive", FIXTURE_ARCHIVE], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(listed).toMatch(/^2013-01-21 {2}French and Malian troops retake Diabaly and Douentza/);
    const configured = tempDir("newsctl-configured-");
    cpSync(FIXTURE_ARCHIVE, configured, { recursive: true });
    writeFileSync(join(configured, "newsctl.config.json"), '{"$schema": "./node_modules/newsctl/schema/newsctl.config.schema.json", "rules": {"stale-title": "off"}}');
    expect(execFileSync(bin, ["validate", "--archive", configured], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } })).toBe("no problems in 14 files, 6 events\n");
  });
});

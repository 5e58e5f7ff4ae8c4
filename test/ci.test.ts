// The CI pieces as an archive's repository uses them: the pre-commit hook
// defined in .pre-commit-hooks.yaml and the GitHub Actions workflow in the
// README, each parsed as YAML and its commands run on a real repository,
// with `newsctl` on PATH as an installed package puts it.

import { spawnSync } from "node:child_process";
import { chmodSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, FIXTURES, REPO, SEED_PATH, tempArchive, tempDir, writeFile } from "./helpers.js";
import { commitAll, git, GIT_ENV, initRepo } from "./git-helpers.js";

// js-yaml comes with gray-matter; only its safe loader is used.
const yaml = createRequire(import.meta.url)("js-yaml") as { safeLoad(text: string): unknown };

/** A folder holding an executable `newsctl` that runs this build, as `npm install -g` would provide. */
function newsctlOnPath(): string {
  const dir = tempDir();
  writeFileSync(join(dir, "newsctl"), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(dir, "newsctl"), 0o755);
  return dir;
}

/** Run a step's shell script the way a runner or pre-commit would: bash, in the repository, newsctl on PATH. */
function runScript(cwd: string, script: string, env: Record<string, string> = {}) {
  const PATH = `${newsctlOnPath()}:${process.env["PATH"]}`;
  const r = spawnSync("bash", ["-e", "-c", script], { cwd, env: { ...process.env, ...GIT_ENV, NO_COLOR: "1", PATH, ...env }, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const DOUENTZA = "news/2012/09/1/islamist-rebels-in-northern-mali-seize-the-central-town-of-douentza.md";

/** A change that is fine in itself but breaks links elsewhere: an event deleted that others still relate to. */
function breakLinksElsewhere(root: string): void {
  rmSync(join(root, DOUENTZA));
  rmSync(join(root, "news/2012/09/1/index.md"));
}

describe(".pre-commit-hooks.yaml", () => {
  const hooks = yaml.safeLoad(readFileSync(join(REPO, ".pre-commit-hooks.yaml"), "utf8")) as Record<string, unknown>[];
  const hook = hooks.find((h) => h["id"] === "newsctl-validate")!;

  it("defines newsctl-validate as pre-commit expects it", () => {
    expect(hooks).toHaveLength(1);
    expect(hook).toMatchObject({ language: "node", files: "^news/.*\\.md$" });
    expect(String(hook["entry"])).toMatch(/^newsctl validate --changed-since HEAD$/);
    // The entry's command is the package's own bin.
    expect(Object.keys(JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")).bin)).toEqual(["newsctl"]);
    const files = new RegExp(String(hook["files"]));
    expect(files.test(SEED_PATH)).toBe(true);
    expect(files.test("README.md")).toBe(false);
  });

  /** What pre-commit does: match the staged files against `files`, then run the entry (with them, if it takes file names) in the repository's top folder. */
  function preCommit(root: string) {
    const staged = git(root, ["diff", "--cached", "--name-only", "--diff-filter=ACMR"]).stdout.split("\n").filter(Boolean);
    const matching = staged.filter((p) => new RegExp(String(hook["files"])).test(p));
    if (matching.length === 0) return null;
    const names = hook["pass_filenames"] === false ? "" : " " + matching.map((p) => `'${p}'`).join(" ");
    return runScript(root, String(hook["entry"]) + names);
  }

  it("passes a clean commit and stops one that breaks links in files it does not touch", async () => {
    const root = tempArchive({ from: join(FIXTURES, "archive") });
    initRepo(root);
    writeFile(root, SEED_PATH, readFileSync(join(root, SEED_PATH), "utf8").replace("fierce fighting", "heavy fighting"));
    git(root, ["add", "-A"]);
    expect(preCommit(root)).toMatchObject({ code: 0 });
    commitAll(root, "fine");
    // Renaming an event: the commit stages the new name; the files relating to the old one are not in it.
    git(root, ["mv", DOUENTZA, DOUENTZA.replace("douentza.md", "douentza-renamed.md")]);
    const r = preCommit(root)!;
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^${SEED_PATH}:\\d+:4  error  Related item links to ${DOUENTZA}, which does not exist; ${DOUENTZA.replace(".md", "-renamed.md")} has this title \\(renamed\\?\\)  broken-link$`, "m"));
    // A commit that touches nothing under news/ does not run it.
    git(root, ["reset", "-q", "--hard"]);
    writeFile(root, "README.md", "notes\n");
    git(root, ["add", "-A"]);
    expect(preCommit(root)).toBeNull();
  });
});

describe("the README's GitHub Actions workflow", () => {
  const readme = readFileSync(join(REPO, "README.md"), "utf8");
  const block = /```yaml\n(# \.github\/workflows\/archive\.yml\n[\s\S]*?)```/.exec(readme)?.[1] ?? "";
  const workflow = yaml.safeLoad(block) as {
    on: unknown;
    permissions: Record<string, string>;
    jobs: { validate: { env: Record<string, string>; steps: { uses?: string; run?: string; with?: Record<string, unknown>; if?: string }[] } };
  };
  const job = workflow.jobs.validate;

  it("runs on pull requests, with the history --changed-since needs and the right to upload SARIF", () => {
    expect(workflow.on).toBe("pull_request");
    expect(workflow.permissions["security-events"]).toBe("write");
    expect(job.steps[0]).toMatchObject({ uses: "actions/checkout@v4", with: { "fetch-depth": 0 } });
    expect(job.env["BASE"]).toBe("origin/${{ github.base_ref }}");
    const upload = job.steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"))!;
    expect(upload.with?.["sarif_file"]).toBe("newsctl.sarif");
    expect(upload.if).toBe("always()");
  });

  it("annotates a pull request's problems and writes them as SARIF, on a real repository", () => {
    // The base branch as a clone sees it (origin/main), and a pull request on top of it.
    const root = tempArchive({ from: join(FIXTURES, "archive") });
    initRepo(root);
    git(root, ["update-ref", "refs/remotes/origin/main", "HEAD"]);
    git(root, ["checkout", "-q", "-b", "pull-request"]);
    breakLinksElsewhere(root);
    commitAll(root, "the pull request");
    const env = { BASE: job.env["BASE"]!.replace("${{ github.base_ref }}", "main") };
    const steps = job.steps.filter((s) => s.run?.includes("newsctl validate"));
    expect(steps).toHaveLength(2);

    const annotate = runScript(root, steps[0]!.run!, env);
    expect(annotate.code).toBe(1);
    expect(annotate.stdout).toContain(`::error file=${SEED_PATH},line=`);
    expect(annotate.stdout).toContain(`title=broken-link::Related item links to ${DOUENTZA}, which does not exist`);

    const sarif = runScript(root, steps[1]!.run!, env);
    expect(sarif.code).toBe(0);
    const log = JSON.parse(readFileSync(join(root, "newsctl.sarif"), "utf8"));
    expect(log.version).toBe("2.1.0");
    const results = log.runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    expect(results.some((r) => r.ruleId === "broken-link" && r.locations[0]!.physicalLocation.artifactLocation.uri === SEED_PATH)).toBe(true);

    // A usage error (here: a base the clone does not have) still fails the SARIF step.
    expect(runScript(root, steps[1]!.run!, { BASE: "origin/no-such-branch" }).code).not.toBe(0);
  });
});

// An archive beside a "victim" folder: every attack on newsctl through the
// archive's contents must leave the victim exactly as it was, entry for
// entry (files, folders, links, modes), whatever the command's outcome.

import { createHash } from "node:crypto";
import { cpSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect } from "vitest";
import { FIXTURE_ARCHIVE, tempDir } from "./helpers.js";

export interface Sandbox {
  /** The archive: a copy of the fixture archive (or empty). */
  root: string;
  /** A folder outside the archive that nothing may touch. */
  victim: string;
  /** Fails the test when anything under the victim folder differs from when the sandbox was made. */
  expectVictimUntouched(): void;
}

/** Every entry under `dir` with its kind, mode, and bytes or link target. */
export function treeState(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel))) {
      const path = rel ? `${rel}/${name}` : name;
      const abs = join(dir, path);
      const st = lstatSync(abs);
      const mode = (st.mode & 0o7777).toString(8);
      if (st.isSymbolicLink()) out.set(path, `link ${readlinkSync(abs)}`);
      else if (st.isDirectory()) {
        out.set(path, `folder ${mode}`);
        walk(path);
      } else out.set(path, `file ${mode} ${createHash("sha256").update(readFileSync(abs)).digest("hex")}`);
    }
  };
  walk("");
  return out;
}

export function sandbox({ fixture = true, victimFiles = {} }: { fixture?: boolean; victimFiles?: Record<string, string> } = {}): Sandbox {
  const base = tempDir("newsctl-attack-");
  const root = join(base, "archive");
  const victim = join(base, "victim");
  mkdirSync(join(root, "news"), { recursive: true });
  if (fixture) cpSync(FIXTURE_ARCHIVE, root, { recursive: true });
  mkdirSync(join(victim, "empty"), { recursive: true });
  mkdirSync(join(victim, "news/2099/01/1"), { recursive: true });
  writeFileSync(join(victim, "file"), "precious\n");
  for (const [path, content] of Object.entries(victimFiles)) {
    mkdirSync(dirname(join(victim, path)), { recursive: true });
    writeFileSync(join(victim, path), content);
  }
  writeFileSync(join(victim, "event.md"), "### [2013-01-21](/news/2013/01/21/index.md)\n\n# An event outside the archive\n\nSummary.\n\n### Source:\n\n1. [BBC](https://bbc.test/a)\n");
  const before = treeState(victim);
  return { root, victim, expectVictimUntouched: () => expect(treeState(victim)).toEqual(before) };
}

/** A command's refusal: its last line of stderr says why, and there is no stack trace or "internal error". */
export function expectRefusal(stderr: string, pattern: RegExp): void {
  expect(stderr).not.toMatch(/internal error|\n\s+at /);
  const lines = stderr.trimEnd().split("\n");
  expect(lines[lines.length - 1], stderr).toMatch(pattern);
}

// main() as if on a terminal, with @inquirer/testing's screen in place of
// one: the real prompts drawn and answered key by key.

import { screen } from "@inquirer/testing/vitest";
import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { onTestFinished } from "vitest";
import { main } from "../src/main.js";
import { Capture, tempDir } from "./helpers.js";

export { screen };

/** main() with both ends terminals; the prompts themselves run on the test screen. */
export function startOnTerminal(args: string[], env: Record<string, string> = {}) {
  const stdout = new Capture(true);
  const stderr = new Capture(true);
  const stdin = Object.assign(Readable.from([]), { isTTY: true });
  const now = () => new Date(2013, 1, 1, 12, 0, 0);
  const done = main(args, { stdout, stderr, stdin: stdin as never, env: { NO_COLOR: "1", ...env }, now });
  return { stdout, stderr, done };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Until the screen shows `expected`: the command reads the archive before (and between) prompts. */
export async function waitFor(expected: RegExp): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (!expected.test(screen.getScreen())) {
    if (Date.now() > deadline) throw new Error(`the screen never showed ${expected}; it shows:\n${screen.getScreen()}`);
    await sleep(10);
  }
  return screen.getScreen();
}

export async function answer(expected: RegExp, ...keys: (string | { name: string; ctrl?: boolean })[]) {
  await waitFor(expected);
  for (const key of keys) {
    if (typeof key === "string") screen.type(key);
    else screen.keypress(key);
  }
  screen.keypress("enter");
}

/** The search loads its choices after each key: wait for them before Enter. */
export async function pickTag(prompt: RegExp, term: string, choice: RegExp) {
  await waitFor(prompt);
  screen.type(term);
  await waitFor(choice);
  screen.keypress("enter");
}

/** The answered lines of the session so far (each starts with ✔). */
export async function answeredLines(): Promise<string[]> {
  return (await screen.getFullOutput()).split("\n").filter((l) => l.includes("✔"));
}

/**
 * An "editor" for $VISUAL: a script that writes `text` into the file it is
 * given (and a file named "ran" beside the script, to prove it ran).
 */
export function fakeEditor(text: string): string {
  const dir = tempDir("newsctl-editor-");
  // @inquirer/prompts opens the editor $VISUAL names in this process's own environment.
  const before = process.env["VISUAL"];
  onTestFinished(() => {
    if (before === undefined) delete process.env["VISUAL"];
    else process.env["VISUAL"] = before;
  });
  const script = join(dir, "fake-editor.sh");
  writeFileSync(join(dir, "text"), text);
  writeFileSync(script, `#!/bin/sh\ncat '${join(dir, "text")}' > "$1"\ntouch '${join(dir, "ran")}'\n`);
  chmodSync(script, 0o755);
  process.env["VISUAL"] = script;
  return script;
}

// An archive holding every kind of damage an archive edited by many hands
// over decades can hold, beside one healthy event that must still be checked.

import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempArchive, writeFile } from "./helpers.js";

const DAY = "news/2021/03/4";
const head = (title: string) => `### [2021-03-04](/${DAY}/index.md)\n\n# ${title}\n\nSummary.\n\n### Source:\n\n1. [BBC](https://bbc.test/a)\n`;

/** name -> archive path of each hostile file (those that are files). */
export const HOSTILE = {
  empty: `${DAY}/empty.md`,
  binary: `${DAY}/binary.md`,
  invalidUtf8: `${DAY}/invalid-utf8.md`,
  hugeLine: `${DAY}/huge-line.md`,
  hugeList: `${DAY}/huge-list.md`,
  aliasBomb: `${DAY}/alias-bomb.md`,
  js: `${DAY}/front-js.md`,
  javascript: `${DAY}/front-javascript.md`,
  fmList: `${DAY}/front-list.md`,
  fmString: `${DAY}/front-string.md`,
  unclosed: `${DAY}/unclosed.md`,
  spaces: `${DAY}/name with spaces é.md`,
  encoded: `${DAY}/encoded-links.md`,
  healthy: `${DAY}/healthy.md`,
  unreadable: `${DAY}/unreadable.md`,
} as const;

export const MARKER = "front-matter-was-run";

export function buildHostileArchive(): string {
  const root = tempArchive({ from: null });
  const w = (path: string, content: string | Buffer) => writeFile(root, path, content);
  w(HOSTILE.empty, "");
  w(HOSTILE.binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x0a]));
  w(HOSTILE.invalidUtf8, Buffer.concat([Buffer.from("# Caf"), Buffer.from([0xe9, 0xff]), Buffer.from("\n")]));
  w(HOSTILE.hugeLine, head("Huge line") + "\n### Related:\n\n1. [" + "x".repeat(10 * 1024 * 1024) + "\n");
  const items = Array.from({ length: 100_000 }, (_, i) => `${i + 1}. [Gone ${i}](/${DAY}/gone-${i}.md) _Context: A_`);
  w(HOSTILE.hugeList, head("Huge list") + "\n### Related:\n\n" + items.join("\n") + "\n");
  const bomb = ["a: &a [x,x,x,x,x,x,x,x,x]"];
  for (let i = 1; i < 12; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill("*" + String.fromCharCode(96 + i)).join(",")}]`);
  bomb.push(`contexts: *${String.fromCharCode(97 + 11)}`);
  w(HOSTILE.aliasBomb, `---\n${bomb.join("\n")}\n---\n` + head("Alias bomb"));
  const code = `require("fs").writeFileSync(${JSON.stringify(join(root, MARKER))}, "ran"); module.exports = {}`;
  w(HOSTILE.js, `---js\n${code}\n---\n` + head("JS front matter"));
  w(HOSTILE.javascript, `---javascript\n${code}\n---\n` + head("JavaScript front matter"));
  w(HOSTILE.fmList, "---\n- a\n- b\n---\n" + head("List front matter"));
  w(HOSTILE.fmString, "---\njust a string\n---\n" + head("String front matter"));
  w(HOSTILE.unclosed, "---\ncontexts: [A]\n" + head("Unclosed front matter"));
  w(HOSTILE.spaces, head("Spaces and accents in the file name"));
  w(
    HOSTILE.encoded,
    head("Encoded links") +
      `\n### Related:\n\n1. [Spaces](/${DAY}/name%20with%20spaces%20%C3%A9.md) _Context: A_\n2. [Dots](/${DAY}/../4/./healthy.md) _Context: A_\n3. [Escape](/news/../../../etc/passwd) _Context: A_\n4. [Bad](/${DAY}/%E0%A4%A.md) _Context: A_\n`,
  );
  w(HOSTILE.healthy, head("Healthy") + `\n### Related:\n\n1. [Missing](/${DAY}/missing.md) _Context: A_\n`);
  w(HOSTILE.unreadable, head("Unreadable"));
  // Unreadable to anyone but root (who reads it as any other file); hostile.test.ts runs validate both ways.
  chmodSync(join(root, HOSTILE.unreadable), 0o000);
  // Opening a FIFO would block for ever: it must be reported, never opened.
  execFileSync("mkfifo", [join(root, `${DAY}/fifo.md`)]);
  // Readable by an unprivileged user, for the run that cannot read HOSTILE.unreadable.
  chmodSync(root, 0o755);
  mkdirSync(join(root, `${DAY}/folder.md`));
  symlinkSync("..", join(root, `${DAY}/loop`));
  symlinkSync("/etc/passwd", join(root, `${DAY}/outside.md`));
  writeFileSync(join(root, `${DAY}/index.md`), `# 2021-03-04\n\n1. [Healthy](/${DAY}/healthy.md)\n`);
  return root;
}

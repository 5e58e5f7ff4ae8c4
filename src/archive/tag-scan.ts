// The vocabulary of a few tags without parsing the archive: every event
// file's bytes are searched for the tags (in any case), and only a file that
// names one in its front matter or on a line holding "context" (a
// `_Context: …_` list, a `contexts:` key) is parsed. So `add --tag` and
// `revise --tag` spell a tag as the archive does at the cost of reading the
// files, as revise's search for links already does, not of building the model.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArchivePath } from "./paths.js";
import { listArchivePaths } from "./read.js";
import { parseFile } from "./read-file.js";
import { tagVocabulary, type TagUse } from "./tags.js";
import type { EventFile } from "./types.js";

/** The vocabulary entries of `tags` (those the archive uses), as tagVocabulary over every file would give them. */
export function readTagVocabulary(root: string, tags: string[], paths: string[] = listArchivePaths(root)): TagUse[] {
  const wanted = [...new Set(tags.map((t) => t.trim().toLowerCase()).filter((t) => t !== ""))];
  if (wanted.length === 0) return [];
  const files: EventFile[] = [];
  for (const path of paths) {
    if (parseArchivePath(path)?.isDayPage !== false) continue;
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(root, path));
    } catch {
      continue;
    }
    const text = bytes.toString("utf8").toLowerCase();
    if (!wanted.some((tag) => namesTag(text, tag))) continue;
    const file = parseFile(path, bytes);
    if (file.kind === "event") files.push(file);
  }
  const keys = new Set(wanted);
  return tagVocabulary(files).filter((v) => keys.has(v.tag.toLowerCase()));
}

/** Whether lower-cased text holds `tag` inside its front matter or on a line that holds "context". */
function namesTag(text: string, tag: string): boolean {
  let at = text.indexOf(tag);
  if (at < 0) return false;
  const frontMatterEnd = text.startsWith("---") ? closingFence(text) : 0;
  for (; at >= 0; at = text.indexOf(tag, at + 1)) {
    if (at < frontMatterEnd) return true;
    const start = text.lastIndexOf("\n", at) + 1;
    const end = text.indexOf("\n", at);
    if (text.slice(start, end < 0 ? text.length : end).includes("context")) return true;
  }
  return false;
}

/** Where the front matter ends at the latest: its closing fence, or the end when there is none. */
function closingFence(text: string): number {
  const fence = /\n(?:---|\.\.\.)/g;
  fence.lastIndex = 3;
  const m = fence.exec(text);
  return m ? m.index : text.length;
}

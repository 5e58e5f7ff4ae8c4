// The vocabulary of a few tags without parsing the archive: every event
// file's bytes are searched for the tags (in any case), and only a file that
// names one in its front matter or on a line holding "context" (a
// `_Context: …_` list, a `contexts:` key) is parsed. So `add --tag` and
// `revise --tag` spell a tag as the archive does at the cost of reading the
// files, as revise's search for links already does, not of building the model.

import { scanBytes, type ByteScan } from "./neighbourhood.js";
import { parseArchivePath } from "../format/paths.js";
import { listArchivePaths } from "./read-archive.js";
import { parseFile } from "../format/read-file.js";
import { tagVocabulary, type TagUse } from "../tags.js";
import type { EventFile } from "../types.js";

/** The vocabulary entries of `tags` (those the archive uses), as tagVocabulary over every file would give them. */
export function readTagVocabulary(root: string, tags: string[], paths: string[] = listArchivePaths(root)): TagUse[] {
  const scan = tagScan(tags);
  scanBytes(root, paths, [scan]);
  return scan.vocabulary();
}

/** The same as a scan of its own, to share one pass over the files with another (revise's search for links). */
export function tagScan(tags: string[]): ByteScan & { vocabulary(): TagUse[] } {
  const wanted = [...new Set(tags.map((t) => t.trim().toLowerCase()).filter((t) => t !== ""))];
  const files: EventFile[] = [];
  return {
    visit(path, bytes) {
      if (wanted.length === 0 || parseArchivePath(path)?.isDayPage !== false) return;
      const text = bytes.toString("utf8").toLowerCase();
      if (!wanted.some((tag) => namesTag(text, tag))) return;
      const file = parseFile(path, bytes);
      if (file.kind === "event") files.push(file);
    },
    vocabulary() {
      const keys = new Set(wanted);
      return tagVocabulary(files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))).filter((v) => keys.has(v.tag.toLowerCase()));
    },
  };
}

/**
 * Whether lower-cased text holds `tag` inside its front matter, or after
 * "context" on a line (a `_Context: …_` list; not the linked title before it).
 */
function namesTag(text: string, tag: string): boolean {
  let at = text.indexOf(tag);
  if (at < 0) return false;
  const frontMatterEnd = text.startsWith("---") ? closingFence(text) : 0;
  for (; at >= 0; at = text.indexOf(tag, at + 1)) {
    if (at < frontMatterEnd) return true;
    const start = text.lastIndexOf("\n", at) + 1;
    if (text.slice(start, at).includes("context")) return true;
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

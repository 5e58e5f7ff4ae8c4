// One part of the lean index (the files of one month folder, as a worker
// read them): integers in one Int32Array and the part's strings joined in
// one string, so it crosses to the main thread as a transferred buffer and
// a single string copy, and is kept in the cache as it is. No per-item
// objects: a file, a link and a finding are each a fixed run of integers.
//
// Links whose target is in the same part (the Changes list, the day page,
// the date line) hold the file's index in the part, their stale-title
// comparison already made; only links that leave the part carry their
// target path and text, for the main thread to resolve (see part-writer.ts).

import type { Finding } from "../../rules/finding.js";
import type { LinkTarget } from "../format/links.js";
import type { Via } from "./scanned.js";

export interface Part {
  ints: Int32Array;
  /** The part's strings, UTF-8, one after another (their end offsets close `ints`). */
  strs: Uint8Array;
}

/** A finding of one file's own rules, before the whole archive says whether the file is current. */
export interface FileFinding extends Finding {
  currentOnly: boolean;
}

export const FORMAT = 4;

// Header: format, counts of files, links, tags, findings and strings.
export const HEAD = 6;

// A file: F ints.
export const F = 12;
export const F_PATH = 0;
export const F_FLAGS = 1;
export const F_YMD = 2; // year * 10000 + month * 100 + day; 0 without an archive path
export const F_TITLE = 3; // trimmed title string, -1 without a title
export const F_TITLE_LINE = 4; // 0 without a title
export const F_CHANGES_LINE = 5; // 0 without a Changes heading
export const F_LINK = 6; // first link
export const F_LINKS = 7; // link count
export const F_TAG = 8; // first declared context
export const F_TAGS = 9; // declared context count
export const F_HASH = 10; // hashString of the path
export const F_TITLE_HASH = 11; // hashString of the trimmed title (0 without one)

export const KIND_MASK = 3;
export const KIND_UNREADABLE = 0;
export const KIND_EVENT = 1;
export const KIND_DAY = 2;
export const FLAG_BROKEN = 1 << 2;
export const FLAG_TITLE = 1 << 3;
export const FLAG_DECLARED = 1 << 4;
export const FLAG_INFO = 1 << 5;
/** The day folder is written with a leading zero (01..09). */
export const FLAG_PADDED = 1 << 6;

// A link: L ints.
export const L = 9;
export const L_FLAGS = 0;
export const L_LINE = 1;
export const L_COLUMN = 2;
export const L_TARGET = 3; // see TARGET_*; >= 0 a file
export const L_TEXT = 4; // linkTitle of the text, -1 when not carried
export const L_AUX1 = 5; // changes: timestamp string or -1; related: first context tag
export const L_AUX2 = 6; // changes: destination string (non-internal targets) or -1; related: tag count
export const L_AUX3 = 7; // related: column of the `_Context` mark
export const L_HASH = 8; // hashString of the target path, for targets outside the part

export const VIA_MASK = 3;
export const VIAS: readonly Via[] = ["date", "related", "changes", "day"];
export const TARGET_SHIFT = 2; // 0 internal, 1 outside, 2 external, 3 fragment
export const TARGET_KINDS: readonly LinkTarget["kind"][] = ["internal", "outside", "external", "fragment"];
export const CHANGE_SHIFT = 4; // 0 first, 1 update, 2 current, 3 unknown
export const CHANGE_KINDS = ["first", "update", "current", "unknown"] as const;
export const LINK_STALE = 1 << 7;

export const TARGET_NONE = -1; // not an internal link
/**
 * A target given by its path: -3 - (string index of the path). In a part,
 * a target outside it (or missing from it); once the whole index is
 * resolved, a target that does not exist.
 */
export const TARGET_PATH = -3;

// A finding: D ints.
export const D = 6;
export const D_FILE = 0;
export const D_LINE = 1;
export const D_COLUMN = 2;
export const D_RULE = 3;
export const D_FLAGS = 4; // bit 0 warning, bit 1 current versions only
export const D_MESSAGE = 5;

/** Where each section of a part starts, in ints. */
export function sectionsOf(ints: Int32Array): { files: number; links: number; tags: number; diags: number; ends: number; counts: number[] } {
  if (ints.length < HEAD || ints[0] !== FORMAT) throw new Error("not an index part of this format");
  const [, nFiles, nLinks, nTags, nDiags, nStrings] = ints as unknown as number[];
  const files = HEAD;
  const links = files + nFiles! * F;
  const tags = links + nLinks! * L;
  const diags = tags + nTags!;
  const ends = diags + nDiags! * D;
  if (ends + nStrings! !== ints.length) throw new Error("index part has the wrong length");
  return { files, links, tags, diags, ends, counts: [nFiles!, nLinks!, nTags!, nDiags!, nStrings!] };
}

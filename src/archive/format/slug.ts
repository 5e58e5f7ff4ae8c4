// Slugs as the archive has always made them: first 140 characters of the
// title, lower-cased, only a-z 0-9 space and hyphen kept, spaces to hyphens.

import { createHash } from "node:crypto";

export const SLUG_SOURCE_LENGTH = 140;

export function slugify(title: string): string {
  return title
    .slice(0, SLUG_SOURCE_LENGTH)
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, "")
    .trim()
    .replace(/ +/g, "-");
}

/**
 * A slug for a new file: the archive's rule, or for a title with nothing
 * it keeps (all Chinese, all Arabic) "event-" and a short hash of the title,
 * and a numeric suffix whenever the name is taken.
 */
export function uniqueSlug(title: string, taken: (slug: string) => boolean): string {
  let base = slugify(title).replace(/^-+|-+$/g, "");
  if (base === "") base = "event-" + createHash("sha256").update(title.trim()).digest("hex").slice(0, 8);
  if (base === "index") base = "index-event";
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}

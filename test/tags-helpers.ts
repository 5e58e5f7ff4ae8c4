// Small archives with the tag spellings real archives drift into, for the
// tags, stats and completion tests.

export interface Ev {
  date: string;
  slug: string;
  title?: string;
  /** Lines between the front matter fences; none without. */
  frontMatter?: string[];
  fence?: string;
  related?: { path: string; title?: string; tail: string }[];
  sources?: string[];
  /** Other versions, oldest first (this one is current, last). */
  versions?: string[];
}

export function dir(date: string): string {
  const [y, m, d] = date.split("-");
  return `news/${y}/${m}/${Number(d)}`;
}

export function pathOf(e: Pick<Ev, "date" | "slug">): string {
  return `${dir(e.date)}/${e.slug}.md`;
}

export function eventText(e: Ev, self = pathOf(e)): string {
  const title = e.title ?? titleOf(e.slug);
  const versions = [...(e.versions ?? []), pathOf(e)];
  const lines = [
    ...(e.frontMatter ? [`---${e.fence ?? ""}`, ...e.frontMatter, "---"] : []),
    `### [${e.date}](/${dir(e.date)}/index.md)`,
    "",
    `# ${title}`,
    "",
    `Summary of ${title}`,
    "",
    "### Source:",
    "",
    ...(e.sources ?? ["[BBC](https://www.bbc.co.uk/news/x)"]).map((s, i) => `${i + 1}. ${s}`),
    "",
    "### Related:",
    "",
    ...(e.related ?? []).map((r, i) => `${i + 1}. [${r.title ?? titleOf(r.path)}](/${r.path}) ${r.tail}`),
    "",
    "### Changes:",
    "",
    ...versions.map((v, i) => `${i + 1}. [${v === self ? title : titleOf(v)}](/${v}) ${i === versions.length - 1 ? "_(Current version)_" : `_2020-01-0${i + 1} 10:00:00 (${i === 0 ? "First version" : "Update"})_`}`),
  ];
  return lines.join("\n") + "\n";
}

/** "news/…/gao-falls.md" or "gao-falls" -> "Gao falls" */
export function titleOf(pathOrSlug: string): string {
  const slug = pathOrSlug.replace(/^.*\//, "").replace(/\.md$/, "");
  const words = slug.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Files for events (each version a copy with its own title), with day pages listing the current versions. */
export function archiveFiles(events: Ev[]): Record<string, string> {
  const files: Record<string, string> = {};
  const days = new Map<string, { date: string; items: string[] }>();
  for (const e of events) {
    const path = pathOf(e);
    files[path] = eventText(e);
    for (const v of e.versions ?? []) files[v] = eventText(e, v).replace(`# ${e.title ?? titleOf(e.slug)}\n`, `# ${titleOf(v)}\n`);
    const day = days.get(dir(e.date)) ?? { date: e.date, items: [] };
    day.items.push(`${day.items.length + 1}. [${e.title ?? titleOf(e.slug)}](/${path})`);
    days.set(dir(e.date), day);
  }
  for (const [d, { date, items }] of days) files[`${d}/index.md`] = `# ${date}\n\n${items.join("\n")}\n`;
  return files;
}

// Archive paths: news/YYYY/MM/D/<slug>.md and news/YYYY/MM/D/index.md.

export interface DayRef {
  year: number;
  month: number;
  day: number;
}

export interface ArchivePathInfo extends DayRef {
  /** The day folder as written: news/2013/01/21 or news/2012/09/01. */
  dir: string;
  /** The day folder name has a leading zero (01..09). */
  padded: boolean;
  /** File name without .md; "index" for a day page. */
  slug: string;
  isDayPage: boolean;
}

const ARCHIVE_PATH = /^news\/(\d{4})\/(\d{2})\/(\d{1,2})\/([^/]+)\.md$/;

export function parseArchivePath(path: string): ArchivePathInfo | null {
  const m = ARCHIVE_PATH.exec(path);
  if (!m) return null;
  const [, y, mo, d, slug] = m as unknown as [string, string, string, string, string];
  return {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    dir: `news/${y}/${mo}/${d}`,
    padded: d.length === 2 && d.startsWith("0"),
    slug,
    isDayPage: slug === "index",
  };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate({ year, month, day }: DayRef): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

/** Parse YYYY-MM-DD, or null when it is not a calendar date. */
export function parseIsoDate(text: string): DayRef | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const ref = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isCalendarDate(ref) ? ref : null;
}

export function formatIsoDate({ year, month, day }: DayRef): string {
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

export function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** The folder names a day may be stored under, the archive's own convention first. */
export function dayDirs(ref: DayRef, preferPadded = false): string[] {
  const base = `news/${String(ref.year).padStart(4, "0")}/${pad2(ref.month)}`;
  const unpadded = `${base}/${ref.day}`;
  const padded = `${base}/${pad2(ref.day)}`;
  if (unpadded === padded) return [unpadded];
  return preferPadded ? [padded, unpadded] : [unpadded, padded];
}

export function dayPagePath(dir: string): string {
  return `${dir}/index.md`;
}

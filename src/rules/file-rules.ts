// The rules that need nothing but the file itself, run where the file is
// read (a worker thread, for a large archive): the parser's notes, the day
// folder's date, the date line, links that leave the archive, source URLs.
// Warnings are for current versions and day pages only, which only the
// whole archive can tell: an event's warnings go out marked currentOnly.

import { isBrokenScan, type ScannedFile } from "../archive/index/scanned.js";
import { formatIsoDate, isCalendarDate, parseArchivePath, type ArchivePathInfo } from "../archive/format/paths.js";
import { checkSourceUrl } from "../archive/format/urls.js";
import { LINK_LABEL, type FileSink } from "./finding.js";

const TOP = { line: 1, column: 1 };

// An absolute http(s) URL with a host of plain DNS labels (the last one not
// a number, none an IDN "xn--" label) and no blanks after it: URL accepts it
// and finds its host, so checkSourceUrl passes it; most sources look so, and
// the pattern spares them a URL object each.
const PLAIN_URL = /^https?:\/\/(?:(?![Xx][Nn]--)[A-Za-z0-9-]+\.)*(?![Xx][Nn]--|0[Xx])[A-Za-z0-9-]*[A-Za-z][A-Za-z0-9-]*(?:[/?#][\x21-\x7e]*)?$/;

export function sourceUrlProblem(url: string): string | null {
  return PLAIN_URL.test(url) ? null : checkSourceUrl(url);
}

// Pure answers that every file of a folder (or every event of a day) asks again: kept.
const folderDates = new Map<string, { date: string; calendar: boolean }>();
const linkedDates = new Map<string, string | null>();

function folderOf(info: ArchivePathInfo): { date: string; calendar: boolean } {
  let facts = folderDates.get(info.dir);
  if (!facts) {
    facts = { date: formatIsoDate(info), calendar: isCalendarDate(info) };
    folderDates.set(info.dir, facts);
  }
  return facts;
}

/** The date of the day page a date line links to, or null when the link is not an archive path. */
function linkedDate(path: string): string | null {
  let date = linkedDates.get(path);
  if (date === undefined) {
    const linked = parseArchivePath(path);
    date = linked ? formatIsoDate(linked) : null;
    linkedDates.set(path, date);
  }
  return date;
}

export function checkFile(file: ScannedFile, report: FileSink): void {
  const event = file.kind === "event";
  for (const n of file.notes) report(n, n.rule, n.severity, n.message, event && n.severity === "warning");
  if (file.info && !folderOf(file.info).calendar) {
    report(TOP, "invalid-date", "error", `day folder ${file.info.dir} is not a calendar date`);
  }
  if (isBrokenScan(file)) return;
  if (event) checkDateLine(file, report);
  for (const link of file.links) {
    if (link.target.kind !== "outside") continue;
    // The destination is quoted as written; it is never resolved on disk.
    report(link, "outside-archive", "error", `${LINK_LABEL[link.via]} links outside the archive (${link.dest}); its target was not read`);
  }
  if (event) checkSources(file, report);
}

function checkDateLine(file: ScannedFile, report: FileSink): void {
  const info = file.info!;
  const folderDate = folderOf(info).date;
  const line = file.links[0]?.via === "date" ? file.links[0] : null;
  if (!line) {
    const at = file.title ?? TOP;
    report({ line: at.line, column: 1 }, "missing-date-line", "warning", `no date line (### [${folderDate}](/${info.dir}/index.md)) above the title`, true);
    return;
  }
  if (file.date !== folderDate) {
    report(line, "date-mismatch", "error", `the date line says ${file.date} but the file is in ${info.dir} (${folderDate})`);
    return;
  }
  if (line.target.kind !== "internal") return;
  const linked = linkedDate(line.target.path);
  if (linked !== null && linked !== folderDate) {
    report(line, "date-mismatch", "error", `the date line links to the day page of ${linked}, not of ${folderDate}`);
  }
}

function checkSources(file: ScannedFile, report: FileSink): void {
  const seen = new Set<string>();
  for (const source of file.sources) {
    // The column of the URL itself, so an editor jumps to what must change.
    const at = { line: source.line, column: source.destColumn };
    const what = source.isCover ? "Cover Image URL" : "source URL";
    const problem = sourceUrlProblem(source.dest);
    if (problem) {
      report(at, "bad-url", "error", `${what} ${JSON.stringify(source.dest)}: ${problem}`);
      continue;
    }
    const key = source.dest.trim();
    if (seen.has(key)) report(at, "duplicate-source", "warning", `${what} ${key} is listed twice`, true);
    seen.add(key);
  }
}

// The rules that need nothing but the file itself, run where the file is
// read (a worker thread, for a large archive): the parser's notes, the day
// folder's date, the date line, links that leave the archive, source URLs.
// Warnings are for current versions and day pages only, which only the
// whole archive can tell: an event's warnings go out marked currentOnly.

import { isBrokenScan, type ScannedFile } from "../archive/index/scanned.js";
import { formatIsoDate, isCalendarDate, parseArchivePath } from "../archive/paths.js";
import { checkSourceUrl } from "../archive/urls.js";
import { LINK_LABEL, type FileSink } from "./finding.js";

const TOP = { line: 1, column: 1 };

export function checkFile(file: ScannedFile, report: FileSink): void {
  const event = file.kind === "event";
  for (const n of file.notes) report(n, n.rule, n.severity, n.message, event && n.severity === "warning");
  if (file.info && !isCalendarDate(file.info)) {
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
  const folderDate = formatIsoDate(info);
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
  const linked = parseArchivePath(line.target.path);
  if (linked && formatIsoDate(linked) !== folderDate) {
    report(line, "date-mismatch", "error", `the date line links to the day page of ${formatIsoDate(linked)}, not of ${folderDate}`);
  }
}

function checkSources(file: ScannedFile, report: FileSink): void {
  const seen = new Set<string>();
  for (const source of file.sources) {
    // The column of the URL itself, so an editor jumps to what must change.
    const at = { line: source.line, column: source.destColumn };
    const what = source.isCover ? "Cover Image URL" : "source URL";
    const problem = checkSourceUrl(source.dest);
    if (problem) {
      report(at, "bad-url", "error", `${what} ${JSON.stringify(source.dest)}: ${problem}`);
      continue;
    }
    const key = source.dest.trim();
    if (seen.has(key)) report(at, "duplicate-source", "warning", `${what} ${key} is listed twice`, true);
    seen.add(key);
  }
}

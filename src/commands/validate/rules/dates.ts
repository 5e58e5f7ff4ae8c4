// Dates: invalid-date (the folder), date-mismatch (the date line against the
// folder), missing-date-line, and mixed-day-padding across the archive.

import { formatIsoDate, isCalendarDate, parseArchivePath } from "../../../archive/format/paths.js";
import type { ArchiveFile, Day, EventFile } from "../../../archive/types.js";
import type { CheckContext } from "../context.js";

const TOP = { line: 1, column: 1 };

export function checkFolderDate(file: ArchiveFile, ctx: CheckContext): void {
  if (file.info && !isCalendarDate(file.info)) {
    ctx.report(file.path, TOP, "invalid-date", "error", `day folder ${file.info.dir} is not a calendar date`);
  }
}

export function checkDateLine(file: EventFile, ctx: CheckContext): void {
  const folderDate = formatIsoDate(file.info);
  const line = file.dateLine;
  if (!line) {
    if (ctx.isCurrent(file)) {
      const at = file.title ?? TOP;
      ctx.report(file.path, { line: at.line, column: 1 }, "missing-date-line", "warning", `no date line (### [${folderDate}](/${file.info.dir}/index.md)) above the title`);
    }
    return;
  }
  if (line.date !== folderDate) {
    ctx.report(file.path, line, "date-mismatch", "error", `the date line says ${line.date} but the file is in ${file.info.dir} (${folderDate})`);
    return;
  }
  if (line.target.kind !== "internal") return;
  const linked = parseArchivePath(line.target.path);
  if (linked && formatIsoDate(linked) !== folderDate) {
    ctx.report(file.path, line, "date-mismatch", "error", `the date line links to the day page of ${formatIsoDate(linked)}, not of ${folderDate}`);
  }
}

/**
 * The archive's convention is unpadded days; a padded archive is fine too.
 * Folders in the minority convention (padded on a tie) are reported once
 * each, on their day page or else their first file.
 */
export function checkDayPadding(ctx: CheckContext): void {
  const padded: { dir: string; day: Day }[] = [];
  const unpadded: { dir: string; day: Day }[] = [];
  const reported = new Set<string>();
  const report = (file: string | null, message: string) => {
    if (file === null || reported.has(file)) return;
    reported.add(file);
    ctx.report(file, TOP, "mixed-day-padding", "warning", message);
  };
  for (const day of ctx.archive.days.values()) {
    for (const dir of day.dirs) {
      const d = dir.slice(dir.lastIndexOf("/") + 1);
      if (d.length === 2 && d.startsWith("0")) padded.push({ dir, day });
      else if (d.length === 1) unpadded.push({ dir, day });
    }
    if (day.dirs.length > 1) report(firstFileIn(day, day.dirs[1]!), `the day ${day.date} is split over ${day.dirs.join(" and ")}`);
  }
  if (padded.length === 0 || unpadded.length === 0) return;
  const minority = padded.length <= unpadded.length ? padded : unpadded;
  const style = minority === padded ? "zero-padded" : "not padded";
  const majority = minority === padded ? unpadded.length : padded.length;
  for (const { dir, day } of minority) {
    report(firstFileIn(day, dir), `day folder ${dir} is ${style}, unlike ${majority} other day folder${majority === 1 ? "" : "s"}`);
  }
}

function firstFileIn(day: Day, dir: string): string | null {
  if (day.page?.info.dir === dir) return day.page.path;
  return day.files.find((f) => f.info.dir === dir)?.path ?? null;
}

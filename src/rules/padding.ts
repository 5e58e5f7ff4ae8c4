// mixed-day-padding on the index. The archive's convention is unpadded days;
// a padded archive is fine too. Folders in the minority convention (padded
// on a tie) are reported once each, on their day page or else their first
// file; a day split over 1/ and 01/ is reported on the second folder.

import { formatYmd, isPadded, type Day } from "../archive/index/events.js";
import type { IndexContext } from "./index-context.js";

const TOP = { line: 1, column: 1 };

export function checkDayPadding(ctx: IndexContext): void {
  const padded: { dir: string; day: Day }[] = [];
  const unpadded: { dir: string; day: Day }[] = [];
  const reported = new Set<string>();
  const report = (file: string | null, message: string) => {
    if (file === null || reported.has(file)) return;
    reported.add(file);
    ctx.report(file, TOP, "mixed-day-padding", "warning", message);
  };
  for (const day of ctx.r.days.values()) {
    for (const dir of day.dirs) {
      const d = dir.slice(dir.lastIndexOf("/") + 1);
      if (d.length === 2 && d.startsWith("0")) padded.push({ dir, day });
      else if (d.length === 1) unpadded.push({ dir, day });
    }
    if (day.dirs.length > 1) report(firstFileIn(day, day.padded[1]!, ctx), `the day ${formatYmd(day.ymd)} is split over ${day.dirs.join(" and ")}`);
  }
  if (padded.length === 0 || unpadded.length === 0) return;
  const minority = padded.length <= unpadded.length ? padded : unpadded;
  const style = minority === padded ? "zero-padded" : "not padded";
  const majority = minority === padded ? unpadded.length : padded.length;
  for (const { dir, day } of minority) {
    report(firstFileIn(day, day.padded[day.dirs.indexOf(dir)]!, ctx), `day folder ${dir} is ${style}, unlike ${majority} other day folder${majority === 1 ? "" : "s"}`);
  }
}

/** The day page in the day's folder that is (or is not) padded, else its first event file there. */
function firstFileIn(day: Day, padded: boolean, ctx: IndexContext): string | null {
  if (day.page >= 0 && isPadded(ctx.index, day.page) === padded) return ctx.path(day.page);
  const file = day.files.find((id) => isPadded(ctx.index, id) === padded);
  return file === undefined ? null : ctx.path(file);
}

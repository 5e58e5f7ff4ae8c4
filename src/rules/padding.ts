// mixed-day-padding on the index. The archive's convention is unpadded days;
// a padded archive is fine too. Folders in the minority convention (padded
// on a tie) are reported once each, on their day page or else their first
// file; a day split over 1/ and 01/ is reported on the second folder.

import { formatYmd, type Day } from "../archive/index/events.js";
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
    if (day.dirs.length > 1) report(firstFileIn(day, day.dirs[1]!, ctx), `the day ${formatYmd(day.ymd)} is split over ${day.dirs.join(" and ")}`);
  }
  if (padded.length === 0 || unpadded.length === 0) return;
  const minority = padded.length <= unpadded.length ? padded : unpadded;
  const style = minority === padded ? "zero-padded" : "not padded";
  const majority = minority === padded ? unpadded.length : padded.length;
  for (const { dir, day } of minority) {
    report(firstFileIn(day, dir, ctx), `day folder ${dir} is ${style}, unlike ${majority} other day folder${majority === 1 ? "" : "s"}`);
  }
}

function firstFileIn(day: Day, dir: string, ctx: IndexContext): string | null {
  const inDir = (id: number) => {
    const path = ctx.path(id);
    return path.length > dir.length && path.startsWith(dir) && path.lastIndexOf("/") === dir.length;
  };
  if (day.page >= 0 && inDir(day.page)) return ctx.path(day.page);
  const file = day.files.find(inDir);
  return file === undefined ? null : ctx.path(file);
}

// newsctl stats as text: with bars and a sparkline at a terminal, within
// its width; numbers only elsewhere. Pure functions of the stats.

import { bar, sparkline } from "./chart.js";
import type { Distribution, Stats } from "./collect.js";

export interface TextLayout {
  /** The columns to fit in. */
  width: number;
  bars: boolean;
  c: { bold(s: string): string; cyan(s: string): string; dim(s: string): string };
}

interface Row {
  label: string;
  value: number;
}

const MAX_LABEL = 24;
const LISTED = 5;
/** Values up to this are a row each; larger ones share a last row. */
const DISTRIBUTION_ROWS = 9;

export function formatStats(s: Stats, layout: TextLayout): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const counts = `${plural(s.events, "event")}${s.year === null ? "" : ` in ${s.year}`}, ${plural(s.versions, "version")}`;
  const span = s.first ? `${s.first} to ${s.last}` : "";
  const fits = !layout.bars || counts.length + span.length + 2 < layout.width;
  const sections = [
    `${counts}${span ? (fits ? ", " : "\n") + span : ""}\n`,
    timelineSection(s, layout),
    section(layout, `Versions per event${averages(s.versionsPerEvent)}`, distributionRows(s.versionsPerEvent, 1)),
    section(layout, `Sources per event${averages(s.sourcesPerEvent)}`, distributionRows(s.sourcesPerEvent, 0)),
    section(layout, "Top tags", s.topTags.map((t) => ({ label: t.tag, value: t.count }))),
    section(layout, "Top source domains", s.topDomains.map((d) => ({ label: d.domain, value: d.count }))),
    listed(`No source: ${plural(s.noSource.count, "event")}`, s.noSource.paths, layout) +
      listed(`No related event: ${plural(s.noRelated.count, "event")}`, s.noRelated.paths, layout),
  ];
  return sections.filter((x) => x !== "").join("\n");
}

function timelineSection(s: Stats, layout: TextLayout): string {
  const { counts, unit } = s.timeline;
  if (counts.length === 0) return "";
  const title = unit === "year" ? "Events per year" : `Events per month in ${s.year}`;
  const values = counts.map((p) => p.events);
  const room = layout.width - title.length - 4;
  const spark = layout.bars && counts.length > 1 && room >= 8 ? "  " + layout.c.cyan(sparkline(values, room)) : "";
  return section(
    layout,
    title + spark,
    counts.map((p) => ({ label: unit === "year" ? p.period : MONTHS[Number(p.period.slice(5)) - 1]!, value: p.events })),
  );
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function averages(d: Distribution): string {
  return d.counts.length ? ` (mean ${d.mean}, max ${d.max})` : "";
}

/** One row per value from `from` up to DISTRIBUTION_ROWS, then "N+" for the rest. */
function distributionRows(d: Distribution, from: number): Row[] {
  if (d.counts.length === 0) return [];
  const count = (test: (n: number) => boolean) => d.counts.filter((x) => test(x.n)).reduce((a, x) => a + x.events, 0);
  const rows: Row[] = [];
  for (let n = from; n <= Math.min(d.max, DISTRIBUTION_ROWS); n++) rows.push({ label: String(n), value: count((v) => v === n) });
  if (d.max > DISTRIBUTION_ROWS) rows.push({ label: `${DISTRIBUTION_ROWS + 1}+`, value: count((v) => v > DISTRIBUTION_ROWS) });
  return rows;
}

function section(layout: TextLayout, title: string, rows: Row[]): string {
  if (rows.length === 0) return "";
  const labels = rows.map((r) => truncate(r.label, MAX_LABEL));
  const labelWidth = Math.max(...labels.map(displayWidth));
  const countWidth = Math.max(...rows.map((r) => String(r.value).length));
  const max = Math.max(...rows.map((r) => r.value));
  // Two spaces before the label, between columns, and one spare at the end so a terminal never wraps.
  const barWidth = layout.bars ? Math.max(0, layout.width - labelWidth - countWidth - 9) : 0;
  const lines = rows.map((r, i) => {
    const label = labels[i]! + " ".repeat(labelWidth - displayWidth(labels[i]!));
    const count = String(r.value).padStart(countWidth);
    if (barWidth === 0) return `  ${label}  ${count}`;
    const b = bar(r.value, max, barWidth);
    return `  ${label}  ${layout.c.cyan(b)}${" ".repeat(barWidth - [...b].length)}  ${count}`;
  });
  return `${layout.c.bold(title)}\n${lines.join("\n")}\n`;
}

/** A few of the paths; at a terminal each cut to its width (JSON has them whole). */
function listed(title: string, paths: string[], { c, bars, width }: TextLayout): string {
  const shown = paths.slice(0, LISTED).map((p) => `  ${c.dim(bars ? truncate(p, width - 3) : p)}\n`);
  const rest = `… and ${paths.length - LISTED} more (--format json lists them all)`;
  const more = paths.length > LISTED ? `  ${c.dim(bars ? truncate(rest, width - 3) : rest)}\n` : "";
  return `${title}\n${shown.join("")}${more}`;
}

const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uff60\uffe0-\uffe6]/u;

/** Terminal columns: wide East Asian characters take two, combining marks none. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /\p{M}/u.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
  return width;
}

function truncate(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = "";
  for (const ch of text) {
    if (displayWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return out + "…";
}

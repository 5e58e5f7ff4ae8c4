// The numbers behind newsctl stats, from current events only (a superseded
// version counts toward its event's versions, nothing else). Reading stays
// behind readStats, so a leaner index can answer it later.

import { formatIsoDate } from "../../archive/format/paths.js";
import { readArchive } from "../../archive/read/read-archive.js";
import type { Archive, Event } from "../../archive/types.js";
import { countTags, type TagCount } from "../tags/count.js";

export interface Distribution {
  mean: number;
  max: number;
  /** Only the values some event has, smallest first. */
  counts: { n: number; events: number }[];
}

export interface Stats {
  year: number | null;
  events: number;
  versions: number;
  first: string | null;
  last: string | null;
  /** Every year from the first to the last (every month of --year), empty ones included. */
  timeline: { unit: "year" | "month"; counts: { period: string; events: number }[] };
  versionsPerEvent: Distribution;
  sourcesPerEvent: Distribution;
  topTags: TagCount[];
  /** Source links (Cover Images left out) per host name, without a leading www. */
  topDomains: { domain: string; count: number }[];
  noSource: { count: number; paths: string[] };
  /** Events whose Related list links to no file of the archive. */
  noRelated: { count: number; paths: string[] };
}

export interface StatsQuery {
  year?: number;
  top: number;
}

export function readStats(root: string, query: StatsQuery): Stats {
  return collectStats(readArchive(root), query);
}

export function collectStats(archive: Archive, query: StatsQuery): Stats {
  const dated = archive.events
    .filter((e) => e.current.title)
    .map((event) => ({ event, date: formatIsoDate(event.current.info) }))
    .filter((e) => query.year === undefined || e.date.startsWith(`${String(query.year).padStart(4, "0")}-`))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const events = dated.map((d) => d.event);
  const sources = (e: Event) => e.current.sources.filter((s) => !s.isCover);
  const pathsWhere = (test: (e: Event) => boolean) => {
    const paths = events.filter(test).map((e) => e.current.path).sort();
    return { count: paths.length, paths };
  };
  return {
    year: query.year ?? null,
    events: events.length,
    versions: events.reduce((n, e) => n + e.versions.length, 0),
    first: dated[0]?.date ?? null,
    last: dated[dated.length - 1]?.date ?? null,
    timeline: timeline(
      dated.map((d) => d.date),
      query.year,
    ),
    versionsPerEvent: distribution(events.map((e) => e.versions.length)),
    sourcesPerEvent: distribution(events.map((e) => sources(e).length)),
    topTags: countTags(events.map((e) => e.contexts)).slice(0, query.top),
    topDomains: topDomains(events.flatMap((e) => sources(e).map((s) => s.dest)), query.top),
    noSource: pathsWhere((e) => sources(e).length === 0),
    noRelated: pathsWhere((e) => !e.current.related.some((r) => r.target.kind === "internal")),
  };
}

function timeline(dates: string[], year: number | undefined): Stats["timeline"] {
  const counts = new Map<string, number>();
  const key = (date: string) => (year === undefined ? date.slice(0, 4) : date.slice(0, 7));
  for (const d of dates) counts.set(key(d), (counts.get(key(d)) ?? 0) + 1);
  const periods: string[] = [];
  if (year !== undefined) {
    const y = String(year).padStart(4, "0");
    for (let m = 1; m <= 12; m++) periods.push(`${y}-${String(m).padStart(2, "0")}`);
  } else if (dates.length > 0) {
    for (let y = Number(key(dates[0]!)); y <= Number(key(dates[dates.length - 1]!)); y++) periods.push(String(y).padStart(4, "0"));
  }
  return { unit: year === undefined ? "year" : "month", counts: periods.map((period) => ({ period, events: counts.get(period) ?? 0 })) };
}

function distribution(values: number[]): Distribution {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const sum = values.reduce((a, b) => a + b, 0);
  return {
    mean: values.length ? Math.round((sum / values.length) * 100) / 100 : 0,
    max: values.reduce((a, b) => Math.max(a, b), 0),
    counts: [...counts].sort((a, b) => a[0] - b[0]).map(([n, events]) => ({ n, events })),
  };
}

function topDomains(urls: string[], top: number): Stats["topDomains"] {
  const counts = new Map<string, number>();
  for (const url of urls) {
    let host: string;
    try {
      host = new URL(url).hostname.toLowerCase().replace(/^www\./, "");
    } catch {
      continue; // not a URL: validate's bad-url says so
    }
    if (host) counts.set(host, (counts.get(host) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, top)
    .map(([domain, count]) => ({ domain, count }));
}

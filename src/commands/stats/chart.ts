// Bars and sparklines out of block characters: pure functions of numbers
// and widths, so they read the same with colour or without.

const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
const SPARKS = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

/** A bar `value / max` of `width` cells, in eighths; any value above 0 shows at least a sliver. */
export function bar(value: number, max: number, width: number): string {
  if (value <= 0 || max <= 0 || width <= 0) return "";
  const eighths = Math.max(1, Math.round((Math.min(value, max) / max) * width * 8));
  return "█".repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]!;
}

/** One cell per value, at most `width` cells (neighbours summed when there are more values); a space for 0. */
export function sparkline(values: number[], width: number): string {
  const cells = bucket(values, Math.max(1, width));
  const max = cells.reduce((a, b) => Math.max(a, b), 0);
  return cells.map((v) => (v <= 0 || max <= 0 ? " " : SPARKS[Math.min(7, Math.floor((v / max) * 7.999))]!)).join("");
}

function bucket(values: number[], width: number): number[] {
  if (values.length <= width) return values;
  const out = new Array<number>(width).fill(0);
  values.forEach((v, i) => (out[Math.floor((i * width) / values.length)]! += v));
  return out;
}

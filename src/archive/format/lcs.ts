// A longest common subsequence of two lists, as the operations that turn
// one into the other: for merging day pages. The --dry-run diffs use jsdiff;
// the merge keeps this LCS because it needs its tie-break: among equal
// matches it keeps the later ones (a page's trailing blank line stays the
// anchor both sides share), where jsdiff's Myers diff matches the first blank
// line and so splits two sides' appended entries apart. Day pages are short,
// so the quadratic table is never large (and is capped below).

export interface LcsOp {
  kind: " " | "-" | "+";
  /** Index in a (for " " and "-"). */
  a: number;
  /** Index in b (for " " and "+"). */
  b: number;
}

/** How many items two lists start with in common (`start`), and where their common tails begin. */
export function commonEnds<T>(a: readonly T[], b: readonly T[]): { start: number; endA: number; endB: number } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { start, endA, endB };
}

/** Common ends trimmed, an LCS in between; past 4 million cells the middle is all removed, then all added. */
export function lcsOps<T>(a: readonly T[], b: readonly T[]): LcsOp[] {
  const { start, endA, endB } = commonEnds(a, b);
  const ops: LcsOp[] = [];
  for (let k = 0; k < start; k++) ops.push({ kind: " ", a: k, b: k });
  const n = endA - start;
  const m = endB - start;
  if (n * m > 4_000_000) {
    for (let i = start; i < endA; i++) ops.push({ kind: "-", a: i, b: -1 });
    for (let j = start; j < endB; j++) ops.push({ kind: "+", a: -1, b: j });
  } else {
    const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i]![j] = a[start + i] === b[start + j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[start + i] === b[start + j]) ops.push({ kind: " ", a: start + i++, b: start + j++ });
      else if (j < m && (i >= n || lcs[i]![j + 1]! > lcs[i + 1]![j]!)) ops.push({ kind: "+", a: -1, b: start + j++ });
      else ops.push({ kind: "-", a: start + i++, b: -1 });
    }
  }
  for (let k = 0; k < a.length - endA; k++) ops.push({ kind: " ", a: endA + k, b: endB + k });
  return ops;
}

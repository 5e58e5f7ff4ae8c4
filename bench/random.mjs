// The seeded random numbers the generator and the defect injector share. A
// module of its own so that neither imports the other: generate.mjs loads
// defects.mjs with a top-level await, and a cycle between the two deadlocks.

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

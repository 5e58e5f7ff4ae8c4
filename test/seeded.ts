// Property tests run from a fixed seed, so a failure in CI is a failure on
// every machine; the seed is printed with any failure. Set NEWSCTL_TEST_SEED
// to explore other seeds.

import fc from "fast-check";

export const SEED = Number(process.env["NEWSCTL_TEST_SEED"] ?? 20260110);

export function assertSeeded<T>(property: fc.IProperty<T>, numRuns: number): void {
  try {
    fc.assert(property, { seed: SEED, numRuns });
  } catch (error) {
    const message = (error as Error).message;
    throw new Error(`property failed with seed ${SEED} (rerun: NEWSCTL_TEST_SEED=${SEED})\n${message}`, { cause: error });
  }
}

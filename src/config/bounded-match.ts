// Regular expressions from an untrusted file, run in bounded time. A pattern
// such as `(a+)+$` backtracks for years on the wrong input, and JavaScript
// regular expressions cannot be given a deadline; a script run by node:vm
// can (V8 interrupts even a regular expression mid-match). So every test
// runs inside one such script per pattern, all of them within one budget.

import { createContext, Script } from "node:vm";

/**
 * For every pattern together: a base far above what sane patterns need on
 * a few hundred inputs, growing with the work (a linear pattern tests a
 * short string in well under a microsecond), and capped well short of a hang.
 */
export function matchBudgetMs(patterns: number, inputs: number): number {
  return Math.min(30_000, Math.ceil(3000 + (patterns * inputs) / 200));
}

export class PatternTimeout extends Error {
  constructor(readonly index: number) {
    super(`pattern ${index} ran out of time`);
    this.name = "PatternTimeout";
  }
}

const LOOP = new Script("for (let i = 0; i < inputs.length; i++) if (hits[i] < 0 && re.test(inputs[i])) hits[i] = k;");

/**
 * For each input, the index of the first pattern that matches it, or -1.
 * Throws PatternTimeout naming the pattern that was running when the budget
 * ran out.
 */
export function firstMatches(patterns: readonly RegExp[], inputs: readonly string[], budgetMs = matchBudgetMs(patterns.length, inputs.length)): Int32Array {
  const hits = new Int32Array(inputs.length).fill(-1);
  if (patterns.length === 0 || inputs.length === 0) return hits;
  const sandbox = createContext({ inputs, hits, re: null as RegExp | null, k: 0 });
  const deadline = Date.now() + budgetMs;
  patterns.forEach((pattern, k) => {
    // A fresh copy: a `g` or `y` flag's lastIndex must not carry over between inputs.
    sandbox["re"] = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ""));
    sandbox["k"] = k;
    const left = Math.ceil(deadline - Date.now());
    if (left <= 0) throw new PatternTimeout(k);
    try {
      LOOP.runInContext(sandbox, { timeout: left });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_SCRIPT_EXECUTION_TIMEOUT") throw new PatternTimeout(k);
      throw error;
    }
  });
  return hits;
}

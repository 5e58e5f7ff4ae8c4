// The errors an API call throws, one class per kind of outcome, the same the
// CLI turns into exit codes: UsageError (bad input: exit 2), FailureError
// (could not finish: exit 3), both NewsctlError. A file-system error a user
// can cause (a permission, a full disk) arrives as a FailureError whose
// `cause` is the original; anything else is a bug and passes unchanged.

import { describeOsError, FailureError, isOsError, NewsctlError } from "../errors.js";

export { FailureError, NewsctlError, UsageError } from "../errors.js";

/** @internal */
export async function inApiTerms<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof NewsctlError) && isOsError(error)) throw new FailureError(describeOsError(error), { cause: error });
    throw error;
  }
}

import type { Context } from "../../cli/context.js";
import { FailureError } from "../../errors.js";

export async function runHistory(_ctx: Context, _opts: Record<string, unknown>): Promise<number> {
  throw new FailureError("history is not built yet");
}

import type { Context } from "../../cli/context.js";
import { FailureError } from "../../errors.js";

export async function runRevise(_ctx: Context, _opts: Record<string, unknown>): Promise<number> {
  throw new FailureError("revise is not built yet");
}

import type { Context } from "../../cli/context.js";
import { FailureError } from "../../errors.js";

export async function runAdd(_ctx: Context, _opts: Record<string, unknown>): Promise<number> {
  throw new FailureError("add is not built yet");
}

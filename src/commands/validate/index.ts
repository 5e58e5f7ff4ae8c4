import type { Context } from "../../cli/context.js";
import { FailureError } from "../../errors.js";

export async function runValidate(_ctx: Context, _opts: Record<string, unknown>): Promise<number> {
  throw new FailureError("validate is not built yet");
}

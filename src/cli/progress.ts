// A progress line on stderr for people watching a terminal; nothing at all
// when stderr is a pipe or a CI log.

import type { Context } from "./context.js";

export interface Progress {
  show(message: string): void;
  clear(): void;
}

export function startProgress(ctx: Context): Progress {
  const on = Boolean(ctx.stderr.isTTY) && !ctx.env["CI"];
  let shown = false;
  return {
    show(message) {
      if (!on) return;
      ctx.stderr.write(`\r\x1b[2K${message}`);
      shown = true;
    },
    clear() {
      if (!shown) return;
      ctx.stderr.write("\r\x1b[2K");
      shown = false;
    },
  };
}

// validate's --online flags as the command receives them, their defaults,
// and the check that none is given without --online. Kept apart from the
// checker so a run without --online never loads the HTTP client.

export interface OnlineOptions {
  online?: boolean;
  concurrency?: number;
  /** Per request, ms. */
  timeout?: number;
  /** How old a cached success may be, ms. */
  maxAge?: number;
  /** false with --no-cache. */
  cache?: boolean;
  exclude?: RegExp[];
  /** How to name each `exclude` pattern in an error (the configuration's key); --exclude's own by default. */
  excludeNames?: string[];
  /** Requests at once to one host, and least ms between two starts to one host (the configuration sets them; no flag). */
  perHost?: number;
  hostInterval?: number;
  suggestArchived?: boolean;
  /** The availability endpoint for --suggest-archived (else $NEWSCTL_WAYBACK_URL, else archive.org's). */
  waybackUrl?: string;
}

export const ONLINE_DEFAULTS = {
  concurrency: 16,
  timeout: 10_000,
  maxAge: 24 * 3600 * 1000,
  perHost: 2,
  /** Between the starts of two requests to one host. */
  intervalMs: 250,
} as const;

const ONLY_WITH_ONLINE: [keyof OnlineOptions, string][] = [
  ["concurrency", "--concurrency"],
  ["timeout", "--timeout"],
  ["maxAge", "--max-age"],
  ["exclude", "--exclude"],
  ["suggestArchived", "--suggest-archived"],
  ["waybackUrl", "--wayback-url"],
];

/** What is wrong when an online-only flag is given without the flag it belongs to, or null. */
export function strayOnlineFlag(opts: OnlineOptions): string | null {
  if (!opts.online) {
    for (const [key, flag] of ONLY_WITH_ONLINE) if (opts[key] !== undefined && opts[key] !== false) return `${flag} goes with --online`;
  }
  if (opts.waybackUrl !== undefined && !opts.suggestArchived) return "--wayback-url goes with --suggest-archived";
  return null;
}

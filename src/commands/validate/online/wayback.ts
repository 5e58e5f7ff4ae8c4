// --suggest-archived: ask a Wayback-Machine-style availability endpoint
// (GET <endpoint>?url=…&timestamp=YYYYMMDD, answering
// {"archived_snapshots":{"closest":{"available":true,"status":"200","url":…}}})
// for the copy nearest the day the event was recorded.

import { checkSourceUrl } from "../../../archive/format/urls.js";
import type { Net } from "./net.js";

export const DEFAULT_WAYBACK_ENDPOINT = "https://archive.org/wayback/available";

const MAX_ANSWER = 1024 * 1024;
const ATTEMPTS = 2;

/** The archived copy's address, or null when there is none (or the endpoint did not answer sensibly). */
export async function findArchivedCopy(url: string, day: string | null, net: Net, endpoint: string): Promise<string | null> {
  const ask = new URL(endpoint);
  ask.searchParams.set("url", url);
  if (day) ask.searchParams.set("timestamp", day);
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const answer = await net.send("GET", ask.href, MAX_ANSWER);
    if (answer.kind === "answer" && answer.status === 200) return readSnapshot(answer.body ?? "", url);
    if (answer.kind === "answer" && answer.status !== 429 && answer.status < 500) return null;
    if (attempt < ATTEMPTS) net.pause(ask.href, 2000);
  }
  return null;
}

function readSnapshot(body: string, original: string): string | null {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return null;
  }
  const closest = (data as { archived_snapshots?: { closest?: Record<string, unknown> } } | null)?.archived_snapshots?.closest;
  if (!closest || typeof closest !== "object") return null;
  if (closest["available"] !== true) return null;
  const status = closest["status"];
  if (status !== undefined && !/^2\d\d$/.test(String(status))) return null;
  const found = closest["url"];
  if (typeof found !== "string" || checkSourceUrl(found) !== null) return null;
  const copy = new URL(found);
  // The Wayback Machine answers with http:// addresses; it serves the same copies over https.
  if (copy.protocol === "http:" && copy.hostname === "web.archive.org") copy.protocol = "https:";
  return copy.href === original ? null : copy.href;
}

// Source and cover URLs: absolute http(s), nothing else.

/** Why a source URL is not acceptable, or null when it is. */
export function checkSourceUrl(url: string): string | null {
  if (url.trim() === "") return "empty URL";
  if (/\s/.test(url)) return "URL holds spaces";
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "not an absolute URL";
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return `not http(s) (${parsed.protocol})`;
  if (!parsed.hostname) return "no host";
  return null;
}

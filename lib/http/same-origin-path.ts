// Where a user-supplied redirect target (`?next=`, Auth.js callbacks) may
// send the browser. The target is parsed the way a browser parses it (the
// WHATWG URL parser drops tabs and newlines, reads `\` as `/`, resolves
// dot segments), and only its origin is compared: string rules such as
// "starts with / but not //" are what `/%09/evil.example` slipped past.

/**
 * The path, query and fragment of `target` if it resolves to `origin`,
 * else `fallback`. The result is ASCII (the parser percent-encodes
 * controls and non-ASCII), so it is safe in a `Location` header.
 */
export function sameOriginPath(target: unknown, origin: string, fallback = "/"): string {
  if (typeof target !== "string" || target.trim() === "") return fallback;
  const base = new URL(origin);
  let url: URL;
  try {
    url = new URL(target, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/.//evil.example` resolves to the path `//evil.example`, which a
  // browser reads back as another host.
  if (!path.startsWith("/") || path.startsWith("//")) return fallback;
  return path;
}

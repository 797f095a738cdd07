// COFFER_PUBLIC_URL: the address users reach Coffer at. Auth.js builds its
// redirects from it and the server prints it, so neither depends on the
// listening address (0.0.0.0) or on request headers a client can forge.
// No zod here: server.ts reads it without loading the config parser.

export const PUBLIC_URL_RULE = "must be an http:// or https:// URL with no path, query or credentials";

/** The origin of an acceptable public URL, or null. */
export function publicOriginOf(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password || url.search || url.hash || url.pathname !== "/") return null;
  return url.origin;
}

/** The public origin for a (checked) COFFER_PUBLIC_URL value, defaulting to localhost. */
export function publicOrigin(value: string | undefined, port: number): string {
  return (value && publicOriginOf(value)) || `http://localhost:${port}`;
}

// How the tests find an answer's Content-Type among the document's content
// keys: the server adds `charset=utf-8` to the manifest types it answers,
// the document lists each type once without it.

/** A Content-Type as the document's content keys spell it: lowercase, parameters joined by "; ", charset left out. */
export function mediaTypeKey(contentType: string): string {
  const [type = "", ...parameters] = contentType.split(";").map((part) => part.trim().toLowerCase());
  return [type, ...parameters.filter((p) => p && !p.startsWith("charset="))].join("; ");
}

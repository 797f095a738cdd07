// The one way the console (and the CLI outside docker's own formats) writes
// an absolute time: "2026-12-01 20:27:43 UTC". UTC and to the second, so
// the server's render and the browser's agree (toLocaleString would not),
// and the same text is what a person pastes into an audit search.

/** "2026-12-01 20:27:43 UTC" for an ISO time or a Date; an unparseable text is shown as given. */
export function exactTime(time: string | Date): string {
  const date = typeof time === "string" ? new Date(time) : time;
  if (Number.isNaN(date.getTime())) return String(time);
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

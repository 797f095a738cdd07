/** "2026-11-25 17:20:31 UTC": the same on server and client, unlike toLocaleString. */
export function exactTime(iso: string): string {
  return `${iso.slice(0, 19).replace("T", " ")} UTC`;
}

// `--expires-in-days N | --no-expiry`, shared by create and renew: both mint
// a token, and both default to the server's year.
import { type OptionSpec, type ParsedArgs, text } from "../args";
import { UsageError } from "../errors";

export const expiryOptions: OptionSpec[] = [
  { name: "expires-in-days", type: "string", value: "int", help: "Days until the token expires, 1-3650 (default 365)" },
  { name: "no-expiry", type: "boolean", help: "The token never expires" },
];

/** The body's `expiresInDays`: absent for the server's default, null for never. The server bounds the number. */
export function expiryBody(values: ParsedArgs["values"], command: string): { expiresInDays?: number | null } {
  const days = text(values, "expires-in-days");
  if (days !== undefined && values["no-expiry"] === true) {
    throw new UsageError(
      `if any flags in the group [expires-in-days no-expiry] are set none of the others can be; [expires-in-days no-expiry] were all set`,
      command,
    );
  }
  if (values["no-expiry"] === true) return { expiresInDays: null };
  if (days === undefined) return {};
  if (!/^\d+$/.test(days))
    throw new UsageError(`invalid argument "${days}" for "--expires-in-days": expected a whole number of days`, command);
  return { expiresInDays: Number(days) };
}

/** "expires 2027-…" or "does not expire", for the stderr hint. */
export function expiryText(expiresAt: string | null): string {
  return expiresAt ? `expires ${expiresAt}` : "does not expire";
}

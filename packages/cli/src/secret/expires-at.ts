// `--expires-at <ISO time|+30d>`: when a secret should be renewed by (issue
// 18). The server warns from 7 days before; it takes an ISO 8601 time with an
// offset, so a date or a "+N unit" is turned into one here, in UTC.
import type { OptionSpec } from "../args";
import { UsageError } from "../errors";

export const expiresAtOption: OptionSpec = {
  name: "expires-at",
  type: "string",
  help: 'When the secret expires: an ISO 8601 date or time ("2027-01-31", "2027-01-31T12:00:00Z"), or from now ("+30d", "+12h")',
};

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;
const RELATIVE = /^\+(\d{1,5})([mhdw])$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
// An offset is required: a time without one would mean the reader's zone on one machine and UTC on another.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The body's expiresAt (an ISO time in UTC) for the flag's value; a UsageError naming the flag otherwise. */
export function expiresAtValue(raw: string, command: string, now = new Date()): string {
  const value = raw.trim();
  const relative = RELATIVE.exec(value);
  if (relative) return new Date(now.getTime() + Number(relative[1]) * UNIT_MS[relative[2] as keyof typeof UNIT_MS]).toISOString();
  const iso = DATE_ONLY.test(value) ? `${value}T00:00:00Z` : DATE_TIME.test(value) ? value : null;
  const time = iso ? new Date(iso) : null;
  // Date parses "2027-02-31" as March 3rd: the round trip catches days that do not exist.
  if (!time || Number.isNaN(time.getTime()) || (DATE_ONLY.test(value) && time.toISOString().slice(0, 10) !== value)) {
    throw new UsageError(
      `invalid argument "${raw}" for "--expires-at": expected an ISO 8601 date or time with an offset ("2027-01-31", "2027-01-31T12:00:00Z") or "+N" and m, h, d or w ("+30d")`,
      command,
    );
  }
  return time.toISOString();
}

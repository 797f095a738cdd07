"use client";

import { SelectField } from "./select-field";

// The lifetimes a console-made token may have; lib accepts these as expiresInDays.
const EXPIRY = [
  ["30", "30 days"],
  ["90", "90 days"],
  ["365", "1 year"],
  ["never", "Never"],
] as const;

export type ExpiryChoice = (typeof EXPIRY)[number][0];

type Props = { id: string; label?: string; error?: string; defaultDays?: ExpiryChoice };

/**
 * A token's expiry, posted as expiresInDays; `defaultDays` (a year) unless
 * changed. Uncontrolled, so what is on screen is always what a submit posts:
 * forms that keep their fields (submitWithoutReset) keep the choice, and a
 * form React resets after its action (the personal-token form) goes back to
 * the default, where a controlled select would show its first option while
 * its state kept another.
 */
export function ExpirySelect({ id, label = "Expires", error, defaultDays = "365" }: Props) {
  return (
    <SelectField id={id} label={label} name="expiresInDays" defaultValue={defaultDays} error={error}>
      {EXPIRY.map(([value, text]) => (
        <option key={value} value={value}>
          {text}
        </option>
      ))}
    </SelectField>
  );
}

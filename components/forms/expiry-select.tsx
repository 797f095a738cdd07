"use client";

import { useState } from "react";
import { SelectField } from "./select-field";

// The lifetimes a console-made token may have; lib accepts these as expiresInDays.
const EXPIRY = [
  ["30", "30 days"],
  ["90", "90 days"],
  ["365", "1 year"],
  ["never", "Never"],
] as const;

/**
 * A token's expiry, posted as expiresInDays; a year unless changed. Controlled,
 * so the choice on screen is the one a second submit posts (see submitWithoutReset).
 */
export function ExpirySelect({ id, label = "Expires", error }: { id: string; label?: string; error?: string }) {
  const [expiry, setExpiry] = useState("365");
  return (
    <SelectField
      id={id}
      label={label}
      name="expiresInDays"
      value={expiry}
      onChange={(event) => setExpiry(event.target.value)}
      error={error}
    >
      {EXPIRY.map(([value, text]) => (
        <option key={value} value={value}>
          {text}
        </option>
      ))}
    </SelectField>
  );
}

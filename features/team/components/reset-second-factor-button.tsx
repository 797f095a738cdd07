"use client";

import { ShieldX } from "lucide-react";
import { resetSecondFactorAction } from "@/features/team/member-actions";
import { ConfirmButton } from "./confirm-button";

function factors(totp: boolean, passkeys: number): string {
  const parts = [
    totp ? "their authenticator app and recovery codes" : null,
    passkeys ? `${passkeys} passkey${passkeys === 1 ? "" : "s"}` : null,
  ];
  return parts.filter(Boolean).join(" and ");
}

/** For a member who lost their authenticator or passkeys: removes every second factor and signs them out. */
export function ResetSecondFactorButton({
  userId,
  email,
  totp,
  passkeys,
}: {
  userId: string;
  email: string;
  totp: boolean;
  passkeys: number;
}) {
  return (
    <ConfirmButton
      label={
        <>
          <ShieldX aria-hidden className="size-4" />
          Reset two-factor
        </>
      }
      title={`Reset two-factor sign-in for ${email}?`}
      description={`This removes ${factors(totp, passkeys)} and signs them out everywhere. They then sign in with their password alone; if one of their roles requires a second factor, they are asked to set one up first.`}
      confirmLabel="Reset two-factor"
      pendingLabel="Resetting…"
      danger
      action={resetSecondFactorAction}
      fields={{ userId }}
      done={`Two-factor sign-in for ${email} is reset.`}
    />
  );
}

"use client";

import type { FormAction } from "@/components/forms/action-state";
import { RevokeButton } from "@/components/forms/revoke-button";
import { revokeTokenAction } from "@/features/tokens/actions";

// The action takes the token's id; the confirm dialog's form hands it over as a field.
const revoke: FormAction = async (_prev, form) => {
  const { error } = await revokeTokenAction(String(form.get("tokenId") ?? ""));
  return error ? { ok: false, error } : { ok: true };
};

/**
 * Revoking one of your own API tokens, confirmed in the same dialog as every
 * other destructive action (it was window.confirm(), issue 17).
 */
export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  return (
    <RevokeButton
      ariaLabel={`Revoke token ${name}`}
      title={`Revoke token ${name}?`}
      description="Anything using it (the coffer CLI, a script) stops working at once. Your other tokens keep working."
      action={revoke}
      fields={{ tokenId: id }}
      done={`Revoked token ${name}.`}
      confirmLabel="Revoke token"
    />
  );
}

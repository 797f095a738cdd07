"use client";

import { UserCheck, UserX } from "lucide-react";
import { useActionState } from "react";
import { setDisabledAction } from "@/features/team/member-actions";
import type { ActionState } from "@/components/forms/action-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { ConfirmButton } from "./confirm-button";

function EnableButton({ userId, email }: { userId: string; email: string }) {
  const toast = useToast();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(async (prev, form) => {
    const next = await setDisabledAction(prev, form);
    if (next.ok) toast(`${email} can sign in again.`);
    return next;
  }, {});
  return (
    <form action={formAction} className="flex flex-col items-end gap-2" noValidate>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value="false" />
      <Button type="submit" variant="secondary" disabled={pending}>
        <UserCheck aria-hidden className="size-4" />
        {pending ? "Enabling…" : "Enable"}
      </Button>
      {state.error ? <Alert>{state.error}</Alert> : null}
    </form>
  );
}

/** Disabling ends their sessions and revokes their API tokens at once, so it asks first; enabling does not. */
export function MemberStatusButton({ userId, email, disabled }: { userId: string; email: string; disabled: boolean }) {
  if (disabled) return <EnableButton userId={userId} email={email} />;
  return (
    <ConfirmButton
      label={
        <>
          <UserX aria-hidden className="size-4" />
          Disable
        </>
      }
      title={`Disable ${email}?`}
      description="They are signed out at once and their API tokens are revoked. Their grants stay, so enabling them later restores their access, but not their old tokens."
      confirmLabel="Disable member"
      pendingLabel="Disabling…"
      danger
      action={setDisabledAction}
      fields={{ userId, disabled: "true" }}
      done={`${email} is disabled.`}
    />
  );
}

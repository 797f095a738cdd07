"use client";

import { Ban } from "lucide-react";
import { useActionState } from "react";
import { revokeServiceTokenAction, type ActionState } from "@/app/(console)/services/actions";
import { FormFooter } from "@/components/secrets/form-footer";
import { Alert } from "@/components/ui/alert";
import { DialogButton } from "@/components/ui/dialog-button";
import { useToast } from "@/components/ui/toast";

type Props = { ns: string; service: string; tokenId: string; name: string };

function RevokeForm({ ns, service, tokenId, name, close }: Props & { close: () => void }) {
  const toast = useToast();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(async (prev, form) => {
    const next = await revokeServiceTokenAction(prev, form);
    if (next.ok) {
      close();
      toast(`Token ${name} revoked.`);
    }
    return next;
  }, {});
  return (
    <form action={formAction} className="space-y-4">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="ns" value={ns} />
      <input type="hidden" name="service" value={service} />
      <input type="hidden" name="tokenId" value={tokenId} />
      <FormFooter focusCancel danger onCancel={close} pending={pending} label="Revoke token" pendingLabel="Revoking…" />
    </form>
  );
}

export function RevokeServiceTokenButton(props: Props) {
  return (
    <DialogButton
      variant="ghost"
      className="whitespace-nowrap px-2 py-1 text-xs text-red-600 dark:text-red-400"
      label={
        <>
          <Ban aria-hidden className="size-3.5" />
          Revoke
        </>
      }
      ariaLabel={`Revoke token ${props.name}`}
      title={`Revoke token ${props.name}?`}
      description={`An agent using it can no longer read ${props.service}'s secrets, at once. Files it already wrote stay until it is stopped.`}
    >
      {(close) => <RevokeForm {...props} close={close} />}
    </DialogButton>
  );
}

"use client";

import { RefreshCw } from "lucide-react";
import { useActionState, useId } from "react";
import { renewIntegrationAction, type CreateIntegrationState } from "@/features/integrations/actions";
import { ExpirySelect } from "@/components/forms/expiry-select";
import { FormFooter } from "@/components/forms/form-footer";
import { submitWithoutReset } from "@/components/forms/submit-without-reset";
import { Alert } from "@/components/ui/alert";
import { DialogButton } from "@/components/ui/dialog-button";
import type { IntegrationKind } from "@/packages/contracts/src/integrations/integration-dto";
import { NewIntegrationPanel } from "./new-integration-panel";

type Props = { ns: string; id: string; name: string; kind: IntegrationKind };

// What breaks until the host has the new token, in the words of the platform that notices.
const EFFECT: Record<IntegrationKind, string> = {
  "docker-swarm": "Until the plugin has the new one, Swarm tasks that start cannot get their Coffer secrets; running tasks keep theirs.",
  "kubernetes-kms":
    "Until the plugin has the new one, the kube-apiserver's KMS calls fail. Data already in etcd stays readable with the new token: it belongs to this integration, not to its token.",
};

function RenewIntegrationForm({ ns, id, name, kind, close }: Props & { close: () => void }) {
  const [state, formAction, pending] = useActionState<CreateIntegrationState, FormData>(renewIntegrationAction, {});
  const fieldId = useId();
  if (state.token && state.kind) {
    return (
      <NewIntegrationPanel renewed token={state.token} kind={state.kind} name={name} expiresAt={state.expiresAt ?? null} onDone={close} />
    );
  }
  return (
    <form onSubmit={submitWithoutReset(formAction)} className="space-y-4" noValidate>
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="ns" value={ns} />
      <input type="hidden" name="id" value={id} />
      <p className="text-sm text-zinc-600 dark:text-zinc-300">{EFFECT[kind]}</p>
      <ExpirySelect id={`${fieldId}-expiry`} label="New token expires" error={state.fieldErrors?.expiresInDays} />
      <FormFooter focusCancel danger onCancel={close} pending={pending} label="Renew token" pendingLabel="Renewing…" />
    </form>
  );
}

/**
 * A new token for the same integration, for when the old one expires or
 * leaks: the integration keeps its id, so a KMS plugin's ciphertexts stay
 * readable. The new token lives only in this dialog, which stays mounted
 * across the refresh that lists its new prefix (the row keeps its key).
 */
export function RenewIntegrationButton({ ns, id, name, kind }: Props) {
  return (
    <DialogButton
      variant="ghost"
      className="whitespace-nowrap px-2 py-1 text-xs"
      label={
        <>
          <RefreshCw aria-hidden className="size-3.5" />
          {/* Short: the row already holds Revoke, and the table must fit beside the sidebar. */}
          Renew
        </>
      }
      ariaLabel={`Renew token of integration ${name}`}
      title={`Renew the token of integration ${name}?`}
      description="A new token replaces the current one, which stops working now."
      size="lg"
    >
      {(close) => <RenewIntegrationForm ns={ns} id={id} name={name} kind={kind} close={close} />}
    </DialogButton>
  );
}

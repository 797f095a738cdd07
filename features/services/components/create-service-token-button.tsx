"use client";

import { KeySquare } from "lucide-react";
import { createServiceTokenAction } from "@/features/services/actions";
import { CreateCredentialForm } from "@/components/forms/create-credential-form";
import { DialogButton } from "@/components/ui/dialog-button";
import { NewTokenPanel } from "./new-token-panel";

type Props = { ns: string; service: string };

function CreateTokenForm({ ns, service, close }: Props & { close: () => void }) {
  return (
    <CreateCredentialForm
      action={createServiceTokenAction}
      hidden={{ ns, service }}
      nameField={{ label: "Token name", maxLength: 100, hint: "Which agent or host uses it, like web-1.", initial: "agent" }}
      created={(token, state, name) => (
        <NewTokenPanel token={token} name={state.tokenName ?? name} service={service} expiresAt={state.expiresAt ?? null} onDone={close} />
      )}
      submitLabel="Create token"
      close={close}
    />
  );
}

/** A token for the service's agent; the plaintext appears in this dialog once. */
export function CreateServiceTokenButton({ ns, service, variant = "secondary" }: Props & { variant?: "primary" | "secondary" }) {
  return (
    <DialogButton
      variant={variant}
      label={
        <>
          <KeySquare aria-hidden className="size-4" />
          Create token
        </>
      }
      title={`New token for ${service}`}
      description={`The service's agent reads its bound secrets with it: whoever holds it reads every value bound to ${service}, now or later, for as long as you hold secret:bind here. Only its SHA-256 is stored.`}
      size="lg"
    >
      {(close) => <CreateTokenForm ns={ns} service={service} close={close} />}
    </DialogButton>
  );
}

"use client";

import { Ban } from "lucide-react";
import { revokeServiceTokenAction } from "@/features/services/actions";
import { ConfirmActionForm } from "../../../components/forms/confirm-action-form";
import { DialogButton } from "@/components/ui/dialog-button";

type Props = { ns: string; service: string; tokenId: string; name: string };

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
      {(close) => (
        <ConfirmActionForm
          fields={{ ns: props.ns, service: props.service, tokenId: props.tokenId }}
          action={revokeServiceTokenAction}
          done={`Token ${props.name} revoked.`}
          close={close}
          label="Revoke token"
          pendingLabel="Revoking…"
        />
      )}
    </DialogButton>
  );
}

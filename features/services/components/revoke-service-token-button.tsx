"use client";

import { revokeServiceTokenAction } from "@/features/services/actions";
import { RevokeButton } from "@/components/forms/revoke-button";

type Props = { ns: string; service: string; tokenId: string; name: string };

export function RevokeServiceTokenButton(props: Props) {
  return (
    <RevokeButton
      ariaLabel={`Revoke token ${props.name}`}
      title={`Revoke token ${props.name}?`}
      description={`An agent using it can no longer read ${props.service}'s secrets, at once. Files it already wrote stay until it is stopped.`}
      fields={{ ns: props.ns, service: props.service, tokenId: props.tokenId }}
      action={revokeServiceTokenAction}
      done={`Token ${props.name} revoked.`}
      confirmLabel="Revoke token"
    />
  );
}

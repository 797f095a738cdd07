"use client";

import { revokeIntegrationAction } from "@/features/integrations/actions";
import { RevokeButton } from "@/components/forms/revoke-button";
import type { IntegrationKind } from "@/packages/contracts/src/integrations/integration-dto";

type Props = { ns: string; id: string; name: string; kind: IntegrationKind };

// What stops working at once, in the words of the platform that notices.
const EFFECT: Record<IntegrationKind, string> = {
  "docker-swarm":
    "Swarm tasks that start from now on can no longer get their Coffer secrets, so they do not start; running tasks keep theirs.",
  "kubernetes-kms":
    "The kube-apiserver's KMS calls through this plugin fail: writing Secrets fails, and so does reading any it has not cached, until the plugin gets a new token.",
};

export function RevokeIntegrationButton({ ns, id, name, kind }: Props) {
  return (
    <RevokeButton
      ariaLabel={`Revoke integration ${name}`}
      title={`Revoke integration ${name}?`}
      description={`Its token stops working at once. ${EFFECT[kind]}`}
      fields={{ ns, id }}
      action={revokeIntegrationAction}
      done={`Integration ${name} revoked.`}
      confirmLabel="Revoke integration"
    />
  );
}

"use client";

import { OneTimeTokenPanel } from "@/components/forms/one-time-token-panel";
import type { IntegrationKind } from "@/packages/contracts/src/integrations/integration-dto";
import { pluginCommand, tokenFile } from "./integration-kinds";

// What the host does with the token once the plugin runs.
const AFTER: Record<IntegrationKind, React.ReactNode> = {
  "docker-swarm": (
    <>
      Run it as root on every Swarm manager (managers ask the driver when they assign a task). Then{" "}
      <code className="font-mono">docker secret create --driver coffer db_pw</code> makes a Swarm secret whose value Coffer holds; a task
      gets it only when its service is a Coffer service here bound to that secret.
    </>
  ),
  "kubernetes-kms": (
    <>
      Run it on each control-plane node and point the kube-apiserver&apos;s <code className="font-mono">EncryptionConfiguration</code> at
      the socket (a <code className="font-mono">kms</code> provider with <code className="font-mono">apiVersion: v2</code>).
    </>
  ),
};

// After a renewal the plugin already runs: only its token file changes.
const AFTER_RENEWAL: Record<IntegrationKind, React.ReactNode> = {
  "docker-swarm": (
    <>
      Replace the token file on every Swarm manager and restart the plugin there: Swarm tasks that start before it has the new token cannot
      get their secrets.
    </>
  ),
  "kubernetes-kms": (
    <>
      Replace the token file on each control-plane node and restart the plugin there. Nothing in etcd needs re-encrypting: its ciphertexts
      belong to this integration, which is the same one.
    </>
  ),
};

type Props = {
  token: string;
  kind: IntegrationKind;
  name: string;
  expiresAt: string | null;
  /** A renewed token of an existing integration, rather than a new integration. */
  renewed?: boolean;
  onDone: () => void;
};

/** A new (or renewed) integration's token, shown this once, with the command its host runs. */
export function NewIntegrationPanel({ token, kind, name, expiresAt, renewed = false, onDone }: Props) {
  return (
    <OneTimeTokenPanel
      notice={
        <>
          {renewed ? "The token of integration " : "Integration "}
          <span className="font-semibold">{name}</span> {renewed ? "was renewed: the old token no longer works" : "created"}
          {expiresAt ? "" : " (its token does not expire)"}. Copy the token now: it is shown once and cannot be shown again.
        </>
      }
      token={token}
      tokenLabel="Integration token"
      tokenTestId="new-integration-token"
      runner="plugin"
      tokenFile={tokenFile(name)}
      command={pluginCommand(kind, window.location.origin, name)}
      after={renewed ? AFTER_RENEWAL[kind] : AFTER[kind]}
      onDone={onDone}
    />
  );
}

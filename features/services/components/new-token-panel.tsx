"use client";

import { OneTimeTokenPanel } from "@/components/forms/one-time-token-panel";

/** The agent's command line; the server is the address this console is served from. */
export function agentCommand(origin: string, service: string): string {
  return `coffer agent --server ${origin} --token-file /etc/coffer/${service}.token --dir /run/secrets --watch`;
}

/** A new service token, shown this once, with what the workload runs next. */
export function NewTokenPanel({
  token,
  name,
  service,
  expiresAt,
  onDone,
}: {
  token: string;
  name: string;
  service: string;
  expiresAt: string | null;
  onDone: () => void;
}) {
  return (
    <OneTimeTokenPanel
      notice={
        <>
          Token <span className="font-semibold">{name}</span> created{expiresAt ? "" : " (it does not expire)"}. Copy it now: it is shown
          once and cannot be shown again.
        </>
      }
      token={token}
      tokenLabel="Service token"
      tokenTestId="new-service-token"
      runner="agent"
      tokenFile={`/etc/coffer/${service}.token`}
      command={agentCommand(window.location.origin, service)}
      after={
        <>
          It writes each bound secret to <code className="font-mono">/run/secrets</code> with its owner and mode, and keeps them current.
        </>
      }
      onDone={onDone}
    />
  );
}

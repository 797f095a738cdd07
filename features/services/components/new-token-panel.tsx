"use client";

import { TriangleAlert } from "lucide-react";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

/** The agent's command line; the server is the address this console is served from. */
export function agentCommand(origin: string, service: string): string {
  return `coffer agent --server ${origin} --token-file /etc/coffer/${service}.token --dir /run/secrets --watch`;
}

/**
 * A new service token, shown this once (only its SHA-256 is stored), with
 * what the workload runs next. It lives only in this dialog's state:
 * closing the dialog forgets it.
 */
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
  const command = agentCommand(window.location.origin, service);
  const panel = useRef<HTMLDivElement>(null);
  // The form that had the focus is gone: keyboard users land on the token.
  useEffect(() => panel.current?.focus(), []);
  return (
    <div ref={panel} tabIndex={-1} className="space-y-4 outline-none">
      <div
        role="status"
        className="flex gap-2 rounded-lg bg-amber-50 p-3 text-sm ring-1 ring-amber-200 dark:bg-amber-950/50 dark:ring-amber-900"
      >
        <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-amber-600 dark:text-amber-400" />
        <p className="text-amber-900 dark:text-amber-100">
          Token <span className="font-semibold">{name}</span> created{expiresAt ? "" : " (it does not expire)"}. Copy it now: it is shown
          once and cannot be shown again.
        </p>
      </div>
      <div className="space-y-1.5">
        <p className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Service token</p>
        <div className="flex items-center gap-2">
          <code
            data-testid="new-service-token"
            className="min-w-0 flex-1 truncate rounded-md bg-zinc-50 px-3 py-2 font-mono text-xs text-zinc-900 ring-1 ring-inset ring-zinc-200 dark:bg-zinc-950 dark:text-zinc-100 dark:ring-zinc-800"
          >
            {token}
          </code>
          <CopyButton text={token} label="Copy token" />
        </div>
      </div>
      <div className="space-y-1.5">
        <p className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Run the agent</p>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Save the token as <code className="font-mono">/etc/coffer/{service}.token</code>, readable only by the agent&apos;s user (
          <code className="font-mono">chmod 600</code>), then:
        </p>
        <div className="flex items-start gap-2">
          <pre
            data-testid="agent-command"
            className="min-w-0 flex-1 overflow-x-auto whitespace-pre-wrap break-all rounded-md bg-zinc-950 px-3 py-2 font-mono text-xs text-zinc-100 ring-1 ring-zinc-800"
          >
            {command}
          </pre>
          <CopyButton text={command} label="Copy agent command" />
        </div>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          It writes each bound secret to <code className="font-mono">/run/secrets</code> with its owner and mode, and keeps them current.
        </p>
      </div>
      <div className="flex justify-end pt-2">
        <Button type="button" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}

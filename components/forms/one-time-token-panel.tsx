"use client";

import { TriangleAlert } from "lucide-react";
import { useEffect, useRef, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

type Props = {
  /** The status line: what was made, and that it is shown once. */
  notice: ReactNode;
  token: string;
  /** "Service token", "Integration token". */
  tokenLabel: string;
  tokenTestId: string;
  /** What runs with the token ("agent", "plugin"): names its heading, command and copy button. */
  runner: string;
  /** Where the host keeps the token. */
  tokenFile: string;
  command: string;
  /** What happens once it runs. */
  after: ReactNode;
  onDone: () => void;
};

/**
 * A new token, shown this once (only its SHA-256 is stored), with the
 * command its host runs next. It lives only in the dialog's state.
 */
export function OneTimeTokenPanel({ notice, token, tokenLabel, tokenTestId, runner, tokenFile, command, after, onDone }: Props) {
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
        <p className="text-amber-900 dark:text-amber-100">{notice}</p>
      </div>
      <div className="space-y-1.5">
        <p className="text-sm font-medium text-zinc-800 dark:text-zinc-200">{tokenLabel}</p>
        <div className="flex items-center gap-2">
          <code
            data-testid={tokenTestId}
            className="min-w-0 flex-1 truncate rounded-md bg-zinc-50 px-3 py-2 font-mono text-xs text-zinc-900 ring-1 ring-inset ring-zinc-200 dark:bg-zinc-950 dark:text-zinc-100 dark:ring-zinc-800"
          >
            {token}
          </code>
          <CopyButton text={token} label="Copy token" />
        </div>
      </div>
      <div className="space-y-1.5">
        <p className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Run the {runner}</p>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Save the token as <code className="font-mono">{tokenFile}</code>, readable only by the {runner}&apos;s user (
          <code className="font-mono">chmod 600</code>), then:
        </p>
        <div className="flex items-start gap-2">
          <pre
            data-testid={`${runner}-command`}
            className="min-w-0 flex-1 overflow-x-auto whitespace-pre-wrap break-all rounded-md bg-zinc-950 px-3 py-2 font-mono text-xs text-zinc-100 ring-1 ring-zinc-800"
          >
            {command}
          </pre>
          <CopyButton text={command} label={`Copy ${runner} command`} />
        </div>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{after}</p>
      </div>
      <div className="flex justify-end pt-2">
        <Button type="button" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}

"use client";

import { useActionState } from "react";
import type { ActionState } from "@/components/forms/action-state";
import { ActionAlert } from "@/components/forms/approval-request";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type RewrapAction = (state: ActionState, form: FormData) => Promise<ActionState>;

type Props = {
  startAction: RewrapAction;
  cancelAction: RewrapAction;
  /** Set when the re-wrap cannot start now; shown under the button. */
  disabledReason: string | null;
  active: boolean;
};

export function RewrapControls({ startAction, cancelAction, disabledReason, active }: Props) {
  const [started, start, starting] = useActionState(startAction, {});
  const [cancelled, cancel, cancelling] = useActionState(cancelAction, {});
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <form action={start} noValidate>
          <Button
            type="submit"
            disabled={disabledReason !== null || starting}
            aria-describedby={disabledReason ? "rewrap-disabled-reason" : undefined}
          >
            {starting ? "Starting…" : "Start re-wrap"}
          </Button>
        </form>
        {active ? (
          <form action={cancel} noValidate>
            <Button type="submit" variant="secondary" disabled={cancelling}>
              {cancelling ? "Cancelling…" : "Cancel"}
            </Button>
          </form>
        ) : null}
      </div>
      {disabledReason ? (
        <p id="rewrap-disabled-reason" className="text-sm text-zinc-500 dark:text-zinc-400">
          {disabledReason}
        </p>
      ) : null}
      {cancelled.error ? <Alert>{cancelled.error}</Alert> : <ActionAlert state={started} />}
    </div>
  );
}

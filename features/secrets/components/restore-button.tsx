"use client";

import { ArchiveRestore } from "lucide-react";
import { useActionState } from "react";
import type { ActionState } from "@/components/forms/action-state";
import { restoreSecretAction } from "@/features/secrets/actions";
import { Button } from "@/components/ui/button";

/** Restoring is harmless, so no confirmation: success opens the restored secret. */
export function RestoreButton({ ns, name }: { ns: string; name: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(restoreSecretAction, {});
  return (
    <form action={formAction} className="inline-flex flex-col items-end gap-1" noValidate>
      <input type="hidden" name="ns" value={ns} />
      <input type="hidden" name="name" value={name} />
      <Button type="submit" variant="secondary" className="px-2.5 py-1 text-xs" disabled={pending} aria-label={`Restore ${name}`}>
        <ArchiveRestore aria-hidden className="size-3.5" />
        {pending ? "Restoring…" : "Restore"}
      </Button>
      {state.error ? (
        <p role="alert" className="max-w-64 text-right text-xs text-red-600 dark:text-red-400">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}

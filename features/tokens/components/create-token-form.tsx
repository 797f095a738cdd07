"use client";

import { useActionState } from "react";
import { useActionForm } from "@/components/forms/submit-without-reset";
import { ExpirySelect } from "@/components/forms/expiry-select";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { createTokenAction, type CreateTokenState } from "@/features/tokens/actions";

export function CreateTokenForm({ permissions }: { permissions: string[] }) {
  const [state, action, pending] = useActionState<CreateTokenState, FormData>(createTokenAction, {});
  const form = useActionForm(action, state);
  return (
    <div className="space-y-4">
      {state.token ? (
        <div
          className="space-y-2 rounded-lg bg-emerald-50 p-4 ring-1 ring-emerald-200 dark:bg-emerald-950/50 dark:ring-emerald-900"
          role="status"
        >
          <p className="text-sm font-semibold text-emerald-900 dark:text-emerald-100">
            Token “{state.name}” created. Copy it now: it will not be shown again.
          </p>
          <div className="flex items-center gap-2">
            <code
              data-testid="new-token"
              className="min-w-0 flex-1 truncate rounded bg-white px-2 py-1 font-mono text-xs ring-1 ring-emerald-200 dark:bg-zinc-900 dark:ring-emerald-900"
            >
              {state.token}
            </code>
            <CopyButton text={state.token} label="Copy token" />
          </div>
          <p className="text-xs text-emerald-800 dark:text-emerald-200">
            Use it as <code className="font-mono">Authorization: Bearer …</code> or with <code className="font-mono">COFFER_TOKEN</code> for
            the coffer CLI.
          </p>
        </div>
      ) : null}
      {state.error ? <Alert>{state.error}</Alert> : null}
      <form {...form} className="grid gap-4 sm:grid-cols-[1fr_auto_auto] sm:items-end">
        <Field label="Token name" name="name" required placeholder="laptop CLI" maxLength={100} />
        {/* 90 days, what the API gives a personal token sent without expiresInDays (a service token's is a year). */}
        <ExpirySelect id="expiresInDays" defaultDays="90" />
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </Button>
        <details className="sm:col-span-3">
          <summary className="cursor-pointer text-sm text-zinc-600 dark:text-zinc-400">
            Limit to some permissions (default: all of yours)
          </summary>
          <fieldset className="mt-2 grid gap-1 sm:grid-cols-3">
            <legend className="sr-only">Scopes</legend>
            {permissions.map((permission) => (
              <label key={permission} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="scopes" value={permission} className="rounded" />
                <code className="font-mono text-xs">{permission}</code>
              </label>
            ))}
          </fieldset>
        </details>
      </form>
    </div>
  );
}

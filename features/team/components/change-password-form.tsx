"use client";

import { useActionState } from "react";
import { changePasswordAction } from "@/features/profile/actions";
import type { ActionState } from "@/components/forms/action-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { NewPasswordFields } from "@/components/forms/new-password-fields";

// lib names the field in its own words; the form says it in the user's.
const MESSAGES: Record<string, string> = { "currentPassword is not correct": "The current password is not correct." };

/** Fields are uncontrolled on purpose: React empties them after every submit, so no password lingers. */
export function ChangePasswordForm({ email }: { email: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(changePasswordAction, {});
  const errors = state.fieldErrors ?? {};
  const message = (field: string) => (errors[field] ? (MESSAGES[errors[field]] ?? errors[field]) : undefined);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.ok ? (
        <Alert tone="info">
          Password changed. Your other sessions were signed out and your API tokens revoked; this one stays signed in.
        </Alert>
      ) : null}
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={message("currentPassword")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <NewPasswordFields label="New password" errors={{ password: message("password"), confirm: message("confirm") }} />
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Changing it signs you out on every other browser and revokes your API tokens (the CLI needs{" "}
          <code className="font-mono">coffer login</code> again).
        </p>
        <Button type="submit" disabled={pending}>
          {pending ? "Changing…" : "Change password"}
        </Button>
      </div>
    </form>
  );
}

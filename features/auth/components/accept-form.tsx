"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { NewPasswordFields } from "@/components/forms/new-password-fields";
import { acceptInviteAction, type AcceptState } from "../accept-invite-action";

export function AcceptForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState<AcceptState, FormData>(acceptInviteAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account this password belongs to. */}
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        value={email}
        readOnly
        className="block w-full rounded-md border-0 bg-zinc-50 px-3 py-2 text-sm text-zinc-600 ring-1 ring-inset ring-zinc-200 dark:bg-zinc-800/60 dark:text-zinc-300 dark:ring-zinc-700"
      />
      <Field
        label="Your name"
        name="name"
        autoComplete="name"
        required
        autoFocus
        maxLength={100}
        defaultValue={state.values?.name}
        error={state.fieldErrors?.name}
      />
      <NewPasswordFields errors={state.fieldErrors ?? {}} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Joining…" : "Join and sign in"}
      </Button>
    </form>
  );
}

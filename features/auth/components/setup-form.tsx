"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { setupAction, type FormState } from "../actions";

export function SetupForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(setupAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <Field
        label="Setup token"
        name="token"
        autoComplete="off"
        spellCheck={false}
        required
        autoFocus
        hint="Printed by the server when it started with no users."
        defaultValue={state.values?.token}
        error={state.fieldErrors?.token}
      />
      <Field label="Your name" name="name" autoComplete="name" required defaultValue={state.values?.name} error={state.fieldErrors?.name} />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={state.values?.email}
        error={state.fieldErrors?.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 12 characters."
        error={state.fieldErrors?.password}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating owner…" : "Create owner and sign in"}
      </Button>
    </form>
  );
}

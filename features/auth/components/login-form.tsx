"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { loginAction, type FormState } from "../actions";

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(loginAction, {});
  if (state.challenge) return <CodeStep state={state} action={action} pending={pending} next={next} />;
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="next" value={next} />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        autoFocus
        defaultValue={state.values?.email}
        error={state.fieldErrors?.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={state.fieldErrors?.password}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}

/** The second step for an account with TOTP: the password was right, a code is owed. */
function CodeStep({
  state,
  action,
  pending,
  next,
}: {
  state: FormState;
  action: (form: FormData) => void;
  pending: boolean;
  next: string;
}) {
  return (
    <form action={action} className="space-y-4" noValidate aria-labelledby="code-step-heading">
      <div>
        <h2 id="code-step-heading" className="text-base font-semibold">
          Two-factor sign-in
        </h2>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          Enter the 6-digit code from your authenticator app for {state.values?.email}, or one of your recovery codes.
        </p>
      </div>
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="next" value={next} />
      <input type="hidden" name="challenge" value={state.challenge} />
      <input type="hidden" name="email" value={state.values?.email ?? ""} />
      <Field
        label="Code"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        spellCheck={false}
        required
        autoFocus
        error={state.fieldErrors?.code}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Checking…" : "Verify"}
      </Button>
      <p className="text-center text-sm">
        <a
          href={`/login${next && next !== "/" ? `?next=${encodeURIComponent(next)}` : ""}`}
          className="text-indigo-600 hover:underline dark:text-indigo-400"
        >
          Start over
        </a>
      </p>
    </form>
  );
}

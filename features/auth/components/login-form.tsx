"use client";

import { startAuthentication } from "@simplewebauthn/browser";
import { KeyRound } from "lucide-react";
import { useActionState, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { loginAction, type FormState } from "../actions";
import { passkeyBrowserMessage } from "@/lib/auth/mfa/passkey-browser-message";

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

/** The second step: the password was right; a code (with TOTP), a passkey (with passkeys), or either is owed. */
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
  // Without kinds (an older state), offer the code: what the step always asked for.
  const totp = state.kinds ? state.kinds.totp : true;
  const passkeys = (state.kinds?.passkeys ?? 0) > 0;
  const email = state.values?.email ?? "";
  return (
    <div className="space-y-4">
      <div>
        <h2 id="code-step-heading" className="text-base font-semibold">
          Two-factor sign-in
        </h2>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          {totp && passkeys
            ? `Use a passkey for ${email}, or enter the 6-digit code from your authenticator app or one of your recovery codes.`
            : passkeys
              ? `Use your passkey for ${email}.`
              : `Enter the 6-digit code from your authenticator app for ${email}, or one of your recovery codes.`}
        </p>
      </div>
      {state.error ? <Alert>{state.error}</Alert> : null}
      {passkeys ? (
        <PasskeyButton challenge={state.challenge!} email={email} next={next} action={action} pending={pending} autoFocus={!totp} />
      ) : null}
      {totp ? (
        <form action={action} className="space-y-4" noValidate aria-labelledby="code-step-heading">
          <input type="hidden" name="next" value={next} />
          <input type="hidden" name="challenge" value={state.challenge} />
          <input type="hidden" name="email" value={email} />
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
          <Button type="submit" variant={passkeys ? "secondary" : "primary"} className="w-full" disabled={pending}>
            {pending ? "Checking…" : "Verify"}
          </Button>
        </form>
      ) : null}
      <p className="text-center text-sm">
        <a
          href={`/login${next && next !== "/" ? `?next=${encodeURIComponent(next)}` : ""}`}
          className="text-indigo-600 hover:underline dark:text-indigo-400"
        >
          Start over
        </a>
      </p>
    </div>
  );
}

/**
 * "Use a passkey": options for this sign-in's challenge (only this
 * account's passkeys), the browser's assertion, then the same action as
 * the code with the assertion in `passkey`.
 */
function PasskeyButton({
  challenge,
  email,
  next,
  action,
  pending,
  autoFocus,
}: {
  challenge: string;
  email: string;
  next: string;
  action: (form: FormData) => void;
  pending: boolean;
  autoFocus: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  const [asking, startAsking] = useTransition();

  function signInWithPasskey() {
    setError(null);
    startAsking(async () => {
      const answer = await fetch("/api/v1/auth/passkey/options", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ challenge }),
      });
      const body = await answer.json().catch(() => null);
      if (!answer.ok) {
        setError(body?.error?.message ?? "Could not start the passkey sign-in.");
        return;
      }
      let assertion: unknown;
      try {
        assertion = await startAuthentication({ optionsJSON: body });
      } catch (browserError) {
        setError(passkeyBrowserMessage(browserError, "use"));
        return;
      }
      const form = new FormData();
      form.set("next", next);
      form.set("challenge", challenge);
      form.set("email", email);
      form.set("passkey", JSON.stringify(assertion));
      startAsking(() => action(form));
    });
  }

  return (
    <div className="space-y-2">
      {error ? <Alert>{error}</Alert> : null}
      <Button type="button" className="w-full" onClick={signInWithPasskey} disabled={pending || asking} autoFocus={autoFocus}>
        <KeyRound aria-hidden className="size-4" />
        {asking || pending ? "Waiting for your passkey…" : "Use a passkey"}
      </Button>
    </div>
  );
}

"use client";

import { ShieldCheck } from "lucide-react";
import { useActionState, useState } from "react";
import type { ActionState } from "@/components/forms/action-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogButton } from "@/components/ui/dialog-button";
import { Field } from "@/components/ui/field";
import { RelativeTime } from "@/components/ui/relative-time";
import type { TotpStatus } from "@/lib/auth/mfa/totp-schemas";
import { confirmTotpAction, enrollTotpAction, removeTotpAction, type ConfirmState, type EnrollState } from "../actions";
import { RecoveryCodes } from "./recovery-codes";

/** The profile's two-factor card: off → enroll (QR, secret, confirm) → recovery codes once → on, with removal. */
export function TwoFactorSection({ status }: { status: TotpStatus }) {
  // Held here, above Enroll: the codes outlive the enrollment form that got them.
  const [codes, setCodes] = useState<string[] | null>(null);
  if (codes) return <RecoveryCodes codes={codes} onSaved={() => setCodes(null)} />;
  if (status.enabled) return <Enabled status={status} />;
  // Unmounted while TOTP is on, so after a removal it starts afresh.
  return <Enroll onConfirmed={setCodes} />;
}

function Enroll({ onConfirmed }: { onConfirmed: (codes: string[]) => void }) {
  const [enrollment, enroll, enrolling] = useActionState<EnrollState, FormData>(enrollTotpAction, {});
  const [confirmation, confirm, confirming] = useActionState<ConfirmState, FormData>(async (prev: ConfirmState, form: FormData) => {
    const next = await confirmTotpAction(prev, form);
    if (next.recoveryCodes) onConfirmed(next.recoveryCodes);
    return next;
  }, {});

  if (!enrollment.secret) {
    return (
      <form action={enroll} className="space-y-4" noValidate>
        <p className="text-sm text-zinc-600 dark:text-zinc-300">
          Off. With an authenticator app (1Password, Aegis, Google Authenticator, …) sign-in asks for a 6-digit code after your password.
        </p>
        {enrollment.error ? <Alert>{enrollment.error}</Alert> : null}
        <Button type="submit" disabled={enrolling}>
          {enrolling ? "Preparing…" : "Set up authenticator app"}
        </Button>
      </form>
    );
  }
  return (
    <div className="space-y-4">
      <ol className="list-decimal space-y-1 pl-5 text-sm text-zinc-600 dark:text-zinc-300">
        <li>Scan the QR code with your authenticator app, or type the key below.</li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      <div className="flex flex-wrap items-start gap-5">
        {/* A data URL drawn on the server: no request leaves the console with the secret in it. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img
          src={enrollment.qrDataUrl}
          alt="QR code of the authenticator key"
          width={176}
          height={176}
          className="rounded-md bg-white p-1 ring-1 ring-zinc-200"
        />
        <div className="min-w-0 flex-1 space-y-1 text-sm">
          <p className="font-medium">Key for manual entry</p>
          <code data-testid="totp-secret" className="block break-all rounded bg-zinc-100 px-2 py-1 font-mono text-xs dark:bg-zinc-800">
            {enrollment.secret}
          </code>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">Time-based (TOTP), SHA-1, 6 digits, 30 seconds.</p>
          <details className="text-xs text-zinc-500 dark:text-zinc-400">
            <summary className="cursor-pointer">otpauth URL</summary>
            <code className="break-all">{enrollment.otpauthUrl}</code>
          </details>
        </div>
      </div>
      <form action={confirm} className="flex flex-wrap items-end gap-3" noValidate>
        <div className="w-48">
          <Field
            label="Code from the app"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            error={confirmation.fieldErrors?.code}
          />
        </div>
        <Button type="submit" disabled={confirming}>
          {confirming ? "Checking…" : "Turn on"}
        </Button>
      </form>
      {confirmation.error ? <Alert>{confirmation.error}</Alert> : null}
    </div>
  );
}

function Enabled({ status }: { status: TotpStatus }) {
  return (
    <div className="space-y-4">
      <p className="inline-flex items-center gap-2 text-sm">
        <ShieldCheck aria-hidden className="size-4 text-emerald-600" />
        <span>
          On
          {status.confirmedAt ? (
            <>
              {" "}
              since <RelativeTime iso={status.confirmedAt} />
            </>
          ) : null}
          . {status.recoveryCodesLeft} of 10 recovery codes left.
        </span>
      </p>
      <DialogButton
        label={<span className="text-red-600 dark:text-red-400">Turn off two-factor sign-in</span>}
        title="Turn off two-factor sign-in?"
        description="Sign-in will ask for your password only, and your recovery codes stop working. Confirm with a current code from your app, or your password."
      >
        {(close) => <RemoveForm close={close} />}
      </DialogButton>
    </div>
  );
}

function RemoveForm({ close }: { close: () => void }) {
  const [state, remove, pending] = useActionState<ActionState, FormData>(removeTotpAction, {});
  return (
    <form action={remove} className="space-y-4" noValidate>
      {state.error ? <Alert>{state.error}</Alert> : null}
      <Field label="Code from your app (or a recovery code)" name="code" autoComplete="one-time-code" error={state.fieldErrors?.code} />
      <Field label="Or your password" name="password" type="password" autoComplete="current-password" error={state.fieldErrors?.password} />
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={close}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending} className="bg-red-600 hover:bg-red-500">
          {pending ? "Turning off…" : "Turn off"}
        </Button>
      </div>
    </form>
  );
}

"use client";

import { browserSupportsWebAuthn, startRegistration } from "@simplewebauthn/browser";
import { KeyRound } from "lucide-react";
import { useState, useTransition } from "react";
import { ConfirmActionForm } from "@/components/forms/confirm-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogButton } from "@/components/ui/dialog-button";
import { Field } from "@/components/ui/field";
import { RelativeTime } from "@/components/ui/relative-time";
import type { Passkey } from "@/lib/auth/mfa/passkey-schemas";
import { passkeyBrowserMessage } from "@/lib/auth/mfa/passkey-browser-message";
import { passkeyOptionsAction, registerPasskeyAction, removePasskeyAction } from "../passkey-actions";

type Props = {
  passkeys: Passkey[];
  /** Null when passkeys work here; else why not (COFFER_PUBLIC_URL is an IP address). */
  unavailable: string | null;
};

/** The profile's Passkeys card: the list, "Add a passkey" with a name, and removal behind a confirm dialog. */
export function PasskeySection({ passkeys, unavailable }: Props) {
  return (
    <div className="space-y-4">
      {unavailable ? <Alert tone="info">{unavailable}</Alert> : null}
      {passkeys.length ? (
        <ul
          className="divide-y divide-zinc-200 rounded-md ring-1 ring-zinc-200 dark:divide-zinc-800 dark:ring-zinc-800"
          aria-label="Your passkeys"
        >
          {passkeys.map((passkey) => (
            <li key={passkey.id} className="flex flex-wrap items-center gap-3 px-3 py-2 text-sm">
              <KeyRound aria-hidden className="size-4 text-zinc-500" />
              <span className="min-w-0 flex-1">
                <span className="font-medium break-all">{passkey.name}</span>
                <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                  Added <RelativeTime iso={passkey.createdAt} />
                  {" · "}
                  {passkey.lastUsedAt ? (
                    <>
                      last used <RelativeTime iso={passkey.lastUsedAt} />
                    </>
                  ) : (
                    "never used"
                  )}
                </span>
              </span>
              <DialogButton
                label={<span className="text-red-600 dark:text-red-400">Remove</span>}
                ariaLabel={`Remove passkey ${passkey.name}`}
                title={`Remove the passkey “${passkey.name}”?`}
                description="It will no longer sign you in. The passkey itself stays on the device until you delete it there."
              >
                {(close) => (
                  <ConfirmActionForm
                    fields={{ id: passkey.id }}
                    action={removePasskeyAction}
                    done="Passkey removed."
                    close={close}
                    label="Remove passkey"
                    pendingLabel="Removing…"
                  />
                )}
              </DialogButton>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-300">
          None yet. A passkey (your device&apos;s fingerprint or face unlock, or a security key) can stand in for the code after your
          password.
        </p>
      )}
      {unavailable ? null : <AddPasskey />}
    </div>
  );
}

function AddPasskey() {
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();

  function add(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setNameError(undefined);
    if (!name.trim()) {
      setNameError("give the passkey a name, such as the device it lives on");
      return;
    }
    if (!browserSupportsWebAuthn()) {
      setError("This browser does not support passkeys.");
      return;
    }
    startTransition(async () => {
      const offered = await passkeyOptionsAction();
      if (!offered.options) {
        setError(offered.error ?? "Could not start adding a passkey.");
        return;
      }
      let response: unknown;
      try {
        response = await startRegistration({ optionsJSON: offered.options });
      } catch (browserError) {
        setError(passkeyBrowserMessage(browserError, "create"));
        return;
      }
      const stored = await registerPasskeyAction(name, response);
      if (stored.ok) {
        setName("");
        return;
      }
      setNameError(stored.fieldErrors?.name);
      if (stored.error) setError(stored.error);
    });
  }

  return (
    <form onSubmit={add} className="space-y-3" noValidate aria-label="Add a passkey">
      {error ? <Alert>{error}</Alert> : null}
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-64">
          <Field
            label="Passkey name"
            name="passkeyName"
            maxLength={64}
            placeholder="Work laptop"
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={nameError}
            hint="So you can tell your passkeys apart."
          />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Waiting for your device…" : "Add a passkey"}
        </Button>
      </div>
    </form>
  );
}

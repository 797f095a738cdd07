"use client";

import Link from "next/link";
import { useActionState, useId, useState } from "react";
import type { ActionState } from "@/components/forms/action-state";
import { ActionAlert } from "@/components/forms/approval-request";
import { addBindingAction } from "@/features/services/actions";
import { FieldMessage } from "@/components/forms/field-message";
import { FormFooter } from "@/components/forms/form-footer";
import { secretsHref } from "@/features/secrets/components/secret-hrefs";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { submitWithoutReset } from "../../../components/forms/submit-without-reset";

/** A secret the binding can name: from listSecrets, metadata only. */
export type SecretOption = { name: string; version: number; keys: string[] };

type Props = { ns: string; service: string; secrets: SecretOption[] | null; close: () => void };

const labelClass = "block text-sm font-medium text-zinc-800 dark:text-zinc-200";
const optional = <span className="font-normal text-zinc-500 dark:text-zinc-400">(optional)</span>;

/** Docker's `--secret source=,target=,uid=,gid=,mode=` as it will be sent. */
function specLine(source: string, target: string, uid: string, gid: string, mode: string): string {
  return `--secret source=${source || "…"},target=${target || source || "…"},uid=${uid || "0"},gid=${gid || "0"},mode=${mode || "0444"}`;
}

/**
 * Every field is kept in state: React resets uncontrolled fields after an
 * action, and a refused binding should come back as typed, with the
 * server's message under the field it names.
 */
export function AddBindingForm({ ns, service, secrets, close }: Props) {
  const toast = useToast();
  const id = useId();
  const [secret, setSecret] = useState(secrets?.[0]?.name ?? "");
  const [target, setTarget] = useState("");
  const [uid, setUid] = useState("");
  const [gid, setGid] = useState("");
  const [mode, setMode] = useState("0444");
  const [envName, setEnvName] = useState("");
  const [key, setKey] = useState("");
  const [pinned, setPinned] = useState("");
  const [state, formAction, pending] = useActionState<ActionState, FormData>(async (prev, form) => {
    const next = await addBindingAction(prev, form);
    if (next.ok) {
      close();
      toast(`Bound ${secret} to ${service} at ${target || secret}.`);
    }
    return next;
  }, {});
  const errors = state.fieldErrors ?? {};
  const chosen = secrets?.find((s) => s.name === secret);

  if (secrets && secrets.length === 0) {
    return (
      <div className="space-y-4 text-sm">
        <p className="text-zinc-600 dark:text-zinc-400">Namespace {ns} has no secrets to bind yet.</p>
        <Link href={secretsHref(ns)} className="font-semibold text-indigo-600 hover:underline dark:text-indigo-400">
          Create a secret first
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={submitWithoutReset(formAction)} className="space-y-5" noValidate>
      <ActionAlert state={state} />
      <Alert tone="warning">
        <span data-testid="binding-grants-reading">
          Binding grants reading: every token of {service}, now or later, reads the value of {secret || "the secret"}. That is why it needs{" "}
          <code className="font-mono text-xs">secret:bind</code>.
        </span>
      </Alert>
      <input type="hidden" name="ns" value={ns} />
      <input type="hidden" name="service" value={service} />
      <div className="grid gap-4 sm:grid-cols-2">
        {secrets ? (
          <div className="space-y-1.5">
            <label htmlFor={`${id}-secret`} className={labelClass}>
              Secret
            </label>
            <Select
              id={`${id}-secret`}
              name="secret"
              value={secret}
              onChange={(event) => {
                setSecret(event.target.value);
                setKey("");
              }}
              aria-invalid={errors.secret ? true : undefined}
              aria-describedby={`${id}-secret-message`}
            >
              {secrets.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name}
                </option>
              ))}
            </Select>
            <FieldMessage id={`${id}-secret-message`} error={errors.secret} hint="Docker's source=." />
          </div>
        ) : (
          <Field
            label="Secret"
            name="secret"
            id={`${id}-secret`}
            value={secret}
            onChange={(event) => setSecret(event.target.value)}
            required
            autoComplete="off"
            spellCheck={false}
            error={errors.secret}
            hint="The secret's name (you may not list the secrets of this namespace)."
          />
        )}
        <Field
          label="Target"
          name="target"
          id={`${id}-target`}
          value={target}
          onChange={(event) => setTarget(event.target.value)}
          placeholder={secret || "file name"}
          autoComplete="off"
          spellCheck={false}
          error={errors.target}
          hint="File name under /run/secrets; defaults to the secret's name."
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          label="UID"
          name="uid"
          id={`${id}-uid`}
          value={uid}
          onChange={(event) => setUid(event.target.value)}
          inputMode="numeric"
          placeholder="0"
          autoComplete="off"
          error={errors.uid}
        />
        <Field
          label="GID"
          name="gid"
          id={`${id}-gid`}
          value={gid}
          onChange={(event) => setGid(event.target.value)}
          inputMode="numeric"
          placeholder="0"
          autoComplete="off"
          error={errors.gid}
        />
        <Field
          label="Mode"
          name="mode"
          id={`${id}-mode`}
          value={mode}
          onChange={(event) => setMode(event.target.value)}
          placeholder="0444"
          autoComplete="off"
          spellCheck={false}
          error={errors.mode}
          hint="Octal, like chmod."
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="space-y-1.5">
          <label htmlFor={`${id}-env`} className={labelClass}>
            Env name {optional}
          </label>
          <Input
            id={`${id}-env`}
            name="envName"
            value={envName}
            onChange={(event) => setEnvName(event.target.value)}
            placeholder="DB_PASSWORD"
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            aria-invalid={errors.envName ? true : undefined}
            aria-describedby={`${id}-env-message`}
          />
          <FieldMessage
            id={`${id}-env-message`}
            error={errors.envName}
            hint={envName ? `The agent sets ${envName}_FILE.` : "The agent sets NAME_FILE to the file's path."}
          />
        </div>
        <div className="space-y-1.5">
          <label htmlFor={`${id}-key`} className={labelClass}>
            Key {optional}
          </label>
          {chosen ? (
            <Select
              id={`${id}-key`}
              name="key"
              value={key}
              onChange={(event) => setKey(event.target.value)}
              aria-invalid={errors.key ? true : undefined}
              aria-describedby={`${id}-key-message`}
            >
              <option value="">{chosen.keys.length > 1 ? "All keys (a directory)" : "All keys"}</option>
              {chosen.keys.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </Select>
          ) : (
            <Input
              id={`${id}-key`}
              name="key"
              value={key}
              onChange={(event) => setKey(event.target.value)}
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
              aria-invalid={errors.key ? true : undefined}
              aria-describedby={`${id}-key-message`}
            />
          )}
          <FieldMessage id={`${id}-key-message`} error={errors.key} hint="One key as the file; else one file per key." />
        </div>
        <div className="space-y-1.5">
          <label htmlFor={`${id}-pinned`} className={labelClass}>
            Pinned version {optional}
          </label>
          <Input
            id={`${id}-pinned`}
            name="pinnedVersion"
            value={pinned}
            onChange={(event) => setPinned(event.target.value)}
            inputMode="numeric"
            placeholder={chosen ? `current (${chosen.version})` : "current"}
            autoComplete="off"
            aria-invalid={errors.pinnedVersion ? true : undefined}
            aria-describedby={`${id}-pinned-message`}
          />
          <FieldMessage id={`${id}-pinned-message`} error={errors.pinnedVersion} hint="Empty: follow rotations." />
        </div>
      </div>
      <p className="overflow-x-auto rounded-md bg-zinc-50 px-3 py-2 font-mono text-xs text-zinc-600 ring-1 ring-inset ring-zinc-200 dark:bg-zinc-950 dark:text-zinc-400 dark:ring-zinc-800">
        {specLine(secret, target, uid, gid, mode)}
      </p>
      <FormFooter onCancel={close} pending={pending} label="Add binding" pendingLabel="Adding…" />
    </form>
  );
}

"use client";

import { UserPlus } from "lucide-react";
import { useActionState, useId, useState } from "react";
import { useActionForm } from "@/components/forms/submit-without-reset";
import { inviteMemberAction, type InviteState } from "@/features/team/invite-actions";
import { FormFooter } from "@/components/forms/form-footer";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogButton } from "@/components/ui/dialog-button";
import { Field } from "@/components/ui/field";
import { RelativeTime } from "@/components/ui/relative-time";
import { OneTimeLink } from "./one-time-link";
import { defaultRole, RoleSelect, ScopeSelect, type RoleOption } from "./scope-select";

type Props = { roles: RoleOption[]; namespaces: string[] };

function InviteForm({ roles, namespaces, close }: Props & { close: () => void }) {
  const [state, formAction, pending] = useActionState<InviteState, FormData>(inviteMemberAction, {});
  const form = useActionForm(formAction, state);
  const id = useId();
  // Controlled: React resets a form after its action, and a refused invite should keep what was typed.
  const [email, setEmail] = useState("");
  const [role, setRole] = useState(() => defaultRole(roles));
  const [scope, setScope] = useState("");
  if (state.ok && state.path) {
    return (
      <div className="space-y-4">
        <OneTimeLink path={state.path} title={`Invite link for ${state.email} (${state.grant})`} testId="invite-link">
          {state.expiresAt ? (
            <p className="text-xs text-emerald-800 dark:text-emerald-200">
              It works once and expires <RelativeTime iso={state.expiresAt} future />.
            </p>
          ) : null}
        </OneTimeLink>
        <div className="flex justify-end">
          <Button type="button" onClick={close} data-autofocus="">
            Done
          </Button>
        </div>
      </div>
    );
  }
  const errors = state.fieldErrors ?? {};
  return (
    <form {...form} className="space-y-4">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <Field
        label="Email"
        name="email"
        id={`${id}-email`}
        type="email"
        required
        autoComplete="off"
        placeholder="name@example.com"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={errors.email}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <RoleSelect id={`${id}-role`} roles={roles} error={errors.role} value={role} onChange={setRole} />
        <ScopeSelect id={`${id}-scope`} namespaces={namespaces} error={errors.namespace} value={scope} onChange={setScope} />
      </div>
      <FormFooter onCancel={close} pending={pending} label="Create invite link" pendingLabel="Creating…" />
    </form>
  );
}

/** Invites by one-time link (no mail server needed): the inviter passes the link on. */
export function InviteMemberButton(props: Props) {
  return (
    <DialogButton
      variant="primary"
      label={
        <>
          <UserPlus aria-hidden className="size-4" />
          Invite member
        </>
      }
      title="Invite member"
      description="They get this role when they accept. The link works once and expires in 7 days."
    >
      {(close) => <InviteForm {...props} close={close} />}
    </DialogButton>
  );
}

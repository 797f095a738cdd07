"use client";

import { Pencil, Plus } from "lucide-react";
import { useActionState, useId, useState } from "react";
import { useActionForm } from "@/components/forms/submit-without-reset";
import { createRoleAction, updateRoleAction } from "@/features/team/role-actions";
import type { ActionState } from "@/components/forms/action-state";
import { FormFooter } from "@/components/forms/form-footer";
import { Alert } from "@/components/ui/alert";
import { DialogButton } from "@/components/ui/dialog-button";
import { Field } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { PermissionPicker } from "./permission-picker";
import { SecondFactorCheckbox } from "./second-factor-checkbox";

type Existing = { name: string; description: string; permissions: string[]; requireSecondFactor: boolean; builtIn: boolean };

function RoleForm({ role, grantable, isOwner, close }: { role?: Existing; grantable: string[]; isOwner: boolean; close: () => void }) {
  const toast = useToast();
  const id = useId();
  // Controlled: a refused save keeps what was typed (React resets forms after an action).
  const [name, setName] = useState(role?.name ?? "");
  const [description, setDescription] = useState(role?.description ?? "");
  const [state, formAction, pending] = useActionState<ActionState, FormData>(async (prev, form) => {
    const next = await (role ? updateRoleAction : createRoleAction)(prev, form);
    if (next.ok) {
      close();
      toast(role ? `Role ${role.name} saved.` : `Role ${form.get("name")} created.`);
    }
    return next;
  }, {});
  const form = useActionForm(formAction, state);
  const errors = state.fieldErrors ?? {};
  if (role?.builtIn) {
    return (
      <form {...form} className="space-y-5">
        {state.error ? <Alert>{state.error}</Alert> : null}
        <input type="hidden" name="name" value={role.name} />
        <input type="hidden" name="only" value="secondFactor" />
        <SecondFactorCheckbox initial={role.requireSecondFactor} editable={isOwner} error={errors.requireSecondFactor} />
        <FormFooter onCancel={close} pending={pending} label="Save role" pendingLabel="Saving…" />
      </form>
    );
  }
  return (
    <form {...form} className="space-y-5">
      {state.error ? <Alert>{state.error}</Alert> : null}
      {role ? (
        <input type="hidden" name="name" value={role.name} />
      ) : (
        <Field
          label="Name"
          name="name"
          id={`${id}-name`}
          value={name}
          onChange={(event) => setName(event.target.value)}
          required
          maxLength={40}
          autoComplete="off"
          spellCheck={false}
          placeholder="ci-deployer"
          error={errors.name}
          hint="Lowercase letters, digits and '-'. It cannot be renamed later."
        />
      )}
      <Field
        label="Description"
        name="description"
        id={`${id}-description`}
        value={description}
        onChange={(event) => setDescription(event.target.value)}
        maxLength={200}
        autoComplete="off"
        placeholder="What members with this role do"
        error={errors.description}
      />
      <PermissionPicker id={`${id}-permissions`} initial={role?.permissions} grantable={grantable} error={errors.permissions} />
      {role ? <SecondFactorCheckbox initial={role.requireSecondFactor} editable={isOwner} error={errors.requireSecondFactor} /> : null}
      <FormFooter
        onCancel={close}
        pending={pending}
        label={role ? "Save role" : "Create role"}
        pendingLabel={role ? "Saving…" : "Creating…"}
      />
    </form>
  );
}

export function NewRoleButton({ grantable }: { grantable: string[] }) {
  return (
    <DialogButton
      variant="primary"
      label={
        <>
          <Plus aria-hidden className="size-4" />
          New role
        </>
      }
      title="New role"
      description="A custom set of permissions, granted to members for all namespaces or for one. Two of them read secret values: secret:reveal directly, and secret:bind through the tokens of the services it binds to."
      size="lg"
    >
      {(close) => <RoleForm grantable={grantable} isOwner={false} close={close} />}
    </DialogButton>
  );
}

export function EditRoleButton({ role, grantable, isOwner }: { role: Existing; grantable: string[]; isOwner: boolean }) {
  return (
    <DialogButton
      variant="secondary"
      className="px-2.5 py-1 text-xs"
      label={
        <>
          <Pencil aria-hidden className="size-3.5" />
          Edit
        </>
      }
      ariaLabel={`Edit role ${role.name}`}
      title={`Edit role ${role.name}`}
      description={
        role.builtIn
          ? "A built-in role's permissions are fixed; an owner can require a second factor of everyone who holds it."
          : "Changes apply at once to every member who holds this role. Two permissions read secret values: secret:reveal directly, and secret:bind through the tokens of the services it binds to."
      }
      size={role.builtIn ? "md" : "lg"}
    >
      {(close) => <RoleForm role={role} grantable={grantable} isOwner={isOwner} close={close} />}
    </DialogButton>
  );
}

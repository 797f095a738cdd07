"use client";

import { useActionState, useId, useState } from "react";
import { useActionForm } from "@/components/forms/submit-without-reset";
import type { ActionState } from "@/components/forms/action-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { defaultRole, RoleSelect, ScopeSelect, type RoleOption } from "./scope-select";
import { createGroupMappingAction } from "../group-mapping-actions";

/** Group name, role and scope: the grant every member in that group gets at their next SSO sign-in. */
export function GroupMappingForm({ roles, namespaces }: { roles: RoleOption[]; namespaces: string[] }) {
  const toast = useToast();
  const id = useId();
  const [group, setGroup] = useState("");
  const [role, setRole] = useState(() => defaultRole(roles));
  const [scope, setScope] = useState("");
  const [state, formAction, pending] = useActionState<ActionState, FormData>(async (prev, form) => {
    const next = await createGroupMappingAction(prev, form);
    if (next.ok) {
      toast(`Group ${form.get("group")} mapped to ${form.get("role")}.`);
      setGroup("");
    }
    return next;
  }, {});
  const form = useActionForm(formAction, state);
  const errors = state.fieldErrors ?? {};
  return (
    <form {...form} className="space-y-3" aria-label="Add group mapping">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-start">
        <Field
          label="Group"
          name="group"
          value={group}
          onChange={(event) => setGroup(event.target.value)}
          required
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          placeholder="platform"
          error={errors.group}
        />
        <RoleSelect id={`${id}-role`} roles={roles} error={errors.role} value={role} onChange={setRole} />
        <ScopeSelect id={`${id}-scope`} namespaces={namespaces} error={errors.namespace} value={scope} onChange={setScope} />
        <Button type="submit" disabled={pending} className="sm:mt-7">
          {pending ? "Adding…" : "Add mapping"}
        </Button>
      </div>
    </form>
  );
}

"use client";

import { useActionState, useId, useState } from "react";
import { useActionForm } from "@/components/forms/submit-without-reset";
import { grantRoleAction } from "@/features/team/member-actions";
import type { ActionState } from "@/components/forms/action-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { defaultRole, RoleSelect, ScopeSelect, type RoleOption } from "./scope-select";
import { grantLabel } from "./grant-label";

/** A role for all namespaces or for one; the member holds it at once. */
export function AddGrantForm({ userId, roles, namespaces }: { userId: string; roles: RoleOption[]; namespaces: string[] }) {
  const toast = useToast();
  const id = useId();
  const [role, setRole] = useState(() => defaultRole(roles));
  const [scope, setScope] = useState("");
  const [state, formAction, pending] = useActionState<ActionState, FormData>(async (prev, form) => {
    const next = await grantRoleAction(prev, form);
    if (next.ok) toast(`Granted ${grantLabel({ role: String(form.get("role")), namespace: String(form.get("namespace")) || null })}.`);
    return next;
  }, {});
  const form = useActionForm(formAction, state);
  const errors = state.fieldErrors ?? {};
  return (
    <form {...form} className="space-y-3" aria-label="Add grant">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="userId" value={userId} />
      <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
        <RoleSelect id={`${id}-role`} roles={roles} error={errors.role} value={role} onChange={setRole} />
        <ScopeSelect id={`${id}-scope`} namespaces={namespaces} error={errors.namespace} value={scope} onChange={setScope} />
        <Button type="submit" disabled={pending} className="sm:mt-7">
          {pending ? "Granting…" : "Add grant"}
        </Button>
      </div>
    </form>
  );
}

"use client";

import { useActionState, useState } from "react";
import { useActionForm } from "@/components/forms/submit-without-reset";
import { createNamespaceAction } from "@/features/team/namespace-actions";
import type { ActionState } from "@/components/forms/action-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";

export function CreateNamespaceForm() {
  const toast = useToast();
  const [name, setName] = useState("");
  const [state, formAction, pending] = useActionState<ActionState, FormData>(async (prev, form) => {
    const next = await createNamespaceAction(prev, form);
    if (next.ok) {
      toast(`Namespace ${form.get("name")} created.`);
      setName("");
    }
    return next;
  }, {});
  const form = useActionForm(formAction, state);
  return (
    <form {...form} className="space-y-3">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-start">
        <Field
          label="Namespace name"
          name="name"
          value={name}
          onChange={(event) => setName(event.target.value.toLowerCase())}
          required
          maxLength={63}
          autoComplete="off"
          spellCheck={false}
          placeholder="staging"
          error={state.fieldErrors?.name}
          hint="A DNS label: lowercase letters, digits and '-', starting and ending with a letter or digit."
        />
        <Button type="submit" disabled={pending} className="sm:mt-7">
          {pending ? "Creating…" : "Create namespace"}
        </Button>
      </div>
    </form>
  );
}

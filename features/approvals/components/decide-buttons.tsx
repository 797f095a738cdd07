"use client";

import { Check, X } from "lucide-react";
import { useActionState, useId } from "react";
import type { ActionState } from "@/components/forms/action-state";
import { ActionAlert } from "@/components/forms/approval-request";
import { FieldMessage } from "@/components/forms/field-message";
import { FormFooter } from "@/components/forms/form-footer";
import { submitWithoutReset } from "@/components/forms/submit-without-reset";
import { DialogButton } from "@/components/ui/dialog-button";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { decideApprovalAction } from "../actions";

type Decision = "approve" | "deny";
type Props = { id: string; summary: string; requester: string };

const NOTE_MAX = 500;

function DecideForm({ id, decision, summary, close }: { id: string; decision: Decision; summary: string; close: () => void }) {
  const toast = useToast();
  const fieldId = useId();
  const [state, formAction, pending] = useActionState<ActionState<"note">, FormData>(async (prev, form) => {
    const next = await decideApprovalAction(prev, form);
    if (next.ok) {
      close();
      toast(decision === "approve" ? `Approved: ${summary}.` : `Denied: ${summary}.`);
    }
    return next;
  }, {});
  return (
    <form onSubmit={submitWithoutReset(formAction)} className="space-y-4" noValidate>
      <ActionAlert state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="decision" value={decision} />
      <div className="space-y-1.5">
        <label htmlFor={`${fieldId}-note`} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
          Note <span className="font-normal text-zinc-500 dark:text-zinc-400">(optional)</span>
        </label>
        <Textarea
          id={`${fieldId}-note`}
          name="note"
          maxLength={NOTE_MAX}
          aria-invalid={state.fieldErrors?.note ? true : undefined}
          aria-describedby={`${fieldId}-note-message`}
        />
        <FieldMessage
          id={`${fieldId}-note-message`}
          error={state.fieldErrors?.note}
          hint="The requester sees it, and it is kept in the audit log."
        />
      </div>
      <FormFooter
        focusCancel
        danger={decision === "deny"}
        onCancel={close}
        pending={pending}
        label={decision === "approve" ? "Approve request" : "Deny request"}
        pendingLabel={decision === "approve" ? "Approving…" : "Denying…"}
      />
    </form>
  );
}

/** Approve and Deny, each confirmed in a dialog with an optional note; shown only to whoever may decide (never the requester). */
export function DecideButtons({ id, summary, requester }: Props) {
  return (
    <>
      <DialogButton
        variant="primary"
        label={
          <>
            <Check aria-hidden className="size-4" />
            Approve
          </>
        }
        title="Approve this request?"
        description={
          <>
            {requester} may then {summary.charAt(0).toLowerCase()}
            {summary.slice(1)}, once, until the approval expires. Both of you are named in the audit log.
          </>
        }
      >
        {(close) => <DecideForm id={id} decision="approve" summary={summary} close={close} />}
      </DialogButton>
      <DialogButton
        label={
          <>
            <X aria-hidden className="size-4" />
            Deny
          </>
        }
        className="text-red-600 dark:text-red-400"
        title="Deny this request?"
        description={`${requester} is told it was denied, with your note. The action stays refused.`}
      >
        {(close) => <DecideForm id={id} decision="deny" summary={summary} close={close} />}
      </DialogButton>
    </>
  );
}

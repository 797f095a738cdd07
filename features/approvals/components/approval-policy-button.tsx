"use client";

import { Pencil } from "lucide-react";
import { DialogButton } from "@/components/ui/dialog-button";
import { ApprovalPolicyForm, type PolicyChoice } from "./approval-policy-form";

type Props = { ns: string | null; choices: PolicyChoice[]; actions: string[]; approvalMinutes: number };

/** "Edit" beside a policy: the form in a dialog. */
export function ApprovalPolicyButton({ ns, ...policy }: Props) {
  return (
    <DialogButton
      variant="ghost"
      className="px-2.5 py-1 text-xs"
      label={
        <>
          <Pencil aria-hidden className="size-3.5" />
          Edit
        </>
      }
      ariaLabel={ns ? `Edit approval policy of ${ns}` : "Edit the instance's approval policy"}
      title={ns ? `Approval policy of ${ns}` : "Instance approval policy"}
      description={
        ns
          ? `Actions in ${ns} that one person may no longer do alone: each asks another member holding the same permission to approve first.`
          : "Instance-wide actions that one person may no longer do alone: each asks another member holding key:manage to approve first."
      }
    >
      {(close) => <ApprovalPolicyForm ns={ns} close={close} {...policy} />}
    </DialogButton>
  );
}

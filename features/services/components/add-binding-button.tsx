"use client";

import { Link2 } from "lucide-react";
import { DialogButton } from "@/components/ui/dialog-button";
import { AddBindingForm, type SecretOption } from "./add-binding-form";

type Props = { ns: string; service: string; secrets: SecretOption[] | null; variant?: "primary" | "secondary" };

export function AddBindingButton({ ns, service, secrets, variant = "secondary" }: Props) {
  return (
    <DialogButton
      variant={variant}
      label={
        <>
          <Link2 aria-hidden className="size-4" />
          Add binding
        </>
      }
      title={`Bind a secret to ${service}`}
      description={`Like docker service update --secret-add: the agent writes the secret as a file under /run/secrets with this owner and mode. Binding grants reading: every token of ${service} reads the bound value.`}
      size="lg"
    >
      {(close) => <AddBindingForm ns={ns} service={service} secrets={secrets} close={close} />}
    </DialogButton>
  );
}

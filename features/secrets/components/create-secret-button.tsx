"use client";

import { Plus } from "lucide-react";
import { DialogButton } from "@/components/ui/dialog-button";
import { Tabs } from "@/components/ui/tabs";
import { CreateSecretForm } from "./create-secret-form";
import { ImportManifestForm } from "./import-manifest-form";

export function CreateSecretButton({
  ns,
  maxBytes,
  variant = "primary",
}: {
  ns: string;
  maxBytes: number;
  variant?: "primary" | "secondary";
}) {
  return (
    <DialogButton
      label={
        <>
          <Plus aria-hidden className="size-4" />
          Create secret
        </>
      }
      variant={variant}
      title="Create secret"
      description={
        <>
          In namespace <span className="font-medium text-zinc-700 dark:text-zinc-300">{ns}</span>. The value is stored encrypted and can
          never be read back in the console.
        </>
      }
      size="lg"
    >
      {(close) => (
        <Tabs
          label="How to create"
          tabs={[
            { id: "form", label: "Enter values", content: <CreateSecretForm ns={ns} maxBytes={maxBytes} onCancel={close} /> },
            { id: "manifest", label: "Import manifest", content: <ImportManifestForm ns={ns} maxBytes={maxBytes} onCancel={close} /> },
          ]}
        />
      )}
    </DialogButton>
  );
}

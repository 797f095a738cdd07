"use client";

import { Flame } from "lucide-react";
import { purgeSecretAction } from "@/features/secrets/actions";
import { DialogButton } from "@/components/ui/dialog-button";
import { useToast } from "@/components/ui/toast";
import { ConfirmByNameForm } from "../../../components/forms/confirm-by-name-form";

type Props = { ns: string; name: string };

function PurgeForm({ ns, name, close }: Props & { close: () => void }) {
  const toast = useToast();
  const done = () => {
    close();
    toast(`Secret ${name} purged for good.`);
  };
  return (
    <ConfirmByNameForm
      fields={{ ns, name }}
      expected={name}
      close={close}
      action={purgeSecretAction}
      onDone={done}
      errorId="purge-confirm-error"
      label="Purge now"
      pendingLabel="Purging…"
    />
  );
}

export function PurgeButton(props: Props) {
  return (
    <DialogButton
      variant="ghost"
      className="px-2.5 py-1 text-xs text-red-600 dark:text-red-400"
      label={
        <>
          <Flame aria-hidden className="size-3.5" />
          Purge now
        </>
      }
      ariaLabel={`Purge ${props.name} now`}
      title={`Purge ${props.name} now?`}
      description="Every version is destroyed for good. This cannot be undone, and frees the name."
    >
      {(close) => <PurgeForm {...props} close={close} />}
    </DialogButton>
  );
}

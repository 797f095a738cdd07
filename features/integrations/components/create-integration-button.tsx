"use client";

import { Plus } from "lucide-react";
import { useId, useState } from "react";
import { createIntegrationAction } from "@/features/integrations/actions";
import { CreateCredentialForm } from "@/components/forms/create-credential-form";
import { SelectField } from "@/components/forms/select-field";
import { DialogButton } from "@/components/ui/dialog-button";
import { INTEGRATION_KINDS, type IntegrationKind } from "@/packages/contracts/src/integrations/integration-dto";
import { KINDS } from "./integration-kinds";
import { NewIntegrationPanel } from "./new-integration-panel";

type Props = {
  ns: string;
  /** Whether a docker-swarm one may be made here (secret:bind); lib refuses it otherwise. */
  swarm: boolean;
};

function CreateIntegrationForm({ ns, swarm, close }: Props & { close: () => void }) {
  const [kind, setKind] = useState<IntegrationKind>(swarm ? "docker-swarm" : "kubernetes-kms");
  const id = useId();
  return (
    <CreateCredentialForm
      action={createIntegrationAction}
      hidden={{ ns }}
      before={(errors) => (
        <SelectField
          id={`${id}-kind`}
          label="Kind"
          name="kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as IntegrationKind)}
          error={errors.kind}
          hint={KINDS[kind].summary}
        >
          {INTEGRATION_KINDS.map((value) => (
            <option key={value} value={value} disabled={value === "docker-swarm" && !swarm}>
              {KINDS[value].label}
              {value === "docker-swarm" && !swarm ? " (needs secret:bind)" : ""}
            </option>
          ))}
        </SelectField>
      )}
      nameField={{
        label: "Name",
        maxLength: 64,
        hint: "Which Swarm or cluster uses it.",
        placeholder: kind === "docker-swarm" ? "prod-swarm" : "prod-cluster",
      }}
      created={(token, state, name) =>
        state.kind ? (
          <NewIntegrationPanel
            token={token}
            kind={state.kind}
            name={state.integrationName ?? name}
            expiresAt={state.expiresAt ?? null}
            onDone={close}
          />
        ) : null
      }
      submitLabel="Create integration"
      close={close}
    />
  );
}

/** A credential for a Swarm's secret driver or a kube-apiserver's KMS plugin; its token appears in this dialog once. */
export function CreateIntegrationButton({ ns, swarm, variant = "primary" }: Props & { variant?: "primary" | "secondary" }) {
  return (
    <DialogButton
      variant={variant}
      label={
        <>
          <Plus aria-hidden className="size-4" />
          New integration
        </>
      }
      title="New integration"
      description={
        <>
          In namespace <span className="font-medium text-zinc-700 dark:text-zinc-300">{ns}</span>. Its token lets a plugin act for this
          namespace: only its SHA-256 is stored.
        </>
      }
      size="lg"
    >
      {(close) => <CreateIntegrationForm ns={ns} swarm={swarm} close={close} />}
    </DialogButton>
  );
}

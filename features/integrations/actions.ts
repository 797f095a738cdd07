"use server";

// The console's integration mutations. Each is a public POST endpoint: it
// resolves the actor itself and calls the same lib function as the API,
// which authorizes (integration:manage) and audits. The only plaintext
// any returns is a new or renewed integration's token, once, to its creator.
import { revalidatePath } from "next/cache";
import type { ActionState } from "@/components/forms/action-state";
import { failure } from "@/components/forms/action-failure";
import { text } from "@/components/forms/read-form";
import { requireActor } from "@/lib/auth/current-actor";
import { createIntegration } from "@/lib/integrations/create-integration";
import { renewIntegrationToken } from "@/lib/integrations/renew-integration-token";
import { revokeIntegration } from "@/lib/integrations/revoke-integration";
import type { IntegrationKind } from "@/packages/contracts/src/integrations/integration-dto";
import { INTEGRATION_FIELDS, integrationFromForm, RENEWAL_FIELDS } from "./form-input";

export type CreateIntegrationState = ActionState & {
  token?: string;
  kind?: IntegrationKind;
  integrationName?: string;
  expiresAt?: string | null;
};

export async function createIntegrationAction(_prev: CreateIntegrationState, form: FormData): Promise<CreateIntegrationState> {
  const actor = await requireActor();
  try {
    const created = await createIntegration(actor, text(form, "ns"), integrationFromForm(form));
    revalidatePath("/integrations");
    // The only time the plaintext token exists outside its holder's hands.
    return { ok: true, token: created.token, kind: created.kind, integrationName: created.name, expiresAt: created.expiresAt };
  } catch (error) {
    return failure(error, INTEGRATION_FIELDS);
  }
}

export async function revokeIntegrationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  try {
    await revokeIntegration(actor, text(form, "ns"), text(form, "id"));
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/integrations");
  return { ok: true };
}

/** A new token for the same integration (its id, which KMS ciphertexts are bound to, stays); the old token stops working now. */
export async function renewIntegrationAction(_prev: CreateIntegrationState, form: FormData): Promise<CreateIntegrationState> {
  const actor = await requireActor();
  try {
    const { expiresInDays } = integrationFromForm(form);
    const renewed = await renewIntegrationToken(actor, text(form, "ns"), text(form, "id"), { expiresInDays });
    revalidatePath("/integrations");
    return { ok: true, token: renewed.token, kind: renewed.kind, integrationName: renewed.name, expiresAt: renewed.expiresAt };
  } catch (error) {
    return failure(error, RENEWAL_FIELDS);
  }
}

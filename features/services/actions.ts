"use server";

// The console's service mutations. Each is a public POST endpoint: it
// resolves the actor itself and calls the same lib function as the API,
// which authorizes and audits. The only plaintext any of them returns is a
// new service token, once, to the person who created it.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "@/components/forms/action-state";
import { failure } from "@/components/forms/action-failure";
import { text } from "@/components/forms/read-form";
import { serviceHref, servicesHref } from "@/features/services/components/service-hrefs";
import { requireActor } from "@/lib/auth/current-actor";
import { BadRequest } from "@/lib/errors";
import { addBinding, removeBinding } from "@/lib/services/bindings";
import { createService, deleteService, updateService } from "@/lib/services/manage-services";
import { createServiceToken, revokeServiceToken } from "@/lib/services/service-tokens";
import { BINDING_FIELDS, bindingFromForm, SERVICE_FIELDS, serviceFromForm } from "./form-input";

export type UpdateServiceState = ActionState & { name?: string };
export type CreateTokenState = ActionState & { token?: string; tokenName?: string; expiresAt?: string | null };

// Bindings show on the secret's page too ("Used by").
function revalidateConsole() {
  revalidatePath("/services", "layout");
  revalidatePath("/secrets", "layout");
}

export async function createServiceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const ns = text(form, "ns");
  let name: string;
  try {
    name = (await createService(actor, ns, serviceFromForm(form, "create"))).name;
  } catch (error) {
    return failure(error, SERVICE_FIELDS);
  }
  revalidateConsole();
  redirect(serviceHref(ns, name, { notice: "created" }));
}

/** Rename, describe, relabel; answers the (new) name so the page can follow a rename. */
export async function updateServiceAction(_prev: UpdateServiceState, form: FormData): Promise<UpdateServiceState> {
  const actor = await requireActor();
  try {
    const updated = await updateService(actor, text(form, "ns"), text(form, "current"), serviceFromForm(form, "update"));
    revalidateConsole();
    return { ok: true, name: updated.name };
  } catch (error) {
    return failure(error, SERVICE_FIELDS);
  }
}

export async function deleteServiceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const ns = text(form, "ns");
  const name = text(form, "name");
  try {
    if (text(form, "confirm") !== name) throw new BadRequest(`type '${name}' to confirm`, { field: "confirm" });
    await deleteService(actor, ns, name);
  } catch (error) {
    return failure(error, ["confirm"]);
  }
  revalidateConsole();
  redirect(servicesHref(ns, { notice: "deleted", service: name }));
}

/** Docker's `service update --secret-add source=,target=,uid=,gid=,mode=`. */
export async function addBindingAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  try {
    await addBinding(actor, text(form, "ns"), text(form, "service"), bindingFromForm(form));
  } catch (error) {
    return failure(error, BINDING_FIELDS);
  }
  revalidateConsole();
  return { ok: true };
}

export async function removeBindingAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  try {
    await removeBinding(actor, text(form, "ns"), text(form, "service"), text(form, "target"));
  } catch (error) {
    return failure(error);
  }
  revalidateConsole();
  return { ok: true };
}

export async function createServiceTokenAction(_prev: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  const actor = await requireActor();
  const days = text(form, "expiresInDays");
  try {
    const created = await createServiceToken(actor, text(form, "ns"), text(form, "service"), {
      name: text(form, "name"),
      expiresInDays: days === "never" ? null : Number(days),
    });
    revalidatePath("/services", "layout");
    // The only time the plaintext token exists outside its holder's hands.
    return { ok: true, token: created.token, tokenName: created.name, expiresAt: created.expiresAt };
  } catch (error) {
    return failure(error, ["name", "expiresInDays"]);
  }
}

export async function revokeServiceTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  try {
    await revokeServiceToken(actor, text(form, "ns"), text(form, "service"), text(form, "tokenId"));
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/services", "layout");
  return { ok: true };
}

"use server";

// The console's service mutations. Each is a public POST endpoint: it
// resolves the actor itself and calls the same lib function as the API,
// which authorizes and audits. The only plaintext any of them returns is a
// new service token, once, to the person who created it.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { serviceHref, servicesHref } from "@/features/services/components/service-hrefs";
import { requireActor } from "@/lib/auth/current-actor";
import { addBinding, removeBinding } from "@/lib/services/bindings";
import { createService, deleteService, updateService } from "@/lib/services/manage-services";
import type { BindingInput } from "@/lib/services/service-rules";
import { createServiceToken, revokeServiceToken } from "@/lib/services/service-tokens";
import { labelsFromForm, text } from "../secrets/form-input";
import { failure, FieldProblem, type ActionState } from "./action-result";

export type { ActionState } from "./action-result";
export type UpdateServiceState = ActionState & { name?: string };
export type CreateTokenState = ActionState & { token?: string; tokenName?: string; expiresAt?: string | null };

/** A trimmed text field, or undefined when left empty (so lib applies its default). */
function optional(form: FormData, key: string): string | undefined {
  return text(form, key).trim() || undefined;
}

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
    const spec = { name: text(form, "name").trim(), description: text(form, "description").trim(), labels: labelsFromForm(form) };
    name = (await createService(actor, ns, spec)).name;
  } catch (error) {
    return failure(error);
  }
  revalidateConsole();
  redirect(serviceHref(ns, name, { notice: "created" }));
}

/** Rename, describe, relabel; answers the (new) name so the page can follow a rename. */
export async function updateServiceAction(_prev: UpdateServiceState, form: FormData): Promise<UpdateServiceState> {
  const actor = await requireActor();
  try {
    const changes = { name: text(form, "name").trim(), description: text(form, "description").trim(), labels: labelsFromForm(form) };
    const updated = await updateService(actor, text(form, "ns"), text(form, "current"), changes);
    revalidateConsole();
    return { ok: true, name: updated.name };
  } catch (error) {
    return failure(error);
  }
}

export async function deleteServiceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const ns = text(form, "ns");
  const name = text(form, "name");
  try {
    if (text(form, "confirm") !== name) throw new FieldProblem("confirm", `type '${name}' to confirm`);
    await deleteService(actor, ns, name);
  } catch (error) {
    return failure(error);
  }
  revalidateConsole();
  redirect(servicesHref(ns, { notice: "deleted", service: name }));
}

function bindingFromForm(form: FormData): BindingInput {
  const pinned = optional(form, "pinnedVersion");
  // lib would store version 0, which does not exist; say so here.
  if (pinned !== undefined && /^0+$/.test(pinned)) {
    throw new FieldProblem("pinnedVersion", "pinnedVersion must be 1 or more; leave it empty to follow the current version");
  }
  return {
    secret: text(form, "secret"),
    target: optional(form, "target"),
    uid: optional(form, "uid"),
    gid: optional(form, "gid"),
    mode: optional(form, "mode"),
    envName: optional(form, "envName") ?? null,
    key: optional(form, "key") ?? null,
    pinnedVersion: pinned ?? null,
  };
}

/** Docker's `service update --secret-add source=,target=,uid=,gid=,mode=`. */
export async function addBindingAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  try {
    await addBinding(actor, text(form, "ns"), text(form, "service"), bindingFromForm(form));
  } catch (error) {
    return failure(error);
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
    return failure(error);
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

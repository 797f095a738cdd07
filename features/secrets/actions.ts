"use server";

// The console's secret mutations. Each is a public POST endpoint: it
// resolves the actor itself and calls the same lib function as the API,
// which authorizes and audits. No answer ever carries a secret value.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "@/components/forms/action-state";
import { failure } from "@/components/forms/action-failure";
import { labelsFromForm, text } from "@/components/forms/read-form";
import { requireActor } from "@/lib/auth/current-actor";
import { BadRequest } from "@/lib/errors";
import { createSecret } from "@/lib/secrets/create-secret";
import { deleteSecret } from "@/lib/secrets/delete-secret";
import { purgeSecret, restoreSecret } from "@/lib/secrets/deleted-secrets";
import { rollbackSecret } from "@/lib/secrets/rollback-secret";
import { rotateSecret } from "@/lib/secrets/rotate-secret";
import type { SecretEntries } from "@/lib/secrets/secret-data";
import { updateSecretLabels } from "@/lib/secrets/update-secret-labels";
import { CREATE_SECRET_FIELDS, createSecretInput, entriesFromForm, formText, wipe } from "./form-input";
import { secretHref, secretsHref } from "@/features/secrets/components/secret-hrefs";

function confirmName(form: FormData, name: string) {
  if (text(form, "confirm") !== name) throw new BadRequest(`type '${name}' to confirm`, { field: "confirm" });
}

// Every field is read inside the try: a field that cannot be stored is a
// message on the form, never a 500.
export async function createSecretAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  let ns: string;
  let name: string;
  let entries: SecretEntries | undefined;
  try {
    const input = await createSecretInput(form);
    ({ ns, entries } = input);
    name = (await createSecret(actor, ns, input.spec, entries)).name;
  } catch (error) {
    return failure(error, CREATE_SECRET_FIELDS);
  } finally {
    wipe(entries);
  }
  revalidatePath("/secrets", "layout");
  redirect(secretHref(ns, name, { notice: "created" }));
}

export async function rotateSecretAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  let entries: SecretEntries | undefined;
  try {
    entries = await entriesFromForm(form);
    await rotateSecret(actor, formText(form, "ns"), formText(form, "name"), {}, entries);
  } catch (error) {
    return failure(error, ["data"]);
  } finally {
    wipe(entries);
  }
  revalidatePath("/secrets", "layout");
  return { ok: true };
}

export async function rollbackSecretAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  try {
    await rollbackSecret(actor, formText(form, "ns"), formText(form, "name"), { version: text(form, "version") });
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/secrets", "layout");
  return { ok: true };
}

export async function updateLabelsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  try {
    await updateSecretLabels(actor, formText(form, "ns"), formText(form, "name"), { labels: labelsFromForm(form) });
  } catch (error) {
    return failure(error, ["labels"]);
  }
  revalidatePath("/secrets", "layout");
  return { ok: true };
}

export async function deleteSecretAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  let ns: string;
  let name: string;
  try {
    ns = formText(form, "ns");
    name = formText(form, "name");
    confirmName(form, name);
    await deleteSecret(actor, ns, name);
  } catch (error) {
    return failure(error, ["confirm"]);
  }
  revalidatePath("/secrets", "layout");
  redirect(secretsHref(ns, { notice: "deleted", secret: name }));
}

export async function restoreSecretAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  let ns: string;
  let name: string;
  try {
    ns = formText(form, "ns");
    name = formText(form, "name");
    await restoreSecret(actor, ns, name);
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/secrets", "layout");
  redirect(secretHref(ns, name, { notice: "restored" }));
}

export async function purgeSecretAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  try {
    const name = formText(form, "name");
    confirmName(form, name);
    await purgeSecret(actor, formText(form, "ns"), name);
  } catch (error) {
    return failure(error, ["confirm"]);
  }
  revalidatePath("/secrets", "layout");
  return { ok: true };
}

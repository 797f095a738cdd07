"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { createNamespace } from "@/lib/namespaces/create-namespace";
import { deleteNamespace } from "@/lib/namespaces/delete-namespace";
import type { ActionState } from "@/components/forms/action-state";
import { failure } from "@/components/forms/action-failure";
import { text } from "@/components/forms/read-form";

export async function createNamespaceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  try {
    await createNamespace(actor, { name: text(form, "name").trim() });
  } catch (error) {
    return failure(error, ["name"]);
  }
  // Namespace pickers live on other sections' pages too.
  revalidatePath("/", "layout");
  return { ok: true };
}

/** Refused with a 409 saying what it still holds unless the namespace is empty. */
export async function deleteNamespaceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  try {
    await deleteNamespace(actor, text(form, "name"));
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/", "layout");
  return { ok: true };
}

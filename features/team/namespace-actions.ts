"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { createNamespace } from "@/lib/namespaces/create-namespace";
import { deleteNamespace } from "@/lib/namespaces/delete-namespace";
import { failure, text, type TeamActionState } from "./action-result";

export async function createNamespaceAction(_prev: TeamActionState, form: FormData): Promise<TeamActionState> {
  const actor = await requireActor();
  try {
    await createNamespace(actor, { name: text(form, "name").trim() });
  } catch (error) {
    return failure(error, [[/^name\b|already exists/, "name"]]);
  }
  // Namespace pickers live on other sections' pages too.
  revalidatePath("/", "layout");
  return { ok: true };
}

/** Refused with a 409 saying what it still holds unless the namespace is empty. */
export async function deleteNamespaceAction(_prev: TeamActionState, form: FormData): Promise<TeamActionState> {
  const actor = await requireActor();
  try {
    await deleteNamespace(actor, text(form, "name"));
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/", "layout");
  return { ok: true };
}

"use server";

import { revalidatePath } from "next/cache";
import { failure } from "@/components/forms/action-failure";
import type { ActionState } from "@/components/forms/action-state";
import { text } from "@/components/forms/read-form";
import { requireActor } from "@/lib/auth/current-actor";
import { createGroupMapping, deleteGroupMapping } from "@/lib/auth/oidc/group-mappings";

export async function createGroupMappingAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  try {
    await createGroupMapping(actor, { group: text(form, "group"), role: text(form, "role"), namespace: text(form, "namespace") || null });
  } catch (error) {
    return failure(error, ["group", "role", "namespace"]);
  }
  revalidatePath("/team/sso");
  return { ok: true };
}

export async function deleteGroupMappingAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  try {
    await deleteGroupMapping(actor, text(form, "id"));
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/team/sso");
  return { ok: true };
}

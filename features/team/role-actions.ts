"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { createRole, deleteRole, updateRole } from "@/lib/team/roles";
import type { ActionState } from "@/components/forms/action-state";
import { failure } from "@/components/forms/action-failure";
import { text } from "@/components/forms/read-form";

const ROLE_FIELDS = ["name", "description", "permissions", "requireSecondFactor"] as const;

// The second-factor box is sent only when the form let the actor change it (owners).
function secondFactorInput(form: FormData) {
  return form.has("secondFactorEditable") ? { requireSecondFactor: form.get("requireSecondFactor") === "on" } : {};
}

function roleInput(form: FormData) {
  // A built-in role's dialog has only the second-factor box.
  if (form.get("only") === "secondFactor") return secondFactorInput(form);
  return { description: text(form, "description").trim(), permissions: form.getAll("permissions").map(String), ...secondFactorInput(form) };
}

export async function createRoleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  try {
    await createRole(actor, {
      name: text(form, "name").trim(),
      description: text(form, "description").trim(),
      permissions: form.getAll("permissions").map(String),
    });
  } catch (error) {
    return failure(error, ROLE_FIELDS);
  }
  revalidatePath("/team", "layout");
  return { ok: true };
}

export async function updateRoleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  try {
    await updateRole(actor, text(form, "name"), roleInput(form));
  } catch (error) {
    return failure(error, ROLE_FIELDS);
  }
  revalidatePath("/team", "layout");
  return { ok: true };
}

/** Refused with a 409 naming the members while anyone still holds the role. */
export async function deleteRoleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  try {
    await deleteRole(actor, text(form, "name"));
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/team", "layout");
  return { ok: true };
}

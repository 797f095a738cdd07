"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { createRole, deleteRole, updateRole } from "@/lib/team/roles";
import { failure, text, type FieldRules, type TeamActionState } from "./action-result";

const ROLE_FIELDS: FieldRules = [
  [/^name\b|already exists/, "name"],
  [/^description\b/, "description"],
  [/^permissions\b/, "permissions"],
];

function roleInput(form: FormData) {
  return { description: text(form, "description").trim(), permissions: form.getAll("permissions").map(String) };
}

export async function createRoleAction(_prev: TeamActionState, form: FormData): Promise<TeamActionState> {
  const actor = await requireActor();
  try {
    await createRole(actor, { name: text(form, "name").trim(), ...roleInput(form) });
  } catch (error) {
    return failure(error, ROLE_FIELDS);
  }
  revalidatePath("/team", "layout");
  return { ok: true };
}

export async function updateRoleAction(_prev: TeamActionState, form: FormData): Promise<TeamActionState> {
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
export async function deleteRoleAction(_prev: TeamActionState, form: FormData): Promise<TeamActionState> {
  const actor = await requireActor();
  try {
    await deleteRole(actor, text(form, "name"));
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/team", "layout");
  return { ok: true };
}

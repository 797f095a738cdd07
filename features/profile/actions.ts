"use server";

import { requireActor } from "@/lib/auth/current-actor";
import { changeOwnPassword } from "@/lib/team/passwords";
import type { ActionState } from "@/components/forms/action-state";
import { failure } from "@/components/forms/action-failure";
import { text } from "@/components/forms/read-form";

export async function changePasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const password = text(form, "password");
  if (password !== text(form, "confirm")) return { ok: false, fieldErrors: { confirm: "the two passwords do not match" } };
  try {
    await changeOwnPassword(actor, { currentPassword: text(form, "currentPassword"), password });
  } catch (error) {
    return failure(error, ["currentPassword", "password"]);
  }
  return { ok: true };
}

"use server";

import { requireActor } from "@/lib/auth/current-actor";
import { changeOwnPassword } from "@/lib/team/passwords";
import { failure, text, type TeamActionState } from "../team/action-result";

export async function changePasswordAction(_prev: TeamActionState, form: FormData): Promise<TeamActionState> {
  const actor = await requireActor();
  const password = text(form, "password");
  if (password !== text(form, "confirm")) return { ok: false, fieldErrors: { confirm: "the two passwords do not match" } };
  try {
    await changeOwnPassword(actor, { currentPassword: text(form, "currentPassword"), password });
  } catch (error) {
    return failure(error, [
      [/^currentPassword\b/, "currentPassword"],
      [/^password\b/, "password"],
    ]);
  }
  return { ok: true };
}

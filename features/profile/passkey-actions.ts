"use server";

import { revalidatePath } from "next/cache";
import type { ActionState } from "@/components/forms/action-state";
import { failure } from "@/components/forms/action-failure";
import { text } from "@/components/forms/read-form";
import { requireActor } from "@/lib/auth/current-actor";
import { registerPasskey, startPasskeyRegistration } from "@/lib/auth/mfa/passkey-register";
import { removePasskey } from "@/lib/auth/mfa/passkey-remove";

export type PasskeyOptionsState = ActionState & { options?: Awaited<ReturnType<typeof startPasskeyRegistration>> };

/** Registration options for the browser; the challenge stays on the server (hashed). */
export async function passkeyOptionsAction(): Promise<PasskeyOptionsState> {
  const actor = await requireActor({ enrolling: true });
  try {
    return { ok: true, options: await startPasskeyRegistration(actor) };
  } catch (error) {
    return failure(error);
  }
}

/** The browser's answer (RegistrationResponseJSON) and the name the user gave. */
export async function registerPasskeyAction(name: string, response: unknown): Promise<ActionState<"name">> {
  const actor = await requireActor({ enrolling: true });
  try {
    await registerPasskey(actor, { name, response });
  } catch (error) {
    return failure(error, ["name"]);
  }
  revalidatePath("/profile");
  return { ok: true };
}

export async function removePasskeyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor({ enrolling: true });
  try {
    await removePasskey(actor, text(form, "id"));
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/profile");
  return { ok: true };
}

"use server";

// The console's rotation policy changes (issue 18): the same lib functions
// as PUT/DELETE …/rotation and POST …/rotation/run, which authorize and audit.
// The form's rotator part names an admin secret: lib then also demands
// secret:reveal, as it does for the API and the CLI.
import { revalidatePath } from "next/cache";
import type { ActionState } from "@/components/forms/action-state";
import { failure } from "@/components/forms/action-failure";
import { requireActor } from "@/lib/auth/current-actor";
import { deleteRotationPolicy } from "@/lib/rotation/delete-rotation-policy";
import { runRotationNow } from "@/lib/rotation/run-rotation";
import { setRotationPolicy } from "@/lib/rotation/set-rotation-policy";
import { updateSecretLabels } from "@/lib/secrets/update-secret-labels";
import { formText } from "./form-input";
import { EXPIRY_FIELDS, expiresAtInput, onFormFields, ROTATION_FIELDS, rotationInput } from "./rotation-form-input";

export async function setRotationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  try {
    // An existing rotator comes back prefilled in the form, so saving a new schedule keeps it.
    await setRotationPolicy(actor, formText(form, "ns"), formText(form, "name"), rotationInput(form));
  } catch (error) {
    return failure(onFormFields(error), ROTATION_FIELDS);
  }
  revalidatePath("/secrets", "layout");
  return { ok: true };
}

export async function stopRotationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  try {
    await deleteRotationPolicy(actor, formText(form, "ns"), formText(form, "name"));
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/secrets", "layout");
  return { ok: true };
}

export async function runRotationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  let result: Awaited<ReturnType<typeof runRotationNow>>;
  try {
    result = await runRotationNow(actor, formText(form, "ns"), formText(form, "name"));
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/secrets", "layout");
  return result.rotated ? { ok: true } : { error: `Not rotated: ${result.error}` };
}

/**
 * The secret page's "Set expiry": a date (midnight UTC) or nothing to clear.
 * Through the same lib function as PATCH …/secrets/{name} {"expiresAt"},
 * which authorizes secret:update and records secret.expiry_set.
 */
export async function setExpiryAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  try {
    await updateSecretLabels(actor, formText(form, "ns"), formText(form, "name"), { expiresAt: expiresAtInput(form) });
  } catch (error) {
    return failure(error, EXPIRY_FIELDS);
  }
  revalidatePath("/secrets", "layout");
  return { ok: true };
}

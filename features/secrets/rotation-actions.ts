"use server";

// The console's rotation policy changes (issue 18): the same lib functions
// as PUT/DELETE …/rotation and POST …/rotation/run, which authorize and audit.
// A rotator is set through the API or the CLI (it names an admin secret and
// needs secret:reveal); the console form sets the schedule and generator.
import { revalidatePath } from "next/cache";
import type { ActionState } from "@/components/forms/action-state";
import { failure } from "@/components/forms/action-failure";
import { text } from "@/components/forms/read-form";
import { requireActor } from "@/lib/auth/current-actor";
import { deleteRotationPolicy } from "@/lib/rotation/delete-rotation-policy";
import { findRotationPolicy } from "@/lib/rotation/get-rotation-policy";
import { runRotationNow } from "@/lib/rotation/run-rotation";
import { setRotationPolicy } from "@/lib/rotation/set-rotation-policy";
import { formText } from "./form-input";

const FIELDS = ["every", "generator"] as const;

export async function setRotationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  try {
    const [ns, name] = [formText(form, "ns"), formText(form, "name")];
    // The rotator a policy already has stays: the form does not show its settings to change them.
    const current = await findRotationPolicy(actor, ns, name);
    const key = text(form, "key").trim();
    await setRotationPolicy(actor, ns, name, {
      every: text(form, "every").trim(),
      generator: { length: text(form, "length"), alphabet: text(form, "alphabet"), ...(key ? { key } : {}) },
      ...(current?.rotator ? { rotator: current.rotator } : {}),
    });
  } catch (error) {
    return failure(error, FIELDS);
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

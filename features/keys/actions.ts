"use server";

import { revalidatePath } from "next/cache";
import type { ActionState } from "@/components/forms/action-state";
import { failure } from "@/components/forms/action-failure";
import { requireActor } from "@/lib/auth/current-actor";
import { cancelRewrap } from "@/lib/keys/cancel-rewrap";
import { startRewrap } from "@/lib/keys/start-rewrap";

// A server action is a public endpoint: it resolves the actor itself and
// leaves the permission check to the lib function, like the API route.
async function run(work: (actor: Awaited<ReturnType<typeof requireActor>>) => Promise<unknown>): Promise<ActionState> {
  const actor = await requireActor();
  try {
    await work(actor);
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/settings/encryption");
  return { ok: true };
}

export async function startRewrapAction(): Promise<ActionState> {
  return run(startRewrap);
}

export async function cancelRewrapAction(): Promise<ActionState> {
  return run(cancelRewrap);
}

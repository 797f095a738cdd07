"use server";

import { revalidatePath } from "next/cache";
import type { RewrapActionState } from "@/features/keys/components/rewrap-controls";
import { requireActor } from "@/lib/auth/current-actor";
import { DomainError } from "@/lib/errors";
import { cancelRewrap } from "@/lib/keys/cancel-rewrap";
import { startRewrap } from "@/lib/keys/start-rewrap";

// A server action is a public endpoint: it resolves the actor itself and
// leaves the permission check to the lib function, like the API route.
async function run(work: (actor: Awaited<ReturnType<typeof requireActor>>) => Promise<unknown>): Promise<RewrapActionState> {
  const actor = await requireActor();
  try {
    await work(actor);
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error: error.message };
    throw error;
  }
  revalidatePath("/settings/encryption");
  return { ok: true };
}

export async function startRewrapAction(): Promise<RewrapActionState> {
  return run(startRewrap);
}

export async function cancelRewrapAction(): Promise<RewrapActionState> {
  return run(cancelRewrap);
}

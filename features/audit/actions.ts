"use server";

// The audit page's server actions. Each is a public POST endpoint: it
// resolves the actor itself and leaves the permission check to lib.
import { revalidatePath } from "next/cache";
import { parseAuditFilters } from "@/lib/audit/audit-filters";
import { countNewAuditEvents } from "@/lib/audit/list-audit-events";
import { startAuditVerify } from "@/lib/audit/verify-job";
import type { ActionState } from "@/components/forms/action-state";
import { failure } from "@/components/forms/action-failure";
import { currentActor, requireActor } from "@/lib/auth/current-actor";
import { DomainError } from "@/lib/errors";

export type VerifyActionState = ActionState & { running?: boolean };

/** The live indicator's poll: events matching `filters` newer than `afterSeq` (0 when it cannot tell). */
export async function countNewEventsAction(filters: Record<string, string>, afterSeq: string): Promise<number> {
  // No redirect from a poll: a signed-out tab just stops seeing news.
  const actor = await currentActor();
  if (!actor || typeof afterSeq !== "string") return 0;
  try {
    return await countNewAuditEvents(actor, parseAuditFilters(filters), afterSeq);
  } catch (error) {
    if (error instanceof DomainError) return 0;
    throw error;
  }
}

export async function startVerifyAction(): Promise<VerifyActionState> {
  const actor = await requireActor();
  try {
    await startAuditVerify(actor);
  } catch (error) {
    // A 409: a verification is already running, which the button then follows.
    return { ...failure(error), running: error instanceof DomainError && error.status === 409 };
  }
  revalidatePath("/audit");
  return { ok: true };
}

"use server";

import { revalidatePath } from "next/cache";
import { grantLabel } from "@/features/team/components/grant-label";
import { requireActor } from "@/lib/auth/current-actor";
import { inviteMember, revokeInvite } from "@/lib/team/invites";
import type { ActionState } from "@/components/forms/action-state";
import { failure } from "@/components/forms/action-failure";
import { text } from "@/components/forms/read-form";

export type InviteState = ActionState & { path?: string; email?: string; grant?: string; expiresAt?: string };

export async function inviteMemberAction(_prev: InviteState, form: FormData): Promise<InviteState> {
  const actor = await requireActor();
  const email = text(form, "email");
  try {
    const invite = await inviteMember(actor, { email, role: text(form, "role"), namespace: text(form, "namespace") || null });
    revalidatePath("/team", "layout");
    // The only time the token exists in the clear: the inviter passes it on.
    return { ok: true, path: `/invite/${invite.token}`, email: invite.email, grant: grantLabel(invite), expiresAt: invite.expiresAt };
  } catch (error) {
    return failure(error, ["email", "role", "namespace"]);
  }
}

export async function revokeInviteAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  try {
    await revokeInvite(actor, text(form, "id"));
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/team", "layout");
  return { ok: true };
}

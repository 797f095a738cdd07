"use server";

import { revalidatePath } from "next/cache";
import { grantLabel } from "@/features/team/components/grant-label";
import { requireActor } from "@/lib/auth/current-actor";
import { inviteMember, revokeInvite } from "@/lib/team/invites";
import { failure, text, type TeamActionState } from "./action-result";

export type InviteState = TeamActionState & { path?: string; email?: string; grant?: string; expiresAt?: string };

export async function inviteMemberAction(_prev: InviteState, form: FormData): Promise<InviteState> {
  const actor = await requireActor();
  const email = text(form, "email");
  try {
    const invite = await inviteMember(actor, { email, role: text(form, "role"), namespace: text(form, "namespace") || null });
    revalidatePath("/team", "layout");
    // The only time the token exists in the clear: the inviter passes it on.
    return { ok: true, path: `/invite/${invite.token}`, email: invite.email, grant: grantLabel(invite), expiresAt: invite.expiresAt };
  } catch (error) {
    return failure(error, [
      [/^email\b|already a member/, "email"],
      [/^role\b/, "role"],
      [/^namespace\b/, "namespace"],
    ]);
  }
}

export async function revokeInviteAction(_prev: TeamActionState, form: FormData): Promise<TeamActionState> {
  const actor = await requireActor();
  try {
    await revokeInvite(actor, text(form, "id"));
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/team", "layout");
  return { ok: true };
}

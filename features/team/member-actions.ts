"use server";

// A member's page: grants, disable/enable, a reset link, their API tokens, removal. Each
// action resolves the actor and calls the lib function that authorizes
// and audits; refusals come back as messages for the form.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/current-actor";
import { resetSecondFactor } from "@/lib/auth/mfa/reset-second-factor";
import { grantRole, revokeGrant } from "@/lib/team/grants";
import { getMember, removeMember, setMemberDisabled } from "@/lib/team/members";
import { issuePasswordReset } from "@/lib/team/passwords";
import { revokeMemberAccessToken } from "@/lib/tokens/member-access-tokens";
import type { ActionState } from "@/components/forms/action-state";
import { failure } from "@/components/forms/action-failure";
import { text } from "@/components/forms/read-form";

export type ResetLinkState = ActionState & { path?: string; expiresAt?: string };

export async function grantRoleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  try {
    await grantRole(actor, { userId: text(form, "userId"), role: text(form, "role"), namespace: text(form, "namespace") || null });
  } catch (error) {
    return failure(error, ["role", "namespace"]);
  }
  revalidatePath("/team", "layout");
  return { ok: true };
}

export async function revokeGrantAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  try {
    await revokeGrant(actor, text(form, "id"));
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/team", "layout");
  return { ok: true };
}

export async function setDisabledAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  try {
    await setMemberDisabled(actor, text(form, "userId"), text(form, "disabled") === "true");
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/team", "layout");
  return { ok: true };
}

/** The member lost their authenticator or passkeys: all of them go, and the member's sessions end. */
export async function resetSecondFactorAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  try {
    await resetSecondFactor(actor, text(form, "userId"));
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/team", "layout");
  return { ok: true };
}

export async function issueResetLinkAction(_prev: ResetLinkState, form: FormData): Promise<ResetLinkState> {
  const actor = await requireActor();
  try {
    const reset = await issuePasswordReset(actor, text(form, "userId"));
    // The only time the token exists in the clear: the admin passes it on.
    return { ok: true, path: `/reset-password/${reset.token}`, expiresAt: reset.expiresAt };
  } catch (error) {
    return failure(error);
  }
}

export async function revokeMemberTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  try {
    await revokeMemberAccessToken(actor, text(form, "userId"), text(form, "tokenId"));
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/team", "layout");
  return { ok: true };
}

export async function removeMemberAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const userId = text(form, "userId");
  let email: string;
  try {
    email = (await getMember(actor, userId)).email;
    if (text(form, "confirm") !== email) return { ok: false, fieldErrors: { confirm: `type '${email}' to confirm` } };
    await removeMember(actor, userId);
  } catch (error) {
    return failure(error, ["confirm"]);
  }
  revalidatePath("/team", "layout");
  redirect(`/team?${new URLSearchParams({ notice: "removed", member: email })}`);
}

"use server";

import { revalidatePath } from "next/cache";
import type { ActionState } from "@/components/forms/action-state";
import { failure } from "@/components/forms/action-failure";
import { requireActor } from "@/lib/auth/current-actor";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import { revokeAccessToken } from "@/lib/tokens/revoke-access-token";

export type CreateTokenState = ActionState & { token?: string; name?: string };

export async function createTokenAction(_prev: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  const actor = await requireActor();
  const days = String(form.get("expiresInDays") ?? "90");
  const scopes = form.getAll("scopes").map(String);
  try {
    const created = await createAccessToken(actor, {
      name: String(form.get("name") ?? ""),
      expiresInDays: days === "never" ? null : Number(days),
      scopes,
    });
    revalidatePath("/settings/tokens");
    // The only time the plaintext token exists outside its holder's hands.
    return { ok: true, token: created.token, name: created.name };
  } catch (error) {
    // The form shows no field messages: every refusal is its alert.
    return failure(error);
  }
}

export async function revokeTokenAction(tokenId: string): Promise<{ error?: string }> {
  const actor = await requireActor();
  try {
    await revokeAccessToken(actor, tokenId);
    revalidatePath("/settings/tokens");
    return {};
  } catch (error) {
    return failure(error);
  }
}

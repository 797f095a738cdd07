"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { DomainError } from "@/lib/errors";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import { revokeAccessToken } from "@/lib/tokens/revoke-access-token";

export type CreateTokenState = { ok?: boolean; error?: string; token?: string; name?: string };

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
    if (error instanceof DomainError) return { error: error.message };
    throw error;
  }
}

export async function revokeTokenAction(tokenId: string): Promise<{ error?: string }> {
  const actor = await requireActor();
  try {
    await revokeAccessToken(actor, tokenId);
    revalidatePath("/settings/tokens");
    return {};
  } catch (error) {
    if (error instanceof DomainError) return { error: error.message };
    throw error;
  }
}

import "server-only";
import { z } from "zod";
import type { UserActor } from "../auth/actor";
import { audited } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import { db, type Tx } from "../db/client";
import { newId } from "../db/ids";
import { BadRequest, Forbidden } from "../errors";
import { parseInput } from "../input/parse-input";
import { isPermission, PERMISSIONS } from "../rbac/permissions";
import { accessTokenSelect, toAccessTokenInfo, type AccessTokenInfo } from "./access-token-dto";
import { newToken } from "./token-secret";
import { expiresAtAfter, expiresInDaysSchema } from "./expires-in-days";

export const createAccessTokenSchema = z.object({
  name: z.string({ error: "name is required" }).trim().min(1, "name is required").max(100, "name is at most 100 characters"),
  expiresInDays: expiresInDaysSchema(90),
  scopes: z.array(z.string(), { error: "scopes must be a list of permissions" }).default([]),
});

export type NewAccessToken = AccessTokenInfo & { token: string };

/** Every permission the user holds in some namespace or globally. */
export async function heldAnywhere(tx: Tx, userId: string): Promise<Set<string>> {
  const grants = await tx.roleBinding.findMany({ where: { userId }, select: { role: { select: { permissions: true } } } });
  return new Set(grants.flatMap((g) => g.role.permissions));
}

/** Creates a token; tx-level helper shared with the password exchange. */
export async function insertAccessToken(tx: Tx, actor: UserActor, input: unknown, via: "console" | "password"): Promise<NewAccessToken> {
  const spec = parseInput(createAccessTokenSchema, input);
  const unknown = spec.scopes.find((scope) => !isPermission(scope));
  if (unknown) throw new BadRequest(`scopes: unknown permission '${unknown}'`, { field: "scopes" });
  // A token may narrow its user's rights, never add to them.
  const held = await heldAnywhere(tx, actor.id);
  const notHeld = spec.scopes.find((scope) => !held.has(scope));
  if (notHeld) throw new Forbidden(`scopes: you do not hold '${notHeld}' yourself`);
  const { token, hash, prefix } = newToken("cfp");
  const row = await tx.accessToken.create({
    data: {
      id: newId("tok"),
      userId: actor.id,
      name: spec.name,
      prefix,
      tokenHash: hash,
      scopes: spec.scopes,
      expiresAt: expiresAtAfter(spec.expiresInDays),
    },
    select: accessTokenSelect,
  });
  await recordAudit(tx, actor, {
    action: "token.create",
    resource: { type: "access_token", id: row.id, name: row.name },
    details: { via, scopes: spec.scopes, expiresAt: row.expiresAt?.toISOString() ?? null },
  });
  return { ...toAccessTokenInfo(row), token };
}

export async function createAccessToken(actor: UserActor, input: unknown): Promise<NewAccessToken> {
  // audited(): a refusal (a scope not held, a token making tokens) leaves a denied event.
  return audited(actor, "token.create", async (tx) => {
    // Tokens come from a signed-in person, not from another token.
    if (actor.token) throw new Forbidden("an API token cannot create API tokens");
    return insertAccessToken(tx, actor, input, "console");
  });
}

/** For the scopes picker: what the actor could give a token. */
export async function grantablePermissions(actor: UserActor): Promise<string[]> {
  const held = await db.$transaction((tx) => heldAnywhere(tx, actor.id));
  return PERMISSIONS.filter((permission) => held.has(permission));
}

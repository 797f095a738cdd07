// Turns a personal API token into the acting user. A token stops working
// when it is revoked or expires, and whenever its user is disabled or gone.
// Every refusal is counted and audited, aggregated per source and token
// prefix (lib/audit/credential-rejections.ts).
import { userActor, type RequestContext, type UserActor } from "../auth/actor";
import { recordCredentialRejection } from "../audit/credential-rejections";
import { db } from "../db/client";
import { Unauthorized } from "../errors";
import { hashToken } from "./token-secret";
import { lapsed, shouldRecordUse } from "./token-use";

const MESSAGES = {
  missing: "an Authorization: Bearer token is required",
  malformed: "a personal API token (cfp_…) is required",
  invalid: "the API token is invalid, expired or revoked",
};

/** `token` is the bearer token of the request, null when there is none. */
export async function resolveAccessToken(token: string | null, context: RequestContext): Promise<UserActor> {
  if (!token) return reject(token, context, "missing", MESSAGES.missing);
  if (!token.startsWith("cfp_")) return reject(token, context, "malformed", MESSAGES.malformed);
  const row = await db.accessToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, disabled: true } },
    },
  });
  const now = new Date();
  const problem = !row ? "unknown" : (lapsed(row, now) ?? (row.user.disabled ? "disabled" : null));
  if (!row || problem) {
    // One answer for every reason: the caller learns nothing about the token.
    return reject(token, context, problem ?? "unknown", MESSAGES.invalid, row ? { tokenId: row.id, email: row.user.email } : undefined);
  }
  if (shouldRecordUse(row.lastUsedAt, now)) {
    await db.accessToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { ...userActor(row.user, context), token: { id: row.id, scopes: row.scopes } };
}

async function reject(
  token: string | null,
  context: RequestContext,
  reason: string,
  message: string,
  known?: { tokenId: string; email: string },
): Promise<never> {
  await recordCredentialRejection({
    kind: "personal",
    reason,
    token,
    context,
    label: known?.email ?? null,
    resource: known ? { type: "access_token", id: known.tokenId } : undefined,
    details: known ? { tokenId: known.tokenId } : undefined,
  });
  throw new Unauthorized(message);
}

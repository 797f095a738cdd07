// Turns a personal API token into the acting user. A token stops working
// when it is revoked or expires, and whenever its user is disabled or gone.
// Every refusal is counted and audited, aggregated per source and token
// prefix (lib/audit/credential-rejections.ts).
import { userActor, type RequestContext, type UserActor } from "../auth/actor";
import { recordCredentialRejection } from "../audit/credential-rejections";
import { enrollmentApiMessage, owedEnrollment } from "../auth/mfa/second-factor-policy";
import { db } from "../db/client";
import { Forbidden, Unauthorized } from "../errors";
import { hashToken } from "./token-secret";
import { lapsed, shouldRecordUse } from "./token-use";

const MESSAGES = {
  missing: "an Authorization: Bearer token is required",
  malformed: "a personal API token (cfp_…) is required",
  invalid: "the API token is invalid, expired or revoked",
};

/**
 * `token` is the bearer token of the request, null when there is none;
 * `path` the request's path (the Vault API passes none).
 */
export async function resolveAccessToken(token: string | null, context: RequestContext, path?: string): Promise<UserActor> {
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
  await refuseOwedEnrollment(row, context, token, path);
  return { ...userActor(row.user, context), token: { id: row.id, scopes: row.scopes } };
}

// /api/v1/me and below stay open: they say why (GET /me) and enroll TOTP.
const ENROLLMENT_PATHS = /^\/api\/v1\/me(\/|$)/;

/**
 * A token made before one of its user's roles came to require a second
 * factor keeps working only for enrolling: else a password-only account
 * would keep all its access through a token it already had. A 403, not a
 * 401: the token is good, a client must not drop it.
 */
async function refuseOwedEnrollment(
  row: { id: string; user: { id: string; email: string } },
  context: RequestContext,
  token: string,
  path: string | undefined,
): Promise<void> {
  if (path !== undefined && ENROLLMENT_PATHS.test(path)) return;
  const owed = await owedEnrollment(row.user.id);
  if (!owed) return;
  await recordCredentialRejection({
    kind: "personal",
    reason: "second_factor_required",
    token,
    context,
    label: row.user.email,
    resource: { type: "access_token", id: row.id },
    details: { tokenId: row.id, role: owed.role },
  });
  throw new Forbidden(enrollmentApiMessage(owed));
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

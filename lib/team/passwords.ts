import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { anonymousActor, userActor, type Actor, type RequestContext, type UserActor } from "../auth/actor";
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, verifyPassword } from "../auth/password";
import { audited } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import { db, type Tx } from "../db/client";
import { newId } from "../db/ids";
import { BadRequest, Forbidden, NotFound } from "../errors";
import { parseInput } from "../input/parse-input";
import { authorize } from "../rbac/authorize";
import { HOUR_MS } from "../time";
import { revokeAllAccessTokens } from "../tokens/revoke-all-access-tokens";
import { hashToken } from "../tokens/token-secret";
import { actingRefusal, assertMayActOn } from "./guards";
import { findMemberOrThrow } from "./members";

const RESET_HOURS = 24;

const newPassword = z
  .string({ error: "password is required" })
  .min(PASSWORD_MIN_LENGTH, `password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, "password is too long");

const changeSchema = z.object({
  currentPassword: z.string({ error: "currentPassword is required" }).min(1, "currentPassword is required"),
  password: newPassword,
});
export const resetSchema = z.object({ token: z.string({ error: "token is required" }).min(1, "token is required"), password: newPassword });

/**
 * A member changes their own password; the current one is required. Other
 * sessions end and every API token is revoked: a changed password is often
 * a suspected leak, and a token made with the old one would outlive it.
 */
export async function changeOwnPassword(actor: UserActor & { sessionId?: string }, input: unknown): Promise<void> {
  const spec = parseInput(changeSchema, input);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
  if (!(await verifyPassword(user.passwordHash, spec.currentPassword))) {
    await db.$transaction((tx) =>
      recordAudit(tx, actor, {
        action: "member.password_change",
        outcome: "denied",
        resource: { type: "user", id: user.id, name: user.email },
      }),
    );
    throw new BadRequest("currentPassword is not correct", { field: "currentPassword" });
  }
  const passwordHash = await hashPassword(spec.password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: user.id, ...(actor.sessionId ? { id: { not: actor.sessionId } } : {}) } });
    const tokensRevoked = await revokeAllAccessTokens(tx, user.id);
    await recordAudit(tx, actor, {
      action: "member.password_change",
      resource: { type: "user", id: user.id, name: user.email },
      details: { tokensRevoked },
    });
  });
}

/** An admin issues a one-time reset link for a member (no mail server needed). */
export async function issuePasswordReset(actor: Actor, userId: string): Promise<{ token: string; expiresAt: string }> {
  return audited(actor, "member.password_reset_issue", async (tx) => {
    await authorize(tx, actor, "member:manage");
    const user = await findMemberOrThrow(tx, userId);
    if (actor.type === "user" && actor.id === user.id) throw new Forbidden("change your own password on your profile page instead");
    // Whoever can set a member's password becomes them: an admin could take over an owner this way.
    await assertMayActOn(tx, actor, user, "reset the password of");
    const token = `cfr_${randomBytes(24).toString("base64url")}`;
    const row = await tx.passwordReset.create({
      data: {
        id: newId("pwr"),
        userId: user.id,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + RESET_HOURS * HOUR_MS),
        createdById: actor.id,
      },
    });
    await recordAudit(tx, actor, {
      action: "member.password_reset_issue",
      resource: { type: "user", id: user.id, name: user.email },
      details: { expiresAt: row.expiresAt.toISOString() },
    });
    return { token, expiresAt: row.expiresAt.toISOString() };
  });
}

export const checkSchema = z.object({ token: z.string({ error: "token is required" }).min(1, "token is required") });

const INVALID_LINK = "this reset link is not valid or has expired";

/**
 * Whether a stored link can still be used: unused, unexpired, and its
 * issuer may still act on the member. A member who became owner after the
 * link was issued must not be taken over with it, nor with a link issued
 * before owners were protected.
 */
async function usable(
  tx: Tx,
  row: { usedAt: Date | null; expiresAt: Date; createdById: string | null; userId: string; user: { email: string } },
) {
  if (row.usedAt || row.expiresAt <= new Date()) return false;
  if (!row.createdById) return true;
  const issuer = await tx.user.findUnique({ where: { id: row.createdById }, select: { id: true, email: true, disabled: true } });
  if (!issuer || issuer.disabled) return false;
  return (await actingRefusal(tx, userActor(issuer), { id: row.userId, email: row.user.email }, "reset the password of")) === null;
}

/** For the reset page to say up front that a link is spent; writes nothing. */
export async function describePasswordReset(token: string): Promise<{ email: string; expiresAt: string } | null> {
  const row = await db.passwordReset.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: { select: { email: true } } } });
  return row && (await usable(db, row)) ? { email: row.user.email, expiresAt: row.expiresAt.toISOString() } : null;
}

/** POST /api/v1/password-reset/check: `{token}` → who the link is for and until when, or 404. */
export async function checkPasswordReset(input: unknown): Promise<{ email: string; expiresAt: string }> {
  const { token } = parseInput(checkSchema, input);
  const found = await describePasswordReset(token);
  if (!found) throw new NotFound(INVALID_LINK);
  return found;
}

/** Uses a reset link: new password, every session ended, every API token revoked. */
export async function resetPassword(input: unknown, context: RequestContext): Promise<void> {
  const spec = parseInput(resetSchema, input);
  const passwordHash = await hashPassword(spec.password);
  await db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      { id: string }[]
    >`SELECT "id" FROM "PasswordReset" WHERE "tokenHash" = ${hashToken(spec.token)} FOR UPDATE`;
    const row = locked ? await tx.passwordReset.findUnique({ where: { id: locked.id }, include: { user: true } }) : null;
    if (!row || !(await usable(tx, row))) throw new NotFound(INVALID_LINK);
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash } });
    await tx.passwordReset.update({ where: { id: row.id }, data: { usedAt: new Date() } });
    await tx.session.deleteMany({ where: { userId: row.userId } });
    const tokensRevoked = await revokeAllAccessTokens(tx, row.userId);
    await recordAudit(tx, anonymousActor(context, row.user.email), {
      action: "member.password_reset",
      resource: { type: "user", id: row.userId, name: row.user.email },
      details: { tokensRevoked },
    });
  });
}

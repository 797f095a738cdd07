// A browser session is a database row; the signed cookie only names it.
// Looking the row up on every request means signing out, disabling or
// deleting a user takes effect at once.
import { randomBytes } from "node:crypto";
import { recordAudit } from "../audit/record-audit";
import { config } from "../config/env";
import { db, type Tx } from "../db/client";
import { HOUR_MS } from "../time";
import { userActor, type RequestContext, type UserActor } from "./actor";

export type SessionUser = UserActor & { name: string; sessionId: string };

export async function actorForSession(sessionId: string, context: RequestContext): Promise<SessionUser | null> {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { expiresAt: true, user: { select: { id: true, email: true, name: true, disabled: true } } },
  });
  if (!session || session.expiresAt <= new Date() || session.user.disabled) return null;
  return { ...userActor(session.user, context), name: session.user.name, sessionId };
}

/**
 * A new session row for a sign-in that passed (password and second factor,
 * or SSO), in the sign-in's transaction, with the user's last sign-in time;
 * returns its id, the one thing the cookie carries. The caller audits it.
 */
export async function openSessionRow(tx: Tx, userId: string, context: RequestContext): Promise<string> {
  const sessionId = randomBytes(24).toString("base64url");
  await tx.user.update({ where: { id: userId }, data: { lastLoginAt: new Date() } });
  await tx.session.create({
    data: {
      id: sessionId,
      userId,
      expiresAt: new Date(Date.now() + config().COFFER_SESSION_HOURS * HOUR_MS),
      ip: context.ip,
      userAgent: context.userAgent,
    },
  });
  return sessionId;
}

export async function endSession(actor: SessionUser): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { id: actor.sessionId } });
    await recordAudit(tx, actor, { action: "auth.logout", resource: { type: "user", id: actor.id, name: actor.label } });
  });
}

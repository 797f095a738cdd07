// A browser session is a database row; the signed cookie only names it.
// Looking the row up on every request means signing out, disabling or
// deleting a user takes effect at once.
import { recordAudit } from "../audit/record-audit";
import { db } from "../db/client";
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

export async function endSession(actor: SessionUser): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { id: actor.sessionId } });
    await recordAudit(tx, actor, { action: "auth.logout", resource: { type: "user", id: actor.id, name: actor.label } });
  });
}

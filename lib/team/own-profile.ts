import "server-only";
import type { UserActor } from "../auth/actor";
import { db } from "../db/client";
import { NotFound } from "../errors";

export type OwnGrant = { id: string; role: string; namespace: string | null; permissions: string[] };
export type OwnProfile = { id: string; email: string; name: string; grants: OwnGrant[] };

/**
 * GET /api/v1/me: the caller's own account and grants with what each
 * gives. Knowing one's own access needs no permission (member:list is for
 * seeing everyone's).
 */
export async function getOwnProfile(actor: UserActor): Promise<OwnProfile> {
  const user = await db.user.findUnique({
    where: { id: actor.id },
    select: {
      id: true,
      email: true,
      name: true,
      roleBindings: {
        select: { id: true, role: { select: { name: true, permissions: true } }, namespace: { select: { name: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!user) throw new NotFound("your account no longer exists");
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    grants: user.roleBindings.map((b) => ({
      id: b.id,
      role: b.role.name,
      namespace: b.namespace?.name ?? null,
      permissions: b.role.permissions,
    })),
  };
}

/** When the caller joined and last signed in, for their profile page. */
export async function getOwnAccountDates(actor: UserActor): Promise<{ createdAt: string; lastLoginAt: string | null } | null> {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { createdAt: true, lastLoginAt: true } });
  return user ? { createdAt: user.createdAt.toISOString(), lastLoginAt: user.lastLoginAt?.toISOString() ?? null } : null;
}

import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { anonymousActor, userActor, type Actor, type RequestContext } from "../auth/actor";
import { emailField } from "../auth/email";
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../auth/password";
import { audited } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import { db } from "../db/client";
import { newId } from "../db/ids";
import { LOCKS, lockUntilCommit } from "../db/locks";
import { BadRequest, Conflict, NotFound } from "../errors";
import { parseInput } from "../input/parse-input";
import { authorize } from "../rbac/authorize";
import { DAY_MS } from "../time";
import { hashToken } from "../tokens/token-secret";
import { resolveGrantTarget } from "./grants";
import { assertCanGrant } from "./guards";

const INVITE_DAYS = 7;

export const inviteSchema = z.object({
  email: emailField,
  role: z.string({ error: "role is required" }).min(1, "role is required"),
  namespace: z.string({ error: "namespace must be a string or null" }).nullish(),
});

export const acceptSchema = z.object({
  token: z.string({ error: "token is required" }).min(1, "token is required"),
  name: z.string({ error: "name is required" }).trim().min(1, "name is required").max(100, "name is too long"),
  password: z
    .string({ error: "password is required" })
    .min(PASSWORD_MIN_LENGTH, `password must be at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(PASSWORD_MAX_LENGTH, "password is too long"),
});

export type InviteInfo = {
  id: string;
  email: string;
  role: string;
  namespace: string | null;
  expiresAt: string;
  createdAt: string;
  state: "pending" | "used" | "expired" | "revoked";
};

function inviteState(row: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }): InviteInfo["state"] {
  if (row.usedAt) return "used";
  if (row.revokedAt) return "revoked";
  return row.expiresAt <= new Date() ? "expired" : "pending";
}

/** Creates a one-time invite link; the token is returned once, for the inviter to pass on. */
export async function inviteMember(actor: Actor, input: unknown): Promise<InviteInfo & { token: string }> {
  const spec = parseInput(inviteSchema, input);
  return audited(actor, "invite.create", async (tx) => {
    await authorize(tx, actor, "member:manage");
    const { role, namespace } = await resolveGrantTarget(tx, spec.role, spec.namespace);
    await assertCanGrant(tx, actor, role.permissions, namespace?.name ?? null);
    await lockUntilCommit(tx, LOCKS.invite(spec.email));
    if (await tx.user.findUnique({ where: { email: spec.email } }))
      throw new Conflict(`${spec.email} is already a member`, { field: "email" });
    const pending = await tx.invite.findFirst({
      where: { email: spec.email, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      select: { id: true },
    });
    if (pending) throw new Conflict(`an invite for ${spec.email} is already pending; revoke it first`);
    const token = `cfi_${randomBytes(24).toString("base64url")}`;
    const row = await tx.invite.create({
      data: {
        id: newId("inv"),
        tokenHash: hashToken(token),
        email: spec.email,
        roleId: role.id,
        namespaceId: namespace?.id ?? null,
        expiresAt: new Date(Date.now() + INVITE_DAYS * DAY_MS),
        createdById: actor.id,
      },
    });
    await recordAudit(tx, actor, {
      action: "invite.create",
      resource: { type: "invite", id: row.id, name: spec.email },
      namespace: namespace?.name ?? null,
      details: { role: role.name, scope: namespace?.name ?? "all", expiresAt: row.expiresAt.toISOString() },
    });
    return {
      id: row.id,
      email: row.email,
      role: role.name,
      namespace: namespace?.name ?? null,
      expiresAt: row.expiresAt.toISOString(),
      createdAt: row.createdAt.toISOString(),
      state: "pending",
      token,
    };
  });
}

export async function listInvites(actor: Actor): Promise<InviteInfo[]> {
  return audited(actor, "invite.list", async (tx) => {
    await authorize(tx, actor, "member:list");
    const rows = await tx.invite.findMany({ include: { role: true, namespace: true }, orderBy: { createdAt: "desc" } });
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      role: r.role.name,
      namespace: r.namespace?.name ?? null,
      expiresAt: r.expiresAt.toISOString(),
      createdAt: r.createdAt.toISOString(),
      state: inviteState(r),
    }));
  });
}

export async function revokeInvite(actor: Actor, inviteId: string): Promise<void> {
  await audited(actor, "invite.revoke", async (tx) => {
    await authorize(tx, actor, "member:manage");
    const row = await tx.invite.findUnique({ where: { id: inviteId } });
    if (!row) throw new NotFound(`invite '${inviteId}' not found`);
    if (row.usedAt || row.revokedAt) return;
    await tx.invite.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, { action: "invite.revoke", resource: { type: "invite", id: row.id, name: row.email } });
  });
}

/** What the acceptance page shows before the visitor sets a password. */
export async function describeInvite(token: string): Promise<{ email: string; role: string; namespace: string | null } | null> {
  const row = await db.invite.findUnique({ where: { tokenHash: hashToken(token) }, include: { role: true, namespace: true } });
  if (!row || inviteState(row) !== "pending") return null;
  return { email: row.email, role: row.role.name, namespace: row.namespace?.name ?? null };
}

export async function acceptInvite(input: unknown, context: RequestContext): Promise<{ id: string; email: string; name: string }> {
  const spec = parseInput(acceptSchema, input);
  const passwordHash = await hashPassword(spec.password);
  return db
    .$transaction(async (tx) => {
      // FOR UPDATE: two tabs accepting one invite must not make two members.
      const [locked] = await tx.$queryRaw<
        { id: string }[]
      >`SELECT "id" FROM "Invite" WHERE "tokenHash" = ${hashToken(spec.token)} FOR UPDATE`;
      const row = locked ? await tx.invite.findUnique({ where: { id: locked.id }, include: { role: true, namespace: true } }) : null;
      if (!row) throw new NotFound("this invite link is not valid");
      const state = inviteState(row);
      if (state === "used") throw new Conflict("this invite has already been used");
      if (state !== "pending")
        throw new BadRequest(`this invite has ${state === "expired" ? "expired" : "been revoked"}; ask for a new one`);
      if (await tx.user.findUnique({ where: { email: row.email } })) throw new Conflict(`${row.email} is already a member`);
      const user = await tx.user.create({ data: { id: newId("usr"), email: row.email, name: spec.name, passwordHash } });
      await tx.roleBinding.create({ data: { id: newId("rb"), userId: user.id, roleId: row.roleId, namespaceId: row.namespaceId } });
      await tx.invite.update({ where: { id: row.id }, data: { usedAt: new Date() } });
      await recordAudit(tx, userActor(user, context), {
        action: "invite.accept",
        resource: { type: "user", id: user.id, name: user.email },
        namespace: row.namespace?.name ?? null,
        details: { inviteId: row.id, role: row.role.name, scope: row.namespace?.name ?? "all" },
      });
      return { id: user.id, email: user.email, name: user.name };
    })
    .catch(async (error: unknown) => {
      if (error instanceof NotFound || error instanceof Conflict || error instanceof BadRequest) {
        await db.$transaction((tx) =>
          recordAudit(tx, anonymousActor(context), { action: "invite.accept", outcome: "denied", details: { reason: error.message } }),
        );
      }
      throw error;
    });
}

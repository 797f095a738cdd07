// Test fixtures written straight to the database, for arranging a state;
// the behaviour under test always goes through lib functions.
import { userActor, type RequestContext } from "../../lib/auth/actor";
import { hashPassword } from "../../lib/auth/password";
import { db } from "../../lib/db/client";
import { newId } from "../../lib/db/ids";
import { newToken } from "../../lib/tokens/token-secret";

export const testContext: RequestContext = { ip: "203.0.113.7", userAgent: "vitest", requestId: "req-test-0001" };

export async function createUser(
  email: string,
  grants: { role: string; namespace?: string }[] = [],
  options: { password?: string; disabled?: boolean } = {},
) {
  const user = await db.user.create({
    data: {
      id: newId("usr"),
      email,
      name: email.split("@")[0]!,
      passwordHash: await hashPassword(options.password ?? "correct horse battery"),
      disabled: options.disabled ?? false,
    },
  });
  for (const grant of grants) {
    const namespace = grant.namespace ? await ensureNamespace(grant.namespace) : null;
    await db.roleBinding.create({
      data: { id: newId("rb"), userId: user.id, roleId: `role_${grant.role}`, namespaceId: namespace?.id ?? null },
    });
  }
  return { user, actor: userActor(user, testContext) };
}

export async function ensureNamespace(name: string) {
  return db.namespace.upsert({ where: { name }, create: { id: newId("ns"), name }, update: {} });
}

export async function auditActions(): Promise<{ action: string; outcome: string; actorLabel: string | null }[]> {
  return db.auditEvent.findMany({ orderBy: { seq: "asc" }, select: { action: true, outcome: true, actorLabel: true } });
}

/**
 * A service token row as if `createdById` had minted it (null: the system),
 * bypassing today's mint rules: how tokens made before a rule change look.
 * Returns the plaintext.
 */
export async function createServiceTokenRow(serviceId: string, createdById: string | null): Promise<string> {
  const { token, hash, prefix } = newToken("cfs");
  await db.serviceToken.create({ data: { id: newId("stk"), serviceId, name: "matrix", prefix, tokenHash: hash, createdById } });
  return token;
}

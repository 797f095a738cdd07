// The product for the CLI's integration tests: the real routes on a port
// (tests/support/in-process-server.ts) and an owner with a password and a
// personal token, made through lib like any other fixture.
import { db } from "../../lib/db/client";
import { personalToken } from "../support/api";
import { createUser } from "../support/factories";
import { startInProcessServer, type InProcessServer } from "../support/in-process-server";

export const EMAIL = "ada@example.com";
export const PASSWORD = "correct horse battery";

export type CofferServer = InProcessServer & { token: string; userId: string };

export async function startCoffer(): Promise<CofferServer> {
  const { user } = await createUser(EMAIL, [{ role: "owner" }], { password: PASSWORD });
  const token = await personalToken(user.id);
  const server = await startInProcessServer();
  return Object.assign(server, { token, userId: user.id });
}

/** "Now" for the CLI's relative times: what was made a moment ago reads "2 minutes ago". */
export const twoMinutesOn = () => new Date(Date.now() + 120_000);

export async function secretId(namespace: string, name: string): Promise<string> {
  const row = await db.secret.findFirstOrThrow({ where: { name, namespace: { name: namespace }, deletedAt: null }, select: { id: true } });
  return row.id;
}

export async function serviceRow(namespace: string, name: string) {
  return db.service.findFirst({
    where: { name, namespace: { name: namespace } },
    include: { bindings: { orderBy: { target: "asc" } }, tokens: { orderBy: { createdAt: "asc" } } },
  });
}

/** No secrets, services or service tokens: where each CLI test starts. */
export async function clearSecretsAndServices(): Promise<void> {
  await db.$executeRawUnsafe(`DELETE FROM "SecretBinding"`);
  await db.$executeRawUnsafe(`DELETE FROM "Service"`);
  await db.$executeRawUnsafe(`DELETE FROM "Secret"`);
}

/** Revokes every token of a service the way its owner would, through the CLI's API call. */
export async function revokeServiceTokens(server: CofferServer, namespace: string, service: string): Promise<void> {
  const row = await serviceRow(namespace, service);
  for (const token of row?.tokens ?? []) {
    const response = await fetch(`${server.url}/api/v1/namespaces/${namespace}/services/${service}/tokens/${token.id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${server.token}` },
    });
    if (response.status !== 204) throw new Error(`revoking ${token.id}: ${response.status}`);
  }
}

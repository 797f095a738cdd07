// Callers for the Vault API tests (hvac, node-vault, the replayed External
// Secrets Operator and vault-agent sequences), arranged through lib like
// any other fixture: people with personal tokens, a service bound to one
// secret with its own cfs_ token, an integration's cfi_ token. The calls
// under test then go over HTTP to the real routes (startVaultServer).
import { randomBytes } from "node:crypto";
import type { UserActor } from "../../lib/auth/actor";
import { db } from "../../lib/db/client";
import { createIntegration } from "../../lib/integrations/create-integration";
import { createSecret } from "../../lib/secrets/create-secret";
import { addBinding } from "../../lib/services/bindings";
import { createService } from "../../lib/services/manage-services";
import { createServiceToken } from "../../lib/services/service-tokens";
import { personalToken } from "../support/api";
import { createUser, ensureNamespace } from "../support/factories";
import { startInProcessServer, type InProcessServer } from "../support/in-process-server";

/** Vault's default KV mount, which Coffer answers as the `default` namespace. */
export const DEFAULT_MOUNT = "secret";
export const DEFAULT_NAMESPACE = "default";

export const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

export type Person = { userId: string; email: string; actor: UserActor; token: string };

/** A member holding `role` (globally, or in `namespace`), with a cfp_ personal API token. */
export async function person(role: string, namespace?: string): Promise<Person> {
  const email = `${unique(role)}@example.com`;
  const { user, actor } = await createUser(email, [{ role, namespace }]);
  return { userId: user.id, email, actor, token: await personalToken(user.id) };
}

/** A global owner: writes, reveals, binds and mints, like the console's first user. */
export const owner = () => person("owner");

/** A viewer in `namespace`: may list secrets, never read a value. */
export const viewer = (namespace = DEFAULT_NAMESPACE) => person("viewer", namespace);

/** A secret made through lib (not the Vault API), so a test can read it without writing first. */
export async function secretWith(actor: UserActor, namespace: string, name: string, stringData: Record<string, string>) {
  await ensureNamespace(namespace);
  return createSecret(actor, namespace, { name, stringData });
}

export type BoundService = { name: string; id: string; namespace: string; secret: string; token: string };

/**
 * A service in `namespace` bound to the existing secret `secret`, and a
 * cfs_ token for it minted by `actor` (who must keep secret:bind for the
 * token to read).
 */
export async function serviceBoundTo(actor: UserActor, namespace: string, secret: string): Promise<BoundService> {
  const name = unique("svc");
  await createService(actor, namespace, { name });
  await addBinding(actor, namespace, name, { secret });
  const { token } = await createServiceToken(actor, namespace, name, { name: "vault-client" });
  const row = await db.service.findFirstOrThrow({ where: { name, namespace: { name: namespace } }, select: { id: true } });
  return { name, id: row.id, namespace, secret, token };
}

/** A cfi_ token (a Kubernetes KMS integration): a credential the Vault API must refuse. */
export async function integrationToken(actor: UserActor, namespace = DEFAULT_NAMESPACE): Promise<string> {
  await ensureNamespace(namespace);
  return (await createIntegration(actor, namespace, { kind: "kubernetes-kms", name: unique("kms") })).token;
}

/** The real routes (app/api and app/v1) on a port, against this test file's database. */
export const startVaultServer = (): Promise<InProcessServer> => startInProcessServer();

/** The secret's audit events of `action`, oldest first, for checking what a Vault read recorded. */
export async function auditEventsOf(action: string, secretName: string) {
  return db.auditEvent.findMany({
    where: { action, resourceName: secretName },
    orderBy: { seq: "asc" },
    select: { actorType: true, actorId: true, outcome: true, namespace: true, details: true },
  });
}

/** The reverse-lookup row of `serviceId` reading `secretName` in `namespace` (null: never recorded). */
export async function serviceAccessOf(namespace: string, secretName: string, serviceId: string) {
  return db.secretAccess.findFirst({
    where: { readerKey: `service:${serviceId}`, secret: { name: secretName, namespace: { name: namespace } } },
    select: { readerType: true, readerLabel: true, count: true },
  });
}

/** The cast of a client story: an owner, a viewer, a secret bound to a service and one that is not, on a running server. */
export type ClientCast = {
  server: InProcessServer;
  ada: Person;
  vic: Person;
  service: BoundService;
  bound: string;
  unbound: string;
  boundValue: string;
};

export async function clientCast(label: string): Promise<ClientCast> {
  const server = await startVaultServer();
  const ada = await owner();
  const vic = await viewer();
  const [bound, unbound, boundValue] = [unique("bound"), unique("unbound"), `bound-${unique(label)}`];
  await secretWith(ada.actor, DEFAULT_NAMESPACE, bound, { password: boundValue });
  await secretWith(ada.actor, DEFAULT_NAMESPACE, unbound, { password: "never-read" });
  const service = await serviceBoundTo(ada.actor, DEFAULT_NAMESPACE, bound);
  return { server, ada, vic, service, bound, unbound, boundValue };
}

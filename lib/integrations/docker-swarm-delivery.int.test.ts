// A Swarm task's secret through a docker-swarm integration: the binding is
// the grant, the read is audited as the Coffer service's, and every refusal
// names what is missing, is in the trail, and carries no value.
import { beforeAll, describe, expect, it } from "vitest";
import type { IntegrationActor, UserActor } from "../auth/actor";
import { db } from "../db/client";
import { BadRequest, Forbidden, NotFound, Unavailable } from "../errors";
import { createSecret } from "../secrets/create-secret";
import { deleteSecret } from "../secrets/delete-secret";
import { rotateSecret } from "../secrets/rotate-secret";
import { addBinding } from "../services/bindings";
import { createService } from "../services/manage-services";
import { assertNoLeak, CANARY } from "../../tests/support/leak-canary";
import { createUser, testContext } from "../../tests/support/factories";
import { createIntegration } from "./create-integration";
import { deliverDockerSecret } from "./docker-swarm-delivery";
import { resolveIntegrationToken } from "./resolve-integration-token";

const NS = "default";
const VALUES = { v1: `${CANARY}-db-1`, v2: `${CANARY}-db-2`, user: `${CANARY}-user`, pass: `${CANARY}-pass` };
let owner: UserActor;
let swarm: IntegrationActor;

async function integration(actor: UserActor, name: string, kind: "docker-swarm" | "kubernetes-kms" = "docker-swarm") {
  const made = await createIntegration(actor, NS, { kind, name });
  return resolveIntegrationToken(made.token, testContext, kind);
}

const task = (over: Record<string, unknown> = {}) => ({
  SecretName: "db_pw",
  SecretLabels: {},
  ServiceID: "svc-id-1",
  ServiceName: "web",
  TaskID: "task-id-1",
  TaskName: "web.1.task-id-1",
  TaskImage: "localbusy:1",
  NodeID: "node-id-1",
  ServiceEndpointSpec: {},
  ...over,
});

const decoded = (value: string) => Buffer.from(value, "base64").toString();

/** The refusal, checked to name `message` and to carry no value anywhere. */
async function refusal(actor: IntegrationActor, request: unknown, type: new (...args: never[]) => Error, message: string | RegExp) {
  const error = await deliverDockerSecret(actor, request).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(type);
  expect((error as Error).message).toMatch(message);
  assertNoLeak(error, ...Object.values(VALUES));
  return error as Error;
}

const lastDenied = () => db.auditEvent.findFirstOrThrow({ where: { action: "secret.read", outcome: "denied" }, orderBy: { seq: "desc" } });

beforeAll(async () => {
  owner = (await createUser("owner@example.com", [{ role: "owner" }])).actor;
  await createSecret(owner, NS, { name: "db_pw", stringData: { value: VALUES.v1 } });
  await rotateSecret(owner, NS, "db_pw", { stringData: { value: VALUES.v2 } });
  await createSecret(owner, NS, { name: "creds", stringData: { username: VALUES.user, password: VALUES.pass } });
  await createSecret(owner, NS, { name: "unbound", stringData: { value: `${CANARY}-unbound` } });
  await createSecret(owner, NS, { name: "gone", stringData: { value: `${CANARY}-gone` } });
  await deleteSecret(owner, NS, "gone");
  for (const name of ["web", "api", "pinned", "keyed", "bare"]) await createService(owner, NS, { name });
  await addBinding(owner, NS, "web", { secret: "db_pw" });
  await addBinding(owner, NS, "web", { secret: "creds" });
  await addBinding(owner, NS, "api", { secret: "db_pw", target: "password" });
  await addBinding(owner, NS, "pinned", { secret: "db_pw", pinnedVersion: 1 });
  await addBinding(owner, NS, "keyed", { secret: "creds", key: "password" });
  swarm = await integration(owner, "prod-swarm");
});

describe("a Swarm delivery", () => {
  it("delivers the bound value, audited as the Coffer service's read with the Swarm task in the details", async () => {
    const delivery = await deliverDockerSecret(swarm, task());
    expect(delivery).toMatchObject({ service: "web", secret: "db_pw", version: 2 });
    expect(decoded(delivery.value)).toBe(VALUES.v2);

    const web = await db.service.findFirstOrThrow({ where: { name: "web" } });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "secret.read", outcome: "success" }, orderBy: { seq: "desc" } });
    expect(event).toMatchObject({ actorType: "service", actorId: web.id, actorLabel: "default/web", resourceName: "db_pw", namespace: NS });
    expect(event.details).toEqual({
      version: 2,
      target: "db_pw",
      integration: { id: swarm.id, name: "prod-swarm" },
      swarm: { service: "web", serviceId: "svc-id-1", task: "web.1.task-id-1", taskId: "task-id-1", node: "node-id-1" },
    });
    // Reverse lookup names the service as the reader, as a runtime read would.
    const access = await db.secretAccess.findFirstOrThrow({ where: { secret: { name: "db_pw" }, readerId: web.id } });
    expect(access).toMatchObject({ readerType: "service", readerLabel: "default/web" });
    // The value is in the answer only: not in the audit trail, in no encoding.
    const trail = JSON.stringify(await db.auditEvent.findMany({ select: { details: true, resourceName: true, actorLabel: true } }));
    for (const value of Object.values(VALUES)) {
      for (const form of [value, Buffer.from(value).toString("base64")]) expect(trail).not.toContain(form);
    }
  });

  it("maps by the labels coffer.service and coffer.secret, name@version choosing a kept version", async () => {
    const labelled = task({
      SecretName: "swarm-db-password",
      SecretLabels: { "coffer.secret": "db_pw@1" },
      ServiceName: "web-prod",
      ServiceLabels: { "coffer.service": "api" },
    });
    const delivery = await deliverDockerSecret(swarm, labelled);
    expect(delivery).toMatchObject({ service: "api", secret: "db_pw", version: 1 });
    expect(decoded(delivery.value)).toBe(VALUES.v1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "secret.read", outcome: "success" }, orderBy: { seq: "desc" } });
    expect(event).toMatchObject({ actorLabel: "default/api" });
    expect(event.details).toMatchObject({ version: 1, target: "password", swarm: { service: "web-prod" } });
  });

  it("respects the binding's pinned version and key", async () => {
    const pinned = await deliverDockerSecret(swarm, task({ ServiceName: "pinned" }));
    expect([pinned.version, decoded(pinned.value)]).toEqual([1, VALUES.v1]);
    await refusal(
      swarm,
      task({ ServiceName: "pinned", SecretLabels: { "coffer.secret": "db_pw@2" } }),
      Forbidden,
      "service 'pinned' is bound to version 1 of secret 'db_pw', not version 2",
    );
    expect((await lastDenied()).details).toMatchObject({ reason: "version_not_bound" });

    const keyed = await deliverDockerSecret(swarm, task({ ServiceName: "keyed", SecretName: "creds" }));
    expect(decoded(keyed.value)).toBe(VALUES.pass);
  });

  it("refuses a multi-key secret bound without a key: Docker takes one value", async () => {
    await refusal(
      swarm,
      task({ SecretName: "creds" }),
      BadRequest,
      "secret 'creds' has 2 keys (password, username) and Docker takes one value per secret: bind one key to service 'web' (--secret-add source=creds,key=KEY)",
    );
    expect((await lastDenied()).details).toMatchObject({ reason: "multi_key_unbound" });
  });
});

describe("a refused Swarm delivery", () => {
  it("names the missing Coffer service and how to map it, audited as denied", async () => {
    await refusal(
      swarm,
      task({ ServiceName: "nginx" }),
      NotFound,
      "no Coffer service 'nginx' in namespace 'default' (set the Swarm service label coffer.service)",
    );
    const event = await lastDenied();
    expect(event).toMatchObject({
      actorType: "integration",
      actorId: swarm.id,
      actorLabel: "default/prod-swarm",
      resourceName: "db_pw",
      namespace: NS,
    });
    expect(event.details).toMatchObject({
      reason: "service_unknown",
      integration: { id: swarm.id, name: "prod-swarm" },
      swarm: { taskId: "task-id-1" },
    });
  });

  it("names an unbound service, an unknown secret, a deleted one and an unknown version", async () => {
    await refusal(swarm, task({ ServiceName: "bare" }), Forbidden, "service 'bare' is not bound to secret 'db_pw' in namespace 'default'");
    expect(await lastDenied()).toMatchObject({ actorLabel: "default/bare", details: expect.objectContaining({ reason: "not_bound" }) });
    await refusal(swarm, task({ SecretName: "unbound" }), Forbidden, "service 'web' is not bound to secret 'unbound'");
    await refusal(
      swarm,
      task({ SecretName: "nope" }),
      NotFound,
      "no Coffer secret 'nope' in namespace 'default' (set the Swarm secret label coffer.secret)",
    );
    expect((await lastDenied()).details).toMatchObject({ reason: "secret_unknown" });
    await refusal(swarm, task({ SecretName: "gone" }), NotFound, "secret 'gone' in namespace 'default' was deleted");
    expect((await lastDenied()).details).toMatchObject({ reason: "secret_deleted" });
    await refusal(
      swarm,
      task({ SecretLabels: { "coffer.secret": "db_pw@7" } }),
      NotFound,
      "secret 'db_pw' has no version 7 (the newest is 2",
    );
    expect((await lastDenied()).details).toMatchObject({ reason: "version_unknown", version: 7 });
  });

  it("refuses input that names nothing, with the field", async () => {
    await refusal(swarm, {}, BadRequest, "SecretName is required");
    await refusal(swarm, { SecretName: "db_pw" }, BadRequest, /names no Swarm service: ServiceName or the service label coffer.service/);
    await refusal(swarm, task({ SecretLabels: { "coffer.secret": "db_pw@latest" } }), BadRequest, /has an invalid version/);
    await refusal(swarm, task({ SecretLabels: { "coffer.secret": "../etc" } }), BadRequest, /does not name a Coffer secret/);
    await refusal(swarm, task({ ServiceLabels: "web" }), BadRequest, /ServiceLabels must be an object of strings/);
    // Text PostgreSQL cannot store is a 400 before any lookup, never a 500.
    await refusal(swarm, task({ ServiceName: "we\u0000b" }), BadRequest, /ServiceName.*NUL/);
  });

  it("stops delivering once the creator loses secret:bind", async () => {
    const { actor: deployer, user } = await createUser("deployer@example.com", [{ role: "deployer" }]);
    const theirs = await integration(deployer, "deployer-swarm");
    expect(decoded((await deliverDockerSecret(theirs, task())).value)).toBe(VALUES.v2);
    await db.roleBinding.updateMany({ where: { userId: user.id }, data: { roleId: "role_admin" } });
    await refusal(
      theirs,
      task(),
      Forbidden,
      "the member who created integration 'default/deployer-swarm' no longer holds secret:bind in namespace 'default'",
    );
    expect(await lastDenied()).toMatchObject({ details: expect.objectContaining({ reason: "creator_lacks_permission" }) });
  });

  it("refuses a kubernetes-kms integration", async () => {
    await refusal(await integration(owner, "a-kms", "kubernetes-kms"), task(), Forbidden, /is of kind kubernetes-kms, not docker-swarm/);
  });

  it("fails closed: a read whose event cannot be written delivers nothing (503)", async () => {
    await db.$executeRawUnsafe(
      `CREATE FUNCTION coffer_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit store down'; END; $$`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER "refuse_audit" BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION coffer_test_refuse()`,
    );
    try {
      await refusal(swarm, task(), Unavailable, /no secret was delivered/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER "refuse_audit" ON "AuditEvent"`);
      await db.$executeRawUnsafe(`DROP FUNCTION coffer_test_refuse()`);
    }
  });
});

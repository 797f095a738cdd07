// Renewing an integration's token: a fresh cfi_ token on the same
// integration, the old one refused at once, and (the point of it) a
// kube-apiserver's etcd ciphertexts made before still decrypt, because they
// are bound to the integration's id, which does not change.
import { beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "../auth/actor";
import { db } from "../db/client";
import { BadRequest, Conflict, NotFound } from "../errors";
import { PermissionDenied } from "../rbac/authorize";
import { createUser, ensureNamespace, testContext } from "../../tests/support/factories";
import { createIntegration } from "./create-integration";
import { kmsDecrypt } from "./kms/kms-decrypt";
import { kmsEncrypt } from "./kms/kms-encrypt";
import { listIntegrations } from "./list-integrations";
import { renewIntegrationToken } from "./renew-integration-token";
import { resolveIntegrationToken } from "./resolve-integration-token";
import { revokeIntegration } from "./revoke-integration";

let owner: UserActor;
let admin: UserActor;
let deployer: UserActor;
let viewer: UserActor;

// A DEK seed as an apiserver sends it; recognisable, so a leak would show.
const SEED = Buffer.from("CANARY-renew-seed-0123456789abcd").toString("base64");

beforeAll(async () => {
  owner = (await createUser("owner@example.com", [{ role: "owner" }])).actor;
  admin = (await createUser("admin@example.com", [{ role: "admin" }])).actor;
  deployer = (await createUser("deployer@example.com", [{ role: "deployer", namespace: "prod" }])).actor;
  viewer = (await createUser("viewer@example.com", [{ role: "viewer" }])).actor;
  await ensureNamespace("prod");
});

describe("renewing an integration's token", () => {
  it("issues a new token on the same integration; the old one is refused at once", async () => {
    const made = await createIntegration(owner, "prod", { kind: "docker-swarm", name: "swarm", expiresInDays: 30 });
    await resolveIntegrationToken(made.token, testContext, "docker-swarm");
    const renewed = await renewIntegrationToken(owner, "prod", made.id, {});
    expect(renewed.token).toMatch(/^cfi_[A-Za-z0-9_-]{43}$/);
    expect(renewed.token).not.toBe(made.token);
    expect(renewed.token.startsWith(renewed.prefix)).toBe(true);
    expect(renewed).toMatchObject({ id: made.id, name: "swarm", kind: "docker-swarm", createdAt: made.createdAt, lastUsedAt: null });
    // A year unless said otherwise, as at creation.
    expect(new Date(renewed.expiresAt!).getTime() - Date.now()).toBeGreaterThan(364 * 86_400_000);

    await expect(resolveIntegrationToken(made.token, testContext, "docker-swarm")).rejects.toThrow("the integration token is unknown");
    await expect(resolveIntegrationToken(renewed.token, testContext, "docker-swarm")).resolves.toMatchObject({ id: made.id });
    const listed = (await listIntegrations(owner, "prod")).find((i) => i.id === made.id);
    expect(listed).toMatchObject({ prefix: renewed.prefix, expiresAt: renewed.expiresAt });
    expect(JSON.stringify(listed)).not.toContain(renewed.token);

    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "integration.renew", resourceId: made.id } });
    expect(event).toMatchObject({ actorId: owner.id, namespace: "prod", resourceName: "swarm", outcome: "success" });
    expect(event.details).toMatchObject({ kind: "docker-swarm", prefix: renewed.prefix, previousPrefix: made.prefix });
    expect(JSON.stringify(event.details)).not.toContain(renewed.token);
    expect(JSON.stringify(event.details)).not.toContain(made.token);
  });

  it("renews an expired token, with the lifetime asked for or none", async () => {
    const made = await createIntegration(owner, "prod", { kind: "kubernetes-kms", name: "expired", expiresInDays: 1 });
    await db.integration.update({ where: { id: made.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const renewed = await renewIntegrationToken(owner, "prod", made.id, { expiresInDays: 7 });
    const days = (new Date(renewed.expiresAt!).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    await expect(resolveIntegrationToken(renewed.token, testContext, "kubernetes-kms")).resolves.toMatchObject({ id: made.id });
    expect((await renewIntegrationToken(owner, "prod", made.id, { expiresInDays: null })).expiresAt).toBeNull();
  });

  it("keeps a kubernetes-kms integration's etcd ciphertexts decryptable", async () => {
    const made = await createIntegration(owner, "prod", { kind: "kubernetes-kms", name: "apiserver" });
    const before = await kmsEncrypt(await resolveIntegrationToken(made.token, testContext, "kubernetes-kms"), {
      plaintext: SEED,
      uid: "u1",
    });
    const renewed = await renewIntegrationToken(admin, "prod", made.id, {});
    const actor = await resolveIntegrationToken(renewed.token, testContext, "kubernetes-kms");
    const opened = await kmsDecrypt(actor, { ciphertext: before.ciphertext, keyId: before.keyId, uid: "u2" });
    expect(opened).toEqual({ plaintext: SEED });
  });

  it("refuses a revoked integration with 409, saying to create a new one", async () => {
    const made = await createIntegration(owner, "prod", { kind: "kubernetes-kms", name: "gone" });
    await revokeIntegration(owner, "prod", made.id);
    const refused = renewIntegrationToken(owner, "prod", made.id, {});
    await expect(refused).rejects.toBeInstanceOf(Conflict);
    await expect(refused).rejects.toThrow("integration 'gone' is revoked and cannot be renewed; create a new one");
    await expect(resolveIntegrationToken(made.token, testContext, "kubernetes-kms")).rejects.toThrow("revoked");
    expect(await db.auditEvent.count({ where: { action: "integration.renew", resourceId: made.id } })).toBe(0);
  });

  it("needs create's permissions: integration:manage, and secret:bind for docker-swarm; each refusal audited", async () => {
    const swarm = await createIntegration(owner, "prod", { kind: "docker-swarm", name: "perm-swarm" });
    const kms = await createIntegration(owner, "prod", { kind: "kubernetes-kms", name: "perm-kms" });
    const denied = () => db.auditEvent.count({ where: { action: "integration.renew", outcome: "denied" } });
    const deniedBefore = await denied();

    const adminSwarm = renewIntegrationToken(admin, "prod", swarm.id, {});
    await expect(adminSwarm).rejects.toBeInstanceOf(PermissionDenied);
    await expect(adminSwarm).rejects.toThrow(/secret:bind.*reads the value of every secret bound/);
    await expect(renewIntegrationToken(viewer, "prod", kms.id, {})).rejects.toThrow(/integration:manage/);
    await expect(renewIntegrationToken(deployer, "default", kms.id, {})).rejects.toBeInstanceOf(PermissionDenied);
    expect(await denied()).toBe(deniedBefore + 3);
    // Nothing changed: the original tokens still work.
    await expect(resolveIntegrationToken(swarm.token, testContext, "docker-swarm")).resolves.toMatchObject({ id: swarm.id });

    await expect(renewIntegrationToken(deployer, "prod", swarm.id, {})).resolves.toMatchObject({ id: swarm.id });
    await expect(renewIntegrationToken(admin, "prod", kms.id, {})).resolves.toMatchObject({ id: kms.id });
  });

  it("names bad input and unknown integrations", async () => {
    const made = await createIntegration(owner, "prod", { kind: "kubernetes-kms", name: "bad-input" });
    await expect(renewIntegrationToken(owner, "prod", made.id, { expiresInDays: 0 })).rejects.toThrow(/expiresInDays must be at least 1/);
    await expect(renewIntegrationToken(owner, "prod", made.id, { expiresInDays: "soon" })).rejects.toBeInstanceOf(BadRequest);
    await expect(renewIntegrationToken(owner, "prod", "int_nope", {})).rejects.toThrow("namespace 'prod' has no integration 'int_nope'");
    // An id of another namespace is not found here.
    await expect(renewIntegrationToken(owner, "default", made.id, {})).rejects.toBeInstanceOf(NotFound);
    await expect(renewIntegrationToken(owner, "nowhere", made.id, {})).rejects.toBeInstanceOf(NotFound);
  });
});

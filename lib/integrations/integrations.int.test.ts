// Integrations as credentials: made by who may, shown once, listed without
// their tokens, refused once revoked or expired, and refused (403) at an
// endpoint of the other kind.
import { beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "../auth/actor";
import { db } from "../db/client";
import { BadRequest, Conflict, Forbidden, NotFound, Unauthorized } from "../errors";
import { PermissionDenied } from "../rbac/authorize";
import { createUser, ensureNamespace, testContext } from "../../tests/support/factories";
import { createIntegration } from "./create-integration";
import { listIntegrations } from "./list-integrations";
import { resolveIntegrationToken } from "./resolve-integration-token";
import { revokeIntegration } from "./revoke-integration";

let owner: UserActor;
let admin: UserActor;
let deployer: UserActor;
let viewer: UserActor;

beforeAll(async () => {
  owner = (await createUser("owner@example.com", [{ role: "owner" }])).actor;
  admin = (await createUser("admin@example.com", [{ role: "admin" }])).actor;
  deployer = (await createUser("deployer@example.com", [{ role: "deployer", namespace: "prod" }])).actor;
  viewer = (await createUser("viewer@example.com", [{ role: "viewer" }])).actor;
  await ensureNamespace("prod");
});

const rejections = (reason: string) =>
  db.auditEvent.count({ where: { action: "integration.rejected", outcome: "denied", details: { path: ["reason"], equals: reason } } });

describe("creating an integration", () => {
  it("returns the token once and stores only its hash; the list never shows it", async () => {
    const made = await createIntegration(owner, "prod", { kind: "docker-swarm", name: "prod-swarm" });
    expect(made.token).toMatch(/^cfi_[A-Za-z0-9_-]{43}$/);
    expect(made).toMatchObject({
      namespace: "prod",
      kind: "docker-swarm",
      name: "prod-swarm",
      createdBy: "owner@example.com",
      revokedAt: null,
    });
    expect(made.token.startsWith(made.prefix)).toBe(true);
    // A year by default, like a service token.
    expect(new Date(made.expiresAt!).getTime() - Date.now()).toBeGreaterThan(364 * 86_400_000);

    const row = await db.integration.findUniqueOrThrow({ where: { id: made.id } });
    expect(JSON.stringify(row)).not.toContain(made.token);
    const listed = await listIntegrations(owner, "prod");
    expect(listed.map((i) => i.name)).toContain("prod-swarm");
    expect(JSON.stringify(listed)).not.toContain(made.token);
    expect(listed.find((i) => i.id === made.id)).toEqual({ ...made, token: undefined, lastUsedAt: null } as unknown);

    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "integration.create", resourceId: made.id } });
    expect(event).toMatchObject({ actorId: owner.id, namespace: "prod", resourceName: "prod-swarm", outcome: "success" });
    expect(JSON.stringify(event.details)).not.toContain(made.token);
  });

  it("lets a deployer make either kind in its namespace, an admin only a kubernetes-kms one (no secret:bind)", async () => {
    await createIntegration(deployer, "prod", { kind: "docker-swarm", name: "dep-swarm" });
    await createIntegration(admin, "prod", { kind: "kubernetes-kms", name: "admin-kms" });
    const refused = createIntegration(admin, "prod", { kind: "docker-swarm", name: "admin-swarm" });
    await expect(refused).rejects.toBeInstanceOf(PermissionDenied);
    await expect(refused).rejects.toThrow(/secret:bind.*reads the value of every secret bound/);
    await expect(createIntegration(viewer, "prod", { kind: "kubernetes-kms", name: "v" })).rejects.toThrow(/integration:manage/);
    await expect(createIntegration(deployer, "default", { kind: "kubernetes-kms", name: "elsewhere" })).rejects.toBeInstanceOf(Forbidden);
    // Each refusal is in the trail.
    expect(await db.auditEvent.count({ where: { action: "integration.create", outcome: "denied" } })).toBe(3);
    expect(await db.integration.count({ where: { name: { in: ["admin-swarm", "v", "elsewhere"] } } })).toBe(0);
  });

  it("names the field of bad input and refuses a taken name, revoked ones included", async () => {
    await expect(createIntegration(owner, "prod", { kind: "nomad", name: "x" })).rejects.toThrow(
      /kind must be one of docker-swarm, kubernetes-kms/,
    );
    await expect(createIntegration(owner, "prod", { kind: "docker-swarm" })).rejects.toThrow(/name is required/);
    await expect(createIntegration(owner, "prod", { kind: "docker-swarm", name: "-x-" })).rejects.toBeInstanceOf(BadRequest);
    await expect(createIntegration(owner, "prod", { kind: "docker-swarm", name: "x", expiresInDays: 0 })).rejects.toThrow(/at least 1/);
    await expect(createIntegration(owner, "nowhere", { kind: "docker-swarm", name: "x" })).rejects.toBeInstanceOf(NotFound);

    const first = await createIntegration(owner, "prod", { kind: "kubernetes-kms", name: "taken" });
    await expect(createIntegration(owner, "prod", { kind: "kubernetes-kms", name: "taken" })).rejects.toBeInstanceOf(Conflict);
    await revokeIntegration(owner, "prod", first.id);
    await expect(createIntegration(owner, "prod", { kind: "kubernetes-kms", name: "taken" })).rejects.toThrow(
      /revoked integrations keep their name/,
    );
    // The same name in another namespace is another integration.
    await createIntegration(owner, "default", { kind: "kubernetes-kms", name: "taken" });
  });

  it("lists only for integration:manage holders", async () => {
    await expect(listIntegrations(viewer, "prod")).rejects.toBeInstanceOf(PermissionDenied);
    expect(await db.auditEvent.count({ where: { action: "integration.list", outcome: "denied", actorId: viewer.id } })).toBe(1);
    expect((await listIntegrations(deployer, "prod")).length).toBeGreaterThan(0);
  });
});

describe("an integration's token", () => {
  it("resolves to its namespace and creator, and records when it was last used", async () => {
    const made = await createIntegration(deployer, "prod", { kind: "docker-swarm", name: "resolved" });
    const actor = await resolveIntegrationToken(made.token, testContext, "docker-swarm");
    expect(actor).toMatchObject({ type: "integration", id: made.id, label: "prod/resolved", namespace: "prod", kind: "docker-swarm" });
    expect(actor.createdById).toBe(deployer.id);
    expect((await db.integration.findUniqueOrThrow({ where: { id: made.id } })).lastUsedAt).not.toBeNull();
  });

  it("is refused with 401 when missing, unknown or of another credential type, each refusal audited", async () => {
    await expect(resolveIntegrationToken(null, testContext, "docker-swarm")).rejects.toBeInstanceOf(Unauthorized);
    await expect(resolveIntegrationToken(`cfi_${"A".repeat(43)}`, testContext, "docker-swarm")).rejects.toThrow(
      "the integration token is unknown",
    );
    await expect(resolveIntegrationToken(`cfs_${"A".repeat(43)}`, testContext, "docker-swarm")).rejects.toBeInstanceOf(Unauthorized);
    expect(await rejections("missing")).toBe(1);
    // One event per presented prefix and window (cfi_AAAA, cfs_AAAA); a repeat would only be counted.
    expect(await rejections("unknown")).toBe(2);
  });

  it("is refused with 401 once revoked, and revoking twice changes nothing", async () => {
    const made = await createIntegration(owner, "prod", { kind: "docker-swarm", name: "to-revoke" });
    await revokeIntegration(owner, "prod", made.id);
    await revokeIntegration(owner, "prod", made.id);
    expect(await db.auditEvent.count({ where: { action: "integration.revoke", resourceId: made.id } })).toBe(1);
    await expect(resolveIntegrationToken(made.token, testContext, "docker-swarm")).rejects.toThrow("the integration token is revoked");
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "integration.rejected", resourceId: made.id } });
    expect(event).toMatchObject({ namespace: "prod", actorLabel: "prod/to-revoke", outcome: "denied" });
    expect((await listIntegrations(owner, "prod")).find((i) => i.id === made.id)?.revokedAt).not.toBeNull();
    await expect(revokeIntegration(owner, "prod", "int_nope")).rejects.toBeInstanceOf(NotFound);
    // An id of another namespace is not found here.
    await expect(revokeIntegration(owner, "default", made.id)).rejects.toBeInstanceOf(NotFound);
    await expect(revokeIntegration(viewer, "prod", made.id)).rejects.toBeInstanceOf(PermissionDenied);
  });

  it("is refused with 401 once expired", async () => {
    const made = await createIntegration(owner, "prod", { kind: "kubernetes-kms", name: "expiring", expiresInDays: 1 });
    await db.integration.update({ where: { id: made.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(resolveIntegrationToken(made.token, testContext, "kubernetes-kms")).rejects.toThrow("the integration token is expired");
    expect(await rejections("expired")).toBe(1);
  });

  it("is refused with 403 at an endpoint of the other kind", async () => {
    const kms = await createIntegration(owner, "prod", { kind: "kubernetes-kms", name: "kms-only" });
    const refused = resolveIntegrationToken(kms.token, testContext, "docker-swarm");
    await expect(refused).rejects.toBeInstanceOf(Forbidden);
    await expect(refused).rejects.toThrow(/kind kubernetes-kms; this endpoint takes a docker-swarm integration/);
    expect(await rejections("wrong_kind")).toBe(1);
    await expect(resolveIntegrationToken(kms.token, testContext, "kubernetes-kms")).resolves.toMatchObject({ kind: "kubernetes-kms" });
  });
});

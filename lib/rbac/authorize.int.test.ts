import { describe, expect, it } from "vitest";
import { audited } from "../audit/audited";
import { systemActor } from "../auth/actor";
import { db } from "../db/client";
import { createUser, ensureNamespace } from "../../tests/support/factories";
import { authorize, PermissionDenied, permissionsOf } from "./authorize";
import { BUILT_IN_ROLES } from "./permissions";

describe("authorize", () => {
  it("seeds exactly the built-in roles defined in code", async () => {
    const roles = await db.role.findMany({ where: { builtIn: true }, orderBy: { id: "asc" } });
    const expected = [...BUILT_IN_ROLES].sort((a, b) => a.id.localeCompare(b.id));
    expect(roles.map((r) => ({ id: r.id, name: r.name, permissions: [...r.permissions].sort() }))).toEqual(
      expected.map((r) => ({ id: r.id, name: r.name, permissions: [...r.permissions].sort() })),
    );
    expect(await db.namespace.findUnique({ where: { name: "default" } })).not.toBeNull();
  });

  it("lets a global grant act in every namespace and on the instance", async () => {
    const { actor } = await createUser("owner@example.com", [{ role: "owner" }]);
    await ensureNamespace("prod");
    await db.$transaction(async (tx) => {
      await authorize(tx, actor, "secret:reveal", "prod");
      await authorize(tx, actor, "member:manage");
    });
  });

  it("limits a namespace grant to its namespace", async () => {
    const { actor, user } = await createUser("ed@example.com", [{ role: "editor", namespace: "staging" }]);
    await ensureNamespace("prod");
    await db.$transaction((tx) => authorize(tx, actor, "secret:create", "staging"));
    await expect(db.$transaction((tx) => authorize(tx, actor, "secret:create", "prod"))).rejects.toBeInstanceOf(PermissionDenied);
    // Instance-wide checks see only global grants.
    await expect(db.$transaction((tx) => authorize(tx, actor, "secret:create"))).rejects.toBeInstanceOf(PermissionDenied);
    const held = await db.$transaction((tx) => permissionsOf(tx, user.id, "staging"));
    expect(held.has("secret:reveal")).toBe(false);
    expect(held.has("binding:manage")).toBe(true);
  });

  it("gives a viewer metadata but not changes, and a disabled user nothing", async () => {
    const { actor } = await createUser("vera@example.com", [{ role: "viewer" }]);
    await db.$transaction((tx) => authorize(tx, actor, "secret:list", "default"));
    await expect(db.$transaction((tx) => authorize(tx, actor, "secret:delete", "default"))).rejects.toThrow(
      "permission secret:delete required in namespace default",
    );
    const { actor: gone } = await createUser("gone@example.com", [{ role: "owner" }], { disabled: true });
    await expect(db.$transaction((tx) => authorize(tx, gone, "secret:list", "default"))).rejects.toBeInstanceOf(PermissionDenied);
  });

  it("lets the system actor through", async () => {
    await db.$transaction((tx) => authorize(tx, systemActor(), "key:manage"));
  });
});

describe("audited", () => {
  it("rolls a denied action back and records the denial on its own", async () => {
    const { actor } = await createUser("viv@example.com", [{ role: "viewer" }]);
    await expect(
      audited(actor, "namespace.create", async (tx) => {
        await tx.namespace.create({ data: { id: "ns_sneaky", name: "sneaky" } });
        await authorize(tx, actor, "namespace:manage");
      }),
    ).rejects.toBeInstanceOf(PermissionDenied);
    expect(await db.namespace.findUnique({ where: { name: "sneaky" } })).toBeNull();
    const denial = await db.auditEvent.findFirstOrThrow({ where: { action: "namespace.create" } });
    expect(denial).toMatchObject({ outcome: "denied", actorId: actor.id, actorLabel: "viv@example.com" });
    expect(denial.details).toEqual({ permission: "namespace:manage" });
  });
});

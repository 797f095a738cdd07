// Regression (issue 18 review): a rotator reads its admin secret's URL, so
// naming one is revealing it. A member who may set a policy (secret:update)
// but not reveal must be refused with 403 before anything is read or
// dialled, and no one may reach an admin secret in another namespace.
import { describe, expect, it } from "vitest";
import { systemActor } from "../auth/actor";
import { db } from "../db/client";
import { BadRequest } from "../errors";
import { PermissionDenied } from "../rbac/authorize";
import { createSecret } from "../secrets/create-secret";
import { createUser, ensureNamespace } from "../../tests/support/factories";
import { setRotationPolicy } from "./set-rotation-policy";

const system = systemActor();
const NS = "rotator-priv";
const OTHER = "rotator-priv-other";
// Port 1 on loopback: were the check to run, it would fail as unreachable (400), not as denied.
const ADMIN_URL = "postgresql://postgres:CANARY-admin-pw-7c2e@127.0.0.1:1/postgres";
let counter = 0;

async function rotatedSecret() {
  const name = `priv-${++counter}`;
  await createSecret(system, NS, { name, stringData: { username: "app_blue", password: "p" } });
  return name;
}

const withRotator = (admin: string) => ({ every: "1d", rotator: { kind: "postgresql", admin, roles: ["app_blue", "app_green"] } });
const policyOf = (name: string) => db.rotationPolicy.findFirst({ where: { secret: { name, namespace: { name: NS } } } });

async function refusal(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof Error)) throw new Error("expected a refusal");
  expect(error.message).not.toContain("CANARY-admin-pw-7c2e");
  return error;
}

describe("who may point a rotator at an admin secret", () => {
  it("refuses, with 403 and a denied audit event, a member who may set a policy but not reveal the admin secret", async () => {
    await ensureNamespace(NS);
    await createSecret(system, NS, { name: "pg-admin", stringData: { url: ADMIN_URL } });
    const name = await rotatedSecret();
    const { actor, user } = await createUser(`priv-editor-${counter}@example.com`, [{ role: "editor", namespace: NS }]);

    // The same member may set a plain policy: only the rotator needs the reveal.
    await setRotationPolicy(actor, NS, name, { every: "1d", generator: { length: 32, alphabet: "hex", key: "password" } });
    const error = await refusal(setRotationPolicy(actor, NS, name, withRotator("pg-admin")));
    expect(error).toBeInstanceOf(PermissionDenied);
    expect(error).toMatchObject({ status: 403, permission: "secret:reveal", namespace: NS });

    const denied = await db.auditEvent.findFirstOrThrow({
      where: { action: "secret.rotation_set", outcome: "denied", actorId: user.id },
    });
    expect(denied.details).toMatchObject({ permission: "secret:reveal" });
    expect((await policyOf(name))?.rotator).toBeNull();
  });

  it("refuses revealing rights elsewhere: an owner of another namespace is still an editor here", async () => {
    const name = await rotatedSecret();
    const { actor } = await createUser(`priv-mixed-${counter}@example.com`, [
      { role: "editor", namespace: NS },
      { role: "owner", namespace: OTHER },
    ]);
    const error = await refusal(setRotationPolicy(actor, NS, name, withRotator("pg-admin")));
    expect(error).toMatchObject({ status: 403, permission: "secret:reveal", namespace: NS });
    expect(await policyOf(name)).toBeNull();
  });

  it("never resolves an admin secret in another namespace, even for an owner of this one", async () => {
    await ensureNamespace(OTHER);
    await createSecret(system, OTHER, { name: "other-admin", stringData: { url: ADMIN_URL } });
    const name = await rotatedSecret();
    const { actor } = await createUser(`priv-owner-${counter}@example.com`, [{ role: "owner", namespace: NS }]);

    // A namespace-qualified name is not a secret name at all.
    for (const admin of [`${OTHER}/other-admin`, `../${OTHER}/other-admin`]) {
      const error = await refusal(setRotationPolicy(actor, NS, name, withRotator(admin)));
      expect(error).toBeInstanceOf(BadRequest);
      expect((error as BadRequest).fields).toHaveProperty(["rotator.admin"]);
    }
    // The bare name is looked up in the rotated secret's namespace only.
    const error = await refusal(setRotationPolicy(actor, NS, name, withRotator("other-admin")));
    expect(error).toBeInstanceOf(BadRequest);
    expect(error.message).toBe(`rotator.admin: secret 'other-admin' not found in namespace '${NS}'`);
    expect(await policyOf(name)).toBeNull();
  });
});

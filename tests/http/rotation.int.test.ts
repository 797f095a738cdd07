// The rotation policy API (issue 18): PUT/GET/DELETE …/rotation and POST …/rotation/run.
import { describe, expect, it } from "vitest";
import * as rotation from "@/app/api/v1/namespaces/[ns]/secrets/[name]/rotation/route";
import * as run from "@/app/api/v1/namespaces/[ns]/secrets/[name]/rotation/run/route";
import * as secretRoute from "@/app/api/v1/namespaces/[ns]/secrets/[name]/route";
import { systemActor } from "@/lib/auth/actor";
import { config } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import { createSecret } from "@/lib/secrets/create-secret";
import { call, personalToken } from "@/tests/support/api";
import { createUser } from "@/tests/support/factories";

const NS = "default";
const system = systemActor();
let counter = 0;

async function secret(stringData: Record<string, string> = { value: "v1" }) {
  const name = `rot-${++counter}`;
  await createSecret(system, NS, { name, stringData });
  return name;
}

async function tokenFor(role: string) {
  const { user } = await createUser(`${role}-${++counter}@example.com`, [{ role, namespace: NS }]);
  return personalToken(user.id);
}

const put = (token: string, name: string, body: unknown) => call(rotation.PUT, { token, params: { ns: NS, name }, body, method: "PUT" });
const policyOf = (name: string) => db.rotationPolicy.findFirst({ where: { secret: { name } } });

describe("rotation policies over the API", () => {
  it("sets, shows, runs and stops a policy", async () => {
    const token = await tokenFor("editor");
    const name = await secret();
    const set = await put(token, name, { every: "30d", generator: { length: 32, alphabet: "base64" } });
    expect(set.status, set.text).toBe(200);
    expect(set.headers.get("cache-control")).toContain("no-store");
    expect(set.body).toMatchObject({ secret: name, every: "30d", everySeconds: 2_592_000, rotator: null, failures: 0, lastRunAt: null });
    expect(new Date(set.body.nextRunAt).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    const shown = await call(rotation.GET, { token, params: { ns: NS, name } });
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual(set.body);

    const ran = await call(run.POST, { token, params: { ns: NS, name }, method: "POST" });
    expect(ran.status, ran.text).toBe(200);
    expect(ran.body).toMatchObject({ rotated: true, version: 2, error: null, policy: { lastVersion: 2 } });

    const stopped = await call(rotation.DELETE, { token, params: { ns: NS, name }, method: "DELETE" });
    expect(stopped.status).toBe(204);
    expect((await call(rotation.GET, { token, params: { ns: NS, name } })).status).toBe(404);
    expect((await call(rotation.DELETE, { token, params: { ns: NS, name }, method: "DELETE" })).status).toBe(404);
    const actions = (await db.auditEvent.findMany({ where: { resourceName: name }, orderBy: { seq: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["secret.create", "secret.rotation_set", "secret.rotate", "secret.rotation_delete"]);
  });

  it("refuses bad intervals and generators with a 400 naming them, saving nothing", async () => {
    const token = await tokenFor("editor");
    const name = await secret();
    const twoKeys = await secret({ user: "a", pass: "b" });
    const cases: [string, unknown, RegExp][] = [
      [name, { every: "30s" }, /at least 1 minute/],
      [name, { every: "monthly" }, /whole number followed by s, m, h or d/],
      [name, {}, /every is required/],
      [name, { every: "1d", generator: { length: 4, alphabet: "hex" } }, /length must be at least 8/],
      [name, { every: "1d", generator: { length: 16, alphabet: "emoji" } }, /alphabet must be one of/],
      [name, { every: "1d", surprise: true }, /surprise|unrecognized/i],
      // A generator that cannot satisfy its own rules: it does not know which key to renew, or makes an invalid key.
      [twoKeys, { every: "1d" }, /generator.key is required.*pass, user/],
      [name, { every: "1d", generator: { length: 16, alphabet: "hex", key: "bad key" } }, /generator.key/],
      [name, { every: "1d", rotator: { kind: "mysql", admin: "x", roles: ["a", "b"] } }, /rotator.kind/],
      [name, { every: "1d", rotator: { kind: "postgresql", admin: "x", roles: ["a", "a"] } }, /two distinct roles/],
    ];
    for (const [target, body, message] of cases) {
      const result = await put(token, target, body);
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(result.body.error.message, JSON.stringify(body)).toMatch(message);
    }
    for (const target of [name, twoKeys]) expect(await policyOf(target)).toBeNull();
  });

  it("refuses a generator whose values could never be stored (over the size limit)", async () => {
    const token = await tokenFor("editor");
    const limit = config().COFFER_MAX_SECRET_BYTES;
    const name = await secret({ big: "x".repeat(limit - 100), value: "v" });
    const result = await put(token, name, { every: "1d", generator: { length: 4096, alphabet: "hex", key: "value" } });
    expect(result.status).toBe(413);
    expect(result.body.error.message).toMatch(/COFFER_MAX_SECRET_BYTES/);
    expect(await policyOf(name)).toBeNull();
  });

  it("refuses a rotator whose admin secret is missing, cannot be reached, or that the caller may not reveal", async () => {
    const owner = await tokenFor("owner");
    const editor = await tokenFor("editor");
    const name = await secret({ username: "app_blue", password: "p" });
    const rotator = (admin: string) => ({ every: "1d", rotator: { kind: "postgresql", admin, roles: ["app_blue", "app_green"] } });

    const missing = await put(owner, name, rotator("no-such-admin"));
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/rotator.admin: secret 'no-such-admin' not found/);

    const self = await put(owner, name, rotator(name));
    expect(self.status).toBe(400);

    const admin = await secret({ url: "postgresql://postgres:hunter2-admin@127.0.0.1:1/postgres" });
    const unreachable = await put(owner, name, rotator(admin));
    expect(unreachable.status, unreachable.text).toBe(400);
    expect(unreachable.text).not.toContain("hunter2-admin");

    // An editor may rotate but not reveal: pointing a rotator at an admin URL would read it.
    const denied = await put(editor, name, rotator(admin));
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toMatch(/secret:reveal/);
    const refusal = await db.auditEvent.findFirstOrThrow({ where: { action: "secret.rotation_set", outcome: "denied" } });
    expect(refusal.details).toMatchObject({ permission: "secret:reveal" });

    expect(await policyOf(name)).toBeNull();
  });

  it("lets a viewer see a policy but not set, run or stop one", async () => {
    const viewer = await tokenFor("viewer");
    const name = await secret();
    expect((await put(viewer, name, { every: "1d" })).status).toBe(403);
    await put(await tokenFor("editor"), name, { every: "1d" });
    expect((await call(rotation.GET, { token: viewer, params: { ns: NS, name } })).status).toBe(200);
    expect((await call(run.POST, { token: viewer, params: { ns: NS, name }, method: "POST" })).status).toBe(403);
    expect((await call(rotation.DELETE, { token: viewer, params: { ns: NS, name }, method: "DELETE" })).status).toBe(403);
  });

  it("answers a run without a policy, or of an unknown secret, with 404", async () => {
    const token = await tokenFor("editor");
    const name = await secret();
    expect((await call(run.POST, { token, params: { ns: NS, name }, method: "POST" })).status).toBe(404);
    expect((await put(token, "no-such-secret", { every: "1d" })).status).toBe(404);
  });
});

describe("expiresAt", () => {
  it("is set on create, changed and cleared with PATCH, and shown in the secret", async () => {
    const token = await tokenFor("editor");
    const name = await secret();
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const patched = await call(secretRoute.PATCH, { token, params: { ns: NS, name }, body: { expiresAt: soon }, method: "PATCH" });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body.expiresAt).toBe(soon);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "secret.expiry_set", resourceName: name } });
    expect(event.details).toEqual({ before: null, after: soon });

    const bad = await call(secretRoute.PATCH, { token, params: { ns: NS, name }, body: { expiresAt: "next tuesday" }, method: "PATCH" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/expiresAt must be an ISO 8601 time/);

    const cleared = await call(secretRoute.PATCH, { token, params: { ns: NS, name }, body: { expiresAt: null }, method: "PATCH" });
    expect(cleared.body.expiresAt).toBeNull();
  });
});

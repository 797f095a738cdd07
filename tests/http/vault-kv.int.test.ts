// The Vault KV v2 routes (/v1) called the way Next.js calls them: what a
// person writes and reads, what a service token may read (only what its
// bindings deliver), and every bad input of the issue answered in Vault's
// `{"errors":[…]}` shape with nothing written. The real clients (hvac,
// node-vault) and the replayed ESO and vault-agent sequences are in tests/vault.
import { beforeAll, describe, expect, it } from "vitest";
import * as dataRoute from "@/app/v1/[mount]/data/[...name]/route";
import * as destroyRoute from "@/app/v1/[mount]/destroy/[...name]/route";
import * as metadataRoute from "@/app/v1/[mount]/metadata/[...name]/route";
import * as rootListRoute from "@/app/v1/[mount]/metadata/route";
import * as undeleteRoute from "@/app/v1/[mount]/undelete/[...name]/route";
import * as lookupSelfRoute from "@/app/v1/auth/token/lookup-self/route";
import * as uiMountRoute from "@/app/v1/sys/internal/ui/mounts/[...path]/route";
import { db } from "@/lib/db/client";
import { createIntegration } from "@/lib/integrations/create-integration";
import { createSecret } from "@/lib/secrets/create-secret";
import { addBinding } from "@/lib/services/bindings";
import { createService } from "@/lib/services/manage-services";
import { createServiceToken } from "@/lib/services/service-tokens";
import { call, personalToken, type ApiResult } from "@/tests/support/api";
import { createUser, ensureNamespace } from "@/tests/support/factories";
import { CANARY } from "@/tests/support/leak-canary";

let owner: Awaited<ReturnType<typeof createUser>>;
let ownerToken: string;
let viewerToken: string;
let serviceToken: string;
let integrationToken: string;

beforeAll(async () => {
  owner = await createUser("vault-owner@example.com", [{ role: "owner" }]);
  ownerToken = await personalToken(owner.user.id);
  viewerToken = await personalToken((await createUser("vault-viewer@example.com", [{ role: "viewer" }])).user.id);
  await ensureNamespace("prod");
  await createSecret(owner.actor, "prod", { name: "db", stringData: { username: "app", password: `${CANARY}-db` } });
  await createSecret(owner.actor, "prod", { name: "other", stringData: { value: `${CANARY}-other` } });
  await createService(owner.actor, "prod", { name: "api" });
  // A binding of one key: through Vault too the service gets only that key.
  await addBinding(owner.actor, "prod", "api", { secret: "db", key: "password", target: "db_password" });
  serviceToken = (await createServiceToken(owner.actor, "prod", "api", { name: "vault" })).token;
  integrationToken = (await createIntegration(owner.actor, "prod", { kind: "kubernetes-kms", name: "kms" })).token;
});

const kv = (mount: string, name: string) => ({ mount, name: name.split("/") });

function expectVaultError(result: ApiResult, status: number, words: RegExp) {
  expect(result.status, result.text).toBe(status);
  expect(result.body).toEqual({ errors: [expect.stringMatching(words)] });
  expect(result.headers.get("cache-control")).toBe("no-store");
}

async function versionsOf(namespace: string, name: string): Promise<number[]> {
  const rows = await db.secretVersion.findMany({
    where: { secret: { name, namespace: { name: namespace } } },
    orderBy: { version: "asc" },
    select: { version: true },
  });
  return rows.map((row) => row.version);
}

describe("a person through the KV v2 API", () => {
  it("writes versions with check-and-set, reads each, and patches", async () => {
    const first = await call(dataRoute.POST, {
      token: ownerToken,
      params: kv("secret", "app"),
      body: { data: { k: "v1" }, options: { cas: 0 } },
    });
    expect(first.status, first.text).toBe(200);
    expect(first.body.data).toMatchObject({ version: 1, destroyed: false, deletion_time: "", custom_metadata: null });
    const second = await call(dataRoute.PUT, {
      token: ownerToken,
      params: kv("secret", "app"),
      body: { data: { k: "v2", extra: "x" }, options: { cas: 1 } },
    });
    expect(second.body.data.version).toBe(2);

    const latest = await call(dataRoute.GET, { token: ownerToken, params: kv("secret", "app") });
    expect(latest.body.data).toMatchObject({ data: { k: "v2", extra: "x" }, metadata: { version: 2 } });
    const older = await call(dataRoute.GET, { token: ownerToken, params: kv("secret", "app"), query: "?version=1" });
    expect(older.body.data.data).toEqual({ k: "v1" });

    const patched = await call(dataRoute.PATCH, {
      token: ownerToken,
      params: kv("secret", "app"),
      body: { data: { extra: null, k: "v3" } },
    });
    expect(patched.body.data.version).toBe(3);
    const after = await call(dataRoute.GET, { token: ownerToken, params: kv("secret", "app") });
    expect(after.body.data.data).toEqual({ k: "v3" });
  });

  it("sends a value that is not UTF-8 as base64 and says so in warnings", async () => {
    await createSecret(owner.actor, "default", { name: "der", data: { key: Buffer.from([0xff, 0xfe, 0x00, 0x01]).toString("base64") } });
    const read = await call(dataRoute.GET, { token: ownerToken, params: kv("secret", "der") });
    expect(read.body.data.data).toEqual({ key: "//4AAQ==" });
    expect(read.body.warnings).toEqual([expect.stringContaining("base64: key")]);
  });

  it("deletes into the recovery window, undeletes, and destroys only a deleted secret", async () => {
    await call(dataRoute.POST, { token: ownerToken, params: kv("secret", "gone"), body: { data: { a: "1" } } });
    expect((await call(dataRoute.DELETE, { token: ownerToken, params: kv("secret", "gone") })).status).toBe(204);
    expectVaultError(await call(dataRoute.GET, { token: ownerToken, params: kv("secret", "gone") }), 404, /not found/);
    expect((await call(undeleteRoute.POST, { token: ownerToken, params: kv("secret", "gone"), body: { versions: [1] } })).status).toBe(204);
    expect((await call(dataRoute.GET, { token: ownerToken, params: kv("secret", "gone") })).body.data.data).toEqual({ a: "1" });

    expectVaultError(
      await call(destroyRoute.PUT, { token: ownerToken, params: kv("secret", "gone"), body: { versions: [1] } }),
      400,
      /is not deleted.*DELETE \/v1\/secret\/data\/gone first/,
    );
    expect(await versionsOf("default", "gone")).toEqual([1]);
    await call(dataRoute.DELETE, { token: ownerToken, params: kv("secret", "gone") });
    expect((await call(destroyRoute.PUT, { token: ownerToken, params: kv("secret", "gone"), body: { versions: [1] } })).status).toBe(204);
    expect(await db.secret.count({ where: { name: "gone" } })).toBe(0);
  });

  it("sets custom_metadata as labels and reads the versions in metadata", async () => {
    await call(dataRoute.POST, { token: ownerToken, params: kv("secret", "meta"), body: { data: { a: "1" } } });
    await call(dataRoute.POST, { token: ownerToken, params: kv("secret", "meta"), body: { data: { a: "2" } } });
    const set = await call(metadataRoute.POST, {
      token: ownerToken,
      params: kv("secret", "meta"),
      body: { custom_metadata: { team: "core" } },
    });
    expect(set.status, set.text).toBe(204);
    const read = await call(metadataRoute.GET, { token: ownerToken, params: kv("secret", "meta") });
    expect(read.body.data).toMatchObject({ current_version: 2, oldest_version: 1, custom_metadata: { team: "core" } });
    expect(Object.keys(read.body.data.versions)).toEqual(["1", "2"]);
    expectVaultError(
      await call(metadataRoute.POST, { token: ownerToken, params: kv("secret", "meta"), body: { max_versions: 5 } }),
      400,
      /max_versions is not supported/,
    );
  });

  it("lists a mount's names for a viewer, but refuses the viewer a value", async () => {
    const list = await call(rootListRoute.GET, { token: viewerToken, params: { mount: "secret" }, query: "?list=true" });
    expect(list.status, list.text).toBe(200);
    expect(list.body.data.keys).toEqual(expect.arrayContaining(["app", "meta"]));
    expectVaultError(await call(dataRoute.GET, { token: viewerToken, params: kv("secret", "app") }), 403, /^permission denied/);
  });
});

describe("a service token through the KV v2 API", () => {
  it("reads only the keys its binding delivers, audited as a Vault read", async () => {
    const read = await call(dataRoute.GET, { token: serviceToken, params: kv("prod", "db") });
    expect(read.status, read.text).toBe(200);
    expect(read.body.data.data).toEqual({ password: `${CANARY}-db` });
    const event = await db.auditEvent.findFirst({
      where: { action: "secret.read", resourceName: "db", outcome: "success" },
      orderBy: { seq: "desc" },
    });
    expect(event?.details).toMatchObject({ api: "vault", keys: ["password"] });
    expect(await db.secretAccess.count({ where: { secret: { name: "db" }, readerType: "service" } })).toBe(1);
  });

  it("is refused an unbound secret, a missing one alike, and another namespace; each refusal audited", async () => {
    for (const [mount, name] of [
      ["prod", "other"],
      ["prod", "no-such"],
      ["secret", "app"],
    ] as const) {
      const refused = await call(dataRoute.GET, { token: serviceToken, params: kv(mount, name) });
      expectVaultError(refused, 403, /^permission denied/);
      expect(refused.text).not.toContain(CANARY);
    }
    const denials = await db.auditEvent.findMany({ where: { action: "secret.read", outcome: "denied", actorType: "service" } });
    expect(denials.map((d) => (d.details as { reason: string }).reason).sort()).toEqual(["not_bound", "not_bound", "other_namespace"]);
  });

  it("lists only its bound secrets and cannot write", async () => {
    const list = await call(rootListRoute.GET, { token: serviceToken, params: { mount: "prod" }, query: "?list=true" });
    expect(list.body.data.keys).toEqual(["db"]);
    expectVaultError(
      await call(dataRoute.POST, { token: serviceToken, params: kv("prod", "db"), body: { data: { a: "b" } } }),
      403,
      /person's API token/,
    );
    expect(await versionsOf("prod", "db")).toEqual([1]);
  });

  it("looks itself up: the token it sent as id (as Vault answers), its record id as accessor", async () => {
    const self = await call(lookupSelfRoute.GET, { token: serviceToken });
    expect(self.body.data).toMatchObject({
      type: "service",
      renewable: false,
      policies: ["service:prod/api"],
      meta: { coffer_kind: "service" },
    });
    expect(self.body.data.id).toBe(serviceToken);
    expect(self.body.data.accessor).toMatch(/^[a-z0-9_]+$/i);
    expect(self.body.data.accessor).not.toBe(serviceToken);
  });

  // vault-agent reads its token file again only when a 403 says "invalid token".
  it("words a refused token as an invalid token, and a refused read not so", async () => {
    const revoked = await call(dataRoute.GET, { token: "cfs_revoked-or-unknown", params: kv("prod", "db") });
    expectVaultError(revoked, 403, /^permission denied: invalid token/);
    const unbound = await call(dataRoute.GET, { token: serviceToken, params: kv("prod", "other") });
    expect(unbound.body.errors[0]).not.toMatch(/invalid token/);
  });
});

describe("bad input answers a Vault-shaped 4xx naming the problem, and writes nothing", () => {
  it("refuses '..' in a path, a deeper path, and an unknown mount", async () => {
    expectVaultError(
      await call(dataRoute.POST, { token: ownerToken, params: kv("secret", "../x"), body: { data: { a: "b" } } }),
      400,
      /'\.\.'/,
    );
    expectVaultError(
      await call(dataRoute.POST, { token: ownerToken, params: kv("secret", "a/b"), body: { data: { a: "b" } } }),
      400,
      /names have no '\/'/,
    );
    expectVaultError(await call(dataRoute.GET, { token: ownerToken, params: kv("secret", "a/b") }), 404, /names have no '\/'/);
    expectVaultError(
      await call(dataRoute.POST, { token: ownerToken, params: kv("nowhere", "x"), body: { data: { a: "b" } } }),
      404,
      /namespace 'nowhere'/,
    );
    expectVaultError(await call(uiMountRoute.GET, { token: ownerToken, params: { path: ["nowhere", "x"] } }), 404, /no mount 'nowhere'/);
    expect(await db.secret.count({ where: { name: { in: ["x", "a"] } } })).toBe(0);
  });

  it("refuses a version that does not exist", async () => {
    expectVaultError(
      await call(dataRoute.GET, { token: ownerToken, params: kv("secret", "app"), query: "?version=99" }),
      404,
      /no version 99/,
    );
    expectVaultError(
      await call(dataRoute.GET, { token: ownerToken, params: kv("secret", "app"), query: "?version=two" }),
      400,
      /whole number/,
    );
  });

  it("refuses a check-and-set mismatch and keeps the current version", async () => {
    const before = await versionsOf("default", "app");
    const stale = await call(dataRoute.POST, {
      token: ownerToken,
      params: kv("secret", "app"),
      body: { data: { k: "late" }, options: { cas: 1 } },
    });
    expectVaultError(stale, 400, /check-and-set parameter did not match the current version/);
    const exists = await call(dataRoute.POST, {
      token: ownerToken,
      params: kv("secret", "app"),
      body: { data: { k: "late" }, options: { cas: 0 } },
    });
    expectVaultError(exists, 400, /check-and-set/);
    expect(await versionsOf("default", "app")).toEqual(before);
  });

  it("refuses bodies that are not a KV object", async () => {
    for (const rawBody of [
      "[1,2]",
      '"text"',
      "{",
      '{"data":[1]}',
      '{"data":{"n":1}}',
      '{"data":{"a":"b"},"extra":1}',
      '{"data":{"a":"b"},"options":{"cas":-1}}',
    ]) {
      const result = await call(dataRoute.POST, { token: ownerToken, params: kv("secret", "bodies"), rawBody });
      expect(result.status, `${rawBody}: ${result.text}`).toBe(400);
      expect(result.body.errors).toHaveLength(1);
    }
    const number = await call(dataRoute.POST, { token: ownerToken, params: kv("secret", "bodies"), rawBody: '{"data":{"n":1}}' });
    expect(number.body.errors[0]).toMatch(/data\.n must be a string/);
    expect(await db.secret.count({ where: { name: "bodies" } })).toBe(0);
  });

  it("refuses a token of the wrong kind, a missing one and a Vault Enterprise namespace", async () => {
    expectVaultError(await call(dataRoute.GET, { token: integrationToken, params: kv("prod", "db") }), 403, /integration token/);
    expectVaultError(await call(dataRoute.GET, { params: kv("prod", "db") }), 403, /missing client token/);
    expectVaultError(await call(dataRoute.GET, { token: "cfp_not-a-real-token", params: kv("prod", "db") }), 403, /^permission denied/);
    const namespaced = new Request("http://coffer.test/v1/prod/data/db", {
      headers: { "x-vault-token": ownerToken, "x-vault-namespace": "team-a" },
    });
    const answer = await dataRoute.GET(namespaced, { params: Promise.resolve(kv("prod", "db")) });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ errors: [expect.stringMatching(/X-Vault-Namespace 'team-a' is not supported/)] });
  });
});

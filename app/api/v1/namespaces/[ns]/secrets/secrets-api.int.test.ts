import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call, personalToken } from "@/tests/support/api";
import { createUser } from "@/tests/support/factories";
import { CANARY } from "@/tests/support/leak-canary";
import * as secretRoute from "./[name]/route";
import * as rollbackRoute from "./[name]/rollback/route";
import * as valueRoute from "./[name]/value/route";
import * as versionsRoute from "./[name]/versions/route";
import * as restoreRoute from "./[name]/restore/route";
import * as listRoute from "./route";

const b64 = (text: string) => Buffer.from(text).toString("base64");
const ns = { ns: "default" };
let owner: string;
let viewer: string;

beforeAll(async () => {
  owner = await personalToken((await createUser("owner@example.com", [{ role: "owner" }])).user.id);
  viewer = await personalToken((await createUser("viewer@example.com", [{ role: "viewer" }])).user.id);
});

async function create(body: unknown, token = owner) {
  return call(listRoute.POST, { token, params: ns, body });
}

async function counts() {
  return { secrets: await db.secret.count(), versions: await db.secretVersion.count() };
}

describe("the secrets API", () => {
  it("creates, lists, inspects, rotates, rolls back and reveals, never echoing a value", async () => {
    const created = await create({ name: "db_pw", labels: { env: "prod" }, data: { value: b64(`${CANARY}-v1`) } });
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^[0-9a-z]{25}$/);
    expect(created.body).toMatchObject({ name: "db_pw", type: "Opaque", version: 1, keys: [{ name: "value", size: 16 }] });
    expect(created.text).not.toContain(CANARY);
    expect(created.text).not.toContain(b64(`${CANARY}-v1`));

    const listed = await call(listRoute.GET, { token: viewer, params: ns, query: "?filter=label=env=prod" });
    expect(listed.body.secrets.map((s: { name: string }) => s.name)).toEqual(["db_pw"]);
    expect((await call(listRoute.GET, { token: viewer, params: ns, query: "?filter=label=env=dev" })).body.secrets).toEqual([]);
    expect((await call(listRoute.GET, { token: viewer, params: ns, query: "?filter=name=db" })).body.secrets).toHaveLength(1);

    const params = { ns: "default", name: "db_pw" };
    const rotated = await call(versionsRoute.POST, { token: owner, params, body: { stringData: { value: `${CANARY}-v2` } } });
    expect(rotated.status).toBe(201);
    expect(rotated.body.version).toBe(2);
    const rolled = await call(rollbackRoute.POST, { token: owner, params, body: { version: 1 } });
    expect(rolled.body.version).toBe(3);
    expect(rolled.body.inspect).toMatchObject({
      ID: created.body.id,
      Version: { Index: 3 },
      Spec: { Name: "db_pw", Labels: { env: "prod" } },
    });
    expect(rolled.body.versions.map((v: { version: number; current: boolean }) => [v.version, v.current])).toEqual([
      [3, true],
      [2, false],
      [1, false],
    ]);

    const inspected = await call(secretRoute.GET, { token: viewer, params });
    expect(inspected.text).not.toContain(CANARY);
    expect(inspected.headers.get("cache-control")).toBe("no-store");

    const revealed = await call(valueRoute.GET, { token: owner, params });
    expect(revealed.status).toBe(200);
    expect(Buffer.from(revealed.body.data.value, "base64").toString()).toBe(`${CANARY}-v1`);
    const v2 = await call(valueRoute.GET, { token: owner, params, query: "?version=2" });
    expect(Buffer.from(v2.body.data.value, "base64").toString()).toBe(`${CANARY}-v2`);

    // Viewers read metadata, never values; the refusal is audited.
    const denied = await call(valueRoute.GET, { token: viewer, params });
    expect(denied.status).toBe(403);
    expect(await db.auditEvent.count({ where: { action: "secret.reveal", outcome: "denied" } })).toBe(1);

    // The audit trail names what happened and holds no value.
    const events = await db.auditEvent.findMany({ where: { resourceName: "db_pw" }, orderBy: { seq: "asc" } });
    expect(events.map((e) => `${e.action}:${e.outcome}`)).toEqual([
      "secret.create:success",
      "secret.rotate:success",
      "secret.rollback:success",
      "secret.reveal:success",
      "secret.reveal:success",
    ]);
    expect(JSON.stringify(events.map((e) => e.details))).not.toContain(CANARY);
    // Nor does the database hold the value in clear.
    const stored = await db.secretVersion.findMany();
    for (const row of stored) expect(Buffer.from(row.ciphertext).toString("latin1")).not.toContain(CANARY);
  });

  it.each([
    ["an invalid name", { name: "-bad", data: { value: b64("x") } }, 400, "name must be 1-64 characters"],
    ["an invalid key", { name: "k1", data: { "bad/key": b64("x") } }, 400, "key 'bad/key' must match"],
    ["invalid base64", { name: "k2", data: { value: "%%%not-base64" } }, 400, "data.value is not valid base64"],
    [
      "a missing required key",
      { name: "tls1", type: "kubernetes.io/tls", stringData: { "tls.crt": "x" } },
      400,
      "missing required key 'tls.key'",
    ],
    ["an unknown type", { name: "k3", type: "Weird", stringData: { a: "b" } }, 400, "type must be one of"],
    ["no data at all", { name: "k4" }, 400, "data must hold at least one key"],
    ["bad labels", { name: "k5", labels: { "bad key!": "x" }, stringData: { a: "b" } }, 400, "label key 'bad key!'"],
    [
      "more than the size limit",
      { name: "big", data: { value: Buffer.alloc(1024 * 1024 + 1).toString("base64") } },
      413,
      "the limit is 1048576 bytes",
    ],
  ])("refuses %s and writes nothing", async (_case, body, status, message) => {
    const before = await counts();
    const response = await create(body);
    expect(response.status).toBe(status);
    expect(response.body.error.message).toContain(message);
    expect(await counts()).toEqual(before);
  });

  it("refuses malformed JSON, an unknown namespace and a missing token", async () => {
    expect((await call(listRoute.POST, { token: owner, params: ns, rawBody: "{oops" })).status).toBe(400);
    const unknown = await call(listRoute.POST, { token: owner, params: { ns: "nope" }, body: { name: "a", stringData: { a: "b" } } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe("namespace 'nope' not found");
    const anonymous = await call(listRoute.GET, { params: ns });
    expect(anonymous.status).toBe(401);
  });

  it("keeps names unique, immutable data fixed, and deleted names reserved until purged", async () => {
    await create({ name: "api_key", immutable: true, stringData: { value: "one" } });
    expect((await create({ name: "api_key", stringData: { value: "two" } })).status).toBe(409);

    const params = { ns: "default", name: "api_key" };
    const before = await counts();
    const rotate = await call(versionsRoute.POST, { token: owner, params, body: { stringData: { value: "two" } } });
    expect(rotate.status).toBe(409);
    expect(rotate.body.error.message).toContain("immutable");
    expect(await counts()).toEqual(before);
    // Labels may still change.
    const labelled = await call(secretRoute.PATCH, { token: owner, params, body: { labels: { team: "core" } }, method: "PATCH" });
    expect(labelled.body.labels).toEqual({ team: "core" });

    expect((await call(secretRoute.DELETE, { token: owner, params, method: "DELETE" })).status).toBe(204);
    expect((await call(secretRoute.GET, { token: owner, params })).status).toBe(404);
    const reserved = await create({ name: "api_key", stringData: { value: "three" } });
    expect(reserved.status).toBe(409);
    expect(reserved.body.error.message).toContain("reserved");

    expect((await call(restoreRoute.POST, { token: owner, params })).status).toBe(200);
    expect((await call(secretRoute.GET, { token: owner, params })).status).toBe(200);
    await call(secretRoute.DELETE, { token: owner, params, method: "DELETE" });
    expect((await call(secretRoute.DELETE, { token: viewer, params, method: "DELETE", query: "?purge=true" })).status).toBe(403);
    expect((await call(secretRoute.DELETE, { token: owner, params, method: "DELETE", query: "?purge=true" })).status).toBe(204);
    expect((await create({ name: "api_key", stringData: { value: "four" } })).status).toBe(201);
  });

  it("names the secret when its stored data was tampered with", async () => {
    const created = await create({ name: "tampered", stringData: { value: CANARY } });
    const row = await db.secretVersion.findFirstOrThrow({ where: { secretId: created.body.id } });
    const flipped = Buffer.from(row.ciphertext);
    flipped[0] = flipped[0]! ^ 0xff;
    await db.secretVersion.update({ where: { id: row.id }, data: { ciphertext: new Uint8Array(flipped) } });
    const response = await call(valueRoute.GET, { token: owner, params: { ns: "default", name: "tampered" } });
    expect(response.status).toBe(500);
    expect(response.body.error.message).toBe("secret 'tampered' version 1 cannot be decrypted: the stored data failed its integrity check");
    expect(response.text).not.toContain(CANARY);
  });

  it("keeps only the newest COFFER_MAX_VERSIONS versions", async () => {
    await create({ name: "churn", stringData: { value: "0" } });
    const params = { ns: "default", name: "churn" };
    for (let i = 1; i <= 21; i++) await call(versionsRoute.POST, { token: owner, params, body: { stringData: { value: String(i) } } });
    const versions = (await call(versionsRoute.GET, { token: owner, params })).body.versions;
    expect(versions).toHaveLength(20);
    expect(versions[0].version).toBe(22);
    expect(versions.at(-1).version).toBe(3);
    const gone = await call(rollbackRoute.POST, { token: owner, params, body: { version: 1 } });
    expect(gone.status).toBe(404);
  });
});

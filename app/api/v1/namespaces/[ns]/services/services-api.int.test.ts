import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { flushSecretAccessCounts } from "@/lib/secrets/access-counts";
import { DAY_MS } from "@/lib/time";
import { call, personalToken } from "@/tests/support/api";
import { createUser } from "@/tests/support/factories";
import { CANARY } from "@/tests/support/leak-canary";
import * as runtimeRoute from "../../../runtime/secrets/route";
import * as secretRoute from "../secrets/[name]/route";
import * as secretVersionsRoute from "../secrets/[name]/versions/route";
import * as secretsRoute from "../secrets/route";
import * as serviceRoute from "./[name]/route";
import * as bindingRoute from "./[name]/bindings/[...target]/route";
import * as bindingsRoute from "./[name]/bindings/route";
import * as tokenRoute from "./[name]/tokens/[id]/route";
import * as tokensRoute from "./[name]/tokens/route";
import * as servicesRoute from "./route";

let owner: string;
const ns = { ns: "default" };

async function secret(name: string, stringData: Record<string, string>) {
  const response = await call(secretsRoute.POST, { token: owner, params: ns, body: { name, stringData } });
  expect(response.status).toBe(201);
}

async function service(name: string) {
  expect((await call(servicesRoute.POST, { token: owner, params: ns, body: { name } })).status).toBe(201);
}

async function bind(serviceName: string, body: Record<string, unknown>) {
  return call(bindingsRoute.POST, { token: owner, params: { ns: "default", name: serviceName }, body });
}

async function serviceToken(serviceName: string, body: unknown = {}) {
  const response = await call(tokensRoute.POST, { token: owner, params: { ns: "default", name: serviceName }, body });
  expect(response.status).toBe(201);
  return response.body as { token: string; id: string };
}

async function runtimeCall(token: string, etag?: string) {
  const headers = new Headers({ authorization: `Bearer ${token}`, "x-forwarded-for": "192.0.2.80" });
  if (etag) headers.set("if-none-match", etag);
  const response = await runtimeRoute.GET(new Request("http://coffer.test/api/v1/runtime/secrets", { headers }), {
    params: Promise.resolve({}),
  });
  const text = await response.text();
  return { status: response.status, text, body: text ? JSON.parse(text) : null, etag: response.headers.get("etag") };
}

beforeAll(async () => {
  owner = await personalToken((await createUser("owner@example.com", [{ role: "owner" }])).user.id);
  await secret("db_pw", { value: `${CANARY}-db` });
  await secret("tls", { "tls.crt": "cert", "tls.key": `${CANARY}-key` });
  await secret("other", { value: `${CANARY}-other` });
  await service("db");
  await service("web");
});

describe("services, bindings and the runtime API", () => {
  it("binds with Docker's defaults and options, and refuses bad bindings naming the field", async () => {
    const plain = await bind("db", { secret: "db_pw" });
    expect(plain.status).toBe(201);
    // A single-key secret is bound to its key, so the target stays a file when keys are added later.
    expect(plain.body).toMatchObject({ target: "db_pw", uid: 0, gid: 0, mode: "0444", envName: null, key: "value", version: 1 });
    const custom = await bind("db", { secret: "tls", target: "certs/tls", uid: "999", gid: 999, mode: "0400", envName: "TLS" });
    expect(custom.body).toMatchObject({ target: "certs/tls", uid: 999, gid: 999, mode: "0400", envName: "TLS" });

    const before = await db.secretBinding.count();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ secret: "db_pw" }, 409, "already has a secret at target 'db_pw'"],
      [{ secret: "db_pw", target: "../etc/passwd" }, 400, "target must not contain '..'"],
      [{ secret: "db_pw", target: "/etc/passwd" }, 400, "target must be a relative file name"],
      [{ secret: "db_pw", target: "x1", mode: "0999" }, 400, "mode must be an octal number"],
      [{ secret: "db_pw", target: "x2", mode: 0o1777 }, 400, "mode must be an octal number"],
      [{ secret: "db_pw", target: "x3", uid: -1 }, 400, "uid must be a non-negative integer"],
      [{ secret: "db_pw", target: "x4", gid: "abc" }, 400, "gid must be a non-negative integer"],
      [{ secret: "nope", target: "x5" }, 400, "secret: no secret 'nope'"],
      [{ secret: "db_pw", target: "x6", pinnedVersion: 7 }, 400, "pinnedVersion: secret 'db_pw' has no version 7"],
      [{ secret: "tls", target: "x7", key: "missing" }, 400, "key: secret 'tls' has no key 'missing'"],
      [{ secret: "db_pw", target: "db_pw/inner" }, 409, "already has a secret at target 'db_pw'"],
      [{ secret: "db_pw", target: "certs" }, 409, "already has a secret at target 'certs/tls'"],
      [{ secret: "db_pw", target: ".coffer-agent.json" }, 400, "reserved for the agent"],
      [{ secret: "db_pw", target: "x8", pinnedVersion: 0 }, 400, "pinnedVersion must be a version number"],
    ];
    for (const [body, status, message] of cases) {
      const response = await bind("db", body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(response.body.error.message).toContain(message);
    }
    expect(await db.secretBinding.count()).toBe(before);
  });

  it("refuses to delete a secret in use, naming every service as Docker does", async () => {
    const params = { ns: "default", name: "db_pw" };
    const one = await call(secretRoute.DELETE, { token: owner, params, method: "DELETE" });
    expect(one.status).toBe(409);
    expect(one.body.error.message).toBe("secret 'db_pw' is in use by the following service: db");
    await bind("web", { secret: "db_pw" });
    const two = await call(secretRoute.DELETE, { token: owner, params, method: "DELETE" });
    expect(two.body.error.message).toBe("secret 'db_pw' is in use by the following services: db, web");
    expect(
      (await call(bindingRoute.DELETE, { token: owner, params: { ns: "default", name: "web", target: ["db_pw"] }, method: "DELETE" }))
        .status,
    ).toBe(204);
  });

  it("delivers exactly the bound secrets, audited, with an ETag for cheap polling", async () => {
    const { token } = await serviceToken("db");
    const first = await runtimeCall(token);
    expect(first.status).toBe(200);
    expect(first.body.service).toEqual({ name: "db", namespace: "default" });
    const bySecret = Object.fromEntries(first.body.secrets.map((s: { secret: string }) => [s.secret, s]));
    expect(Object.keys(bySecret).sort()).toEqual(["db_pw", "tls"]);
    expect(bySecret.db_pw).toMatchObject({ kind: "file", target: "db_pw", mode: "0444", files: [{ path: "db_pw" }] });
    expect(Buffer.from(bySecret.db_pw.files[0].data, "base64").toString()).toBe(`${CANARY}-db`);
    expect(bySecret.tls.kind).toBe("dir");
    expect(bySecret.tls.files.map((f: { path: string }) => f.path)).toEqual(["certs/tls/tls.crt", "certs/tls/tls.key"]);
    // The service sees nothing it is not bound to.
    expect(first.text).not.toContain(`${CANARY}-other`);

    const reads = await db.auditEvent.findMany({ where: { action: "secret.read" }, orderBy: { seq: "asc" } });
    // One event per secret, in target order (certs/tls before db_pw).
    expect(reads.map((r) => [r.actorType, r.actorLabel, r.resourceName])).toEqual([
      ["service", "default/db", "tls"],
      ["service", "default/db", "db_pw"],
    ]);
    expect(JSON.stringify(reads.map((r) => r.details))).not.toContain(CANARY);
    const access = await db.secretAccess.findMany({ orderBy: { readerLabel: "asc" } });
    expect(access.map((a) => [a.readerLabel, a.count])).toEqual([
      ["default/db", 1],
      ["default/db", 1],
    ]);

    // Unchanged: 304, nothing read, nothing audited.
    const again = await runtimeCall(token, first.etag!);
    expect(again.status).toBe(304);
    expect(await db.auditEvent.count({ where: { action: "secret.read" } })).toBe(2);

    // A rotation changes the ETag and the delivered value.
    await call(secretVersionsRoute.POST, { token: owner, params: { ns: "default", name: "db_pw" }, body: { stringData: { value: "v2" } } });
    const rotated = await runtimeCall(token, first.etag!);
    expect(rotated.status).toBe(200);
    expect(rotated.etag).not.toBe(first.etag);
    const dbPw = rotated.body.secrets.find((s: { secret: string }) => s.secret === "db_pw");
    expect(dbPw.version).toBe(2);
    expect(Buffer.from(dbPw.files[0].data, "base64").toString()).toBe("v2");
    // Repeat reads reach their SecretAccess row at the next flush (lib/secrets/access-counts.ts).
    await flushSecretAccessCounts();
    expect((await db.secretAccess.findFirstOrThrow({ where: { secret: { name: "db_pw" } } })).count).toBe(2);
  });

  it("shows on a secret who uses it and who read it, and flags stale secrets", async () => {
    const detail = await call(secretRoute.GET, { token: owner, params: { ns: "default", name: "db_pw" } });
    expect(detail.body.boundServices).toEqual([{ service: "db", target: "db_pw", version: 2, pinned: false }]);
    expect(detail.body.reads).toEqual([expect.objectContaining({ readerType: "service", readerLabel: "default/db", count: 2 })]);
    expect(detail.body.lastReadAt).not.toBeNull();

    // "other" was never read; make it older than COFFER_STALE_DAYS (90).
    await db.secret.update({
      where: { namespaceId_name: { namespaceId: "ns_default", name: "other" } },
      data: { createdAt: new Date(Date.now() - 91 * DAY_MS) },
    });
    const stale = await call(secretsRoute.GET, { token: owner, params: ns, query: "?filter=stale=true" });
    expect(stale.body.secrets.map((s: { name: string }) => s.name)).toEqual(["other"]);
    const fresh = await call(secretsRoute.GET, { token: owner, params: ns, query: "?filter=stale=false" });
    expect(fresh.body.secrets.map((s: { name: string }) => s.name)).toEqual(["db_pw", "tls"]);
  });

  it("turns away revoked, expired and unknown tokens with 401, audited", async () => {
    const { token, id } = await serviceToken("web");
    expect((await runtimeCall(token)).status).toBe(200);
    expect((await call(tokenRoute.DELETE, { token: owner, params: { ns: "default", name: "web", id }, method: "DELETE" })).status).toBe(
      204,
    );
    const revoked = await runtimeCall(token);
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.message).toBe("the service token is revoked");

    const expiring = await serviceToken("web");
    await db.serviceToken.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await runtimeCall(expiring.token)).body.error.message).toBe("the service token is expired");
    expect((await runtimeCall("cfs_made_up")).status).toBe(401);
    expect((await runtimeCall(owner)).status).toBe(401);

    const rejected = await db.auditEvent.findMany({ where: { action: "servicetoken.rejected" }, orderBy: { seq: "asc" } });
    expect(rejected.map((r) => (r.details as { reason: string }).reason)).toEqual(["revoked", "expired", "unknown", "unknown"]);
  });

  it("fails closed: when the audit event cannot be written, no value leaves (503)", async () => {
    const { token } = await serviceToken("db");
    await db.$executeRawUnsafe(
      `CREATE FUNCTION coffer_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit store down'; END; $$`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER "refuse_audit" BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION coffer_test_refuse()`,
    );
    try {
      const before = await db.secretAccess.findMany();
      const response = await runtimeCall(token);
      expect(response.status).toBe(503);
      expect(response.body.error.code).toBe("unavailable");
      expect(response.text).not.toContain(CANARY);
      expect(response.text).not.toContain("v2");
      expect(await db.secretAccess.findMany()).toEqual(before);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER "refuse_audit" ON "AuditEvent"`);
      await db.$executeRawUnsafe(`DROP FUNCTION coffer_test_refuse()`);
    }
    expect((await runtimeCall(token)).status).toBe(200);
  });

  it("deletes a service with its bindings and tokens, freeing its secrets", async () => {
    const params = { ns: "default", name: "db" };
    expect((await call(serviceRoute.DELETE, { token: owner, params, method: "DELETE" })).status).toBe(204);
    expect(await db.serviceToken.count({ where: { service: { name: "db" } } })).toBe(0);
    expect((await call(secretRoute.DELETE, { token: owner, params: { ns: "default", name: "db_pw" }, method: "DELETE" })).status).toBe(204);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "service.delete" } });
    expect(event.details).toMatchObject({ bindings: 2 });
  });
});

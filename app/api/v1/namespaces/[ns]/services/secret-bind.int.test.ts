// Regression: an operator ("secret metadata only") created a
// service, bound any secret of its namespace to it, minted a service token
// and read the value from the runtime API. Binding is a read in disguise:
// adding a binding and minting a token now need secret:bind, and a token
// stops reading once its creator no longer holds secret:bind there.
import { beforeAll, describe, expect, it } from "vitest";
import { serviceAbilities } from "@/features/services/components/service-abilities";
import { systemActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { createServiceToken } from "@/lib/services/service-tokens";
import { call, personalToken } from "@/tests/support/api";
import { createUser, ensureNamespace } from "@/tests/support/factories";
import { CANARY } from "@/tests/support/leak-canary";
import * as runtimeRoute from "../../../runtime/secrets/route";
import * as secretsRoute from "../secrets/route";
import * as bindingRoute from "./[name]/bindings/[...target]/route";
import * as bindingsRoute from "./[name]/bindings/route";
import * as tokenRoute from "./[name]/tokens/[id]/route";
import * as tokensRoute from "./[name]/tokens/route";
import * as servicesRoute from "./route";

const ns = { ns: "default" };
const at = (name: string) => ({ ns: "default", name });
const people: Record<string, { id: string; token: string }> = {};

async function person(email: string, grants: { role: string; namespace?: string }[]) {
  const { user } = await createUser(email, grants);
  return { id: user.id, token: await personalToken(user.id) };
}

async function runtimeRead(token: string, etag?: string) {
  const headers = new Headers({ authorization: `Bearer ${token}` });
  if (etag) headers.set("if-none-match", etag);
  const response = await runtimeRoute.GET(new Request("http://coffer.test/api/v1/runtime/secrets", { headers }), {
    params: Promise.resolve({}),
  });
  const text = await response.text();
  return { status: response.status, text, body: text ? JSON.parse(text) : null, etag: response.headers.get("etag") };
}

const lastEvent = (action: string) => db.auditEvent.findFirstOrThrow({ where: { action }, orderBy: { seq: "desc" } });

beforeAll(async () => {
  people.owner = await person("owner@example.com", [{ role: "owner" }]);
  people.operator = await person("op@example.com", [{ role: "operator", namespace: "default" }]);
  people.editor = await person("ed@example.com", [{ role: "editor", namespace: "default" }]);
  people.admin = await person("admin@example.com", [{ role: "admin" }]);
  people.deployer = await person("dep@example.com", [{ role: "deployer", namespace: "default" }]);
  const created = await call(secretsRoute.POST, {
    token: people.owner!.token,
    params: ns,
    body: { name: "db_pw", stringData: { value: `${CANARY}-db` } },
  });
  expect(created.status).toBe(201);
});

describe("secret:bind", () => {
  it("refuses the operator's exfiltration path: create a service, bind, mint a token (403, audited)", async () => {
    const operator = people.operator!.token;
    expect((await call(servicesRoute.POST, { token: operator, params: ns, body: { name: "exfil" } })).status).toBe(201);

    const bind = await call(bindingsRoute.POST, { token: operator, params: at("exfil"), body: { secret: "db_pw" } });
    expect(bind.status).toBe(403);
    expect(bind.body.error.message).toContain("permission secret:bind required in namespace default");
    expect(bind.body.error.message).toContain("read by every token of the service");
    expect(await lastEvent("binding.create")).toMatchObject({
      outcome: "denied",
      actorLabel: "op@example.com",
      namespace: "default",
      details: { permission: "secret:bind" },
    });

    const mint = await call(tokensRoute.POST, { token: operator, params: at("exfil"), body: {} });
    expect(mint.status).toBe(403);
    expect(mint.body.error.message).toContain("permission secret:bind required in namespace default");
    expect(await lastEvent("servicetoken.create")).toMatchObject({
      outcome: "denied",
      actorLabel: "op@example.com",
      details: { permission: "secret:bind" },
    });

    expect(await db.secretBinding.count({ where: { service: { name: "exfil" } } })).toBe(0);
    expect(await db.serviceToken.count({ where: { service: { name: "exfil" } } })).toBe(0);
  });

  it("refuses the editor and the admin too, and lets a deployer bind and mint", async () => {
    for (const who of ["editor", "admin"]) {
      const response = await call(bindingsRoute.POST, { token: people[who]!.token, params: at("exfil"), body: { secret: "db_pw" } });
      expect(response.status, who).toBe(403);
      expect(response.body.error.message).toContain("secret:bind");
    }
    const deployer = people.deployer!.token;
    expect((await call(bindingsRoute.POST, { token: deployer, params: at("exfil"), body: { secret: "db_pw" } })).status).toBe(201);
    // Bound by a deployer, the secret is still out of the operator's reach: no token for them.
    expect((await call(tokensRoute.POST, { token: people.operator!.token, params: at("exfil"), body: {} })).status).toBe(403);
    const minted = await call(tokensRoute.POST, { token: deployer, params: at("exfil"), body: {} });
    expect(minted.status).toBe(201);
    const read = await runtimeRead(minted.body.token);
    expect(read.status).toBe(200);
    expect(Buffer.from(read.body.secrets[0].files[0].data, "base64").toString()).toBe(`${CANARY}-db`);
  });

  it("leaves removing a binding and revoking a token to binding:manage and servicetoken:manage", async () => {
    const operator = people.operator!.token;
    const deployer = people.deployer!.token;
    expect((await call(servicesRoute.POST, { token: deployer, params: ns, body: { name: "tidy" } })).status).toBe(201);
    expect((await call(bindingsRoute.POST, { token: deployer, params: at("tidy"), body: { secret: "db_pw" } })).status).toBe(201);
    const minted = await call(tokensRoute.POST, { token: deployer, params: at("tidy"), body: {} });
    expect(
      (await call(tokenRoute.DELETE, { token: operator, params: { ...at("tidy"), id: minted.body.id }, method: "DELETE" })).status,
    ).toBe(204);
    expect(
      (await call(bindingRoute.DELETE, { token: operator, params: { ...at("tidy"), target: ["db_pw"] }, method: "DELETE" })).status,
    ).toBe(204);
  });

  it("stops a deployer's token once the deployer loses secret:bind, and says why (403, audited)", async () => {
    const carol = await person("carol@example.com", [{ role: "deployer", namespace: "default" }]);
    expect((await call(servicesRoute.POST, { token: carol.token, params: ns, body: { name: "web" } })).status).toBe(201);
    expect((await call(bindingsRoute.POST, { token: carol.token, params: at("web"), body: { secret: "db_pw" } })).status).toBe(201);
    const { token } = (await call(tokensRoute.POST, { token: carol.token, params: at("web"), body: {} })).body as { token: string };
    const first = await runtimeRead(token);
    expect(first.status).toBe(200);
    expect((await runtimeRead(token, first.etag!)).status).toBe(304);
    const readsBefore = await db.auditEvent.count({ where: { action: "secret.read", outcome: "success" } });
    const accessBefore = await db.secretAccess.findMany({ orderBy: { id: "asc" } });

    // The grant is revoked: the token answers 403 and delivers nothing.
    await db.roleBinding.deleteMany({ where: { userId: carol.id } });
    const revoked = await runtimeRead(token);
    expect(revoked.status).toBe(403);
    expect(revoked.body.error.message).toContain("no longer holds secret:bind in namespace 'default'");
    expect(revoked.text).not.toContain(Buffer.from(`${CANARY}-db`).toString("base64"));
    expect(await lastEvent("secret.read")).toMatchObject({
      outcome: "denied",
      actorType: "service",
      actorLabel: "default/web",
      resourceType: "service",
      details: { reason: "creator_lacks_permission", permission: "secret:bind" },
    });
    expect(await db.auditEvent.count({ where: { action: "secret.read", outcome: "success" } })).toBe(readsBefore);
    expect(await db.secretAccess.findMany({ orderBy: { id: "asc" } })).toEqual(accessBefore);

    // Even a cached ETag gets no 304: the refusal comes before anything else.
    expect((await runtimeRead(token, first.etag!)).status).toBe(403);

    // secret:bind in another namespace does not count for this one.
    const staging = await ensureNamespace("staging");
    await db.roleBinding.create({ data: { id: "rb_carol_staging", userId: carol.id, roleId: "role_deployer", namespaceId: staging.id } });
    expect((await runtimeRead(token)).status).toBe(403);
    // A grant without secret:bind does not either.
    await db.roleBinding.create({ data: { id: "rb_carol_operator", userId: carol.id, roleId: "role_operator", namespaceId: null } });
    expect((await runtimeRead(token)).status).toBe(403);

    // A global deployer grant counts in every namespace; disabling the user ends it again.
    await db.roleBinding.create({ data: { id: "rb_carol_global", userId: carol.id, roleId: "role_deployer", namespaceId: null } });
    expect((await runtimeRead(token)).status).toBe(200);
    await db.user.update({ where: { id: carol.id }, data: { disabled: true } });
    expect((await runtimeRead(token)).status).toBe(403);
    // Removed altogether: still refused.
    await db.user.delete({ where: { id: carol.id } });
    expect((await runtimeRead(token)).status).toBe(403);
  });

  it("keeps tokens the system minted (no creator) reading", async () => {
    const minted = await createServiceToken(systemActor(), "default", "web", {});
    expect(await db.serviceToken.findUniqueOrThrow({ where: { id: minted.id } })).toMatchObject({ createdById: null });
    const read = await runtimeRead(minted.token);
    expect(read.status).toBe(200);
    expect(read.body.secrets.map((s: { secret: string }) => s.secret)).toEqual(["db_pw"]);
  });

  it("hides Add binding and Create token from the console of a member without secret:bind", async () => {
    const operator = await db.user.findUniqueOrThrow({ where: { email: "op@example.com" } });
    const deployer = await db.user.findUniqueOrThrow({ where: { email: "dep@example.com" } });
    const actor = (u: { id: string; email: string }) => ({
      type: "user" as const,
      id: u.id,
      label: u.email,
      context: { ip: null, userAgent: null, requestId: null },
    });
    expect(await serviceAbilities(actor(operator), "default")).toMatchObject({
      bind: false,
      unbind: true,
      mintTokens: false,
      manageTokens: true,
    });
    expect(await serviceAbilities(actor(deployer), "default")).toMatchObject({
      bind: true,
      unbind: true,
      mintTokens: true,
      manageTokens: true,
    });
    // A personal token scoped without secret:bind narrows the console the same way.
    const scoped = { ...actor(deployer), token: { id: "tok_x", scopes: ["binding:manage", "servicetoken:manage"] } };
    expect(await serviceAbilities(scoped, "default")).toMatchObject({ bind: false, mintTokens: false, unbind: true, manageTokens: true });
  });
});

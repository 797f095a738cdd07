// POST /api/v1/namespaces/{ns}/integrations/{id}/token as a client calls
// it: a new token shown once (no-store), an optional body, the old token a
// 401 at the next delivery, and every refusal a 4xx JSON error naming why.
import { beforeAll, describe, expect, it } from "vitest";
import * as deliveriesRoute from "@/app/api/v1/integrations/docker-swarm/deliveries/route";
import * as integrationRoute from "@/app/api/v1/namespaces/[ns]/integrations/[id]/route";
import * as integrationsRoute from "@/app/api/v1/namespaces/[ns]/integrations/route";
import * as tokenRoute from "@/app/api/v1/namespaces/[ns]/integrations/[id]/token/route";
import { createSecret } from "@/lib/secrets/create-secret";
import { addBinding } from "@/lib/services/bindings";
import { createService } from "@/lib/services/manage-services";
import { call, personalToken } from "@/tests/support/api";
import { createUser } from "@/tests/support/factories";
import { CANARY } from "@/tests/support/leak-canary";

const VALUE = `${CANARY}-renewal`;
const GET_SECRET = { SecretName: "db_pw", ServiceName: "web", TaskID: "t1", NodeID: "n1" };
let ownerToken: string;
let adminToken: string;
let viewerToken: string;

beforeAll(async () => {
  const owner = await createUser("owner@example.com", [{ role: "owner" }]);
  ownerToken = await personalToken(owner.user.id);
  adminToken = await personalToken((await createUser("admin@example.com", [{ role: "admin" }])).user.id);
  viewerToken = await personalToken((await createUser("viewer@example.com", [{ role: "viewer" }])).user.id);
  await createSecret(owner.actor, "default", { name: "db_pw", stringData: { value: VALUE } });
  await createService(owner.actor, "default", { name: "web" });
  await addBinding(owner.actor, "default", "web", { secret: "db_pw" });
});

async function makeIntegration(kind: string, name: string) {
  const made = await call(integrationsRoute.POST, { token: ownerToken, params: { ns: "default" }, body: { kind, name } });
  expect(made.status, made.text).toBe(201);
  return made.body as { id: string; token: string; prefix: string };
}

const renew = (token: string, id: string, options: { body?: unknown; rawBody?: string } = {}) =>
  call(tokenRoute.POST, { token, params: { ns: "default", id }, method: "POST", ...options });
const deliver = (token: string) => call(deliveriesRoute.POST, { token, body: GET_SECRET });

describe("POST /api/v1/namespaces/{ns}/integrations/{id}/token", () => {
  it("answers a new token once, without a body; the old token is refused and the new one delivers", async () => {
    const made = await makeIntegration("docker-swarm", "prod-swarm");
    expect((await deliver(made.token)).status).toBe(200);

    const renewed = await renew(ownerToken, made.id);
    expect(renewed.status, renewed.text).toBe(200);
    expect(renewed.headers.get("cache-control")).toBe("no-store");
    expect(renewed.body).toMatchObject({ id: made.id, name: "prod-swarm", kind: "docker-swarm", token: expect.stringMatching(/^cfi_/) });
    expect(renewed.body.token).not.toBe(made.token);

    const old = await deliver(made.token);
    expect([old.status, old.body.error.message]).toEqual([401, "the integration token is unknown"]);
    const fresh = await deliver(renewed.body.token);
    expect(fresh.status, fresh.text).toBe(200);
    expect(Buffer.from(fresh.body.value, "base64").toString()).toBe(VALUE);

    const listed = await call(integrationsRoute.GET, { token: ownerToken, params: { ns: "default" } });
    expect(listed.text).not.toContain(renewed.body.token);
  });

  it("takes a new lifetime in the body, or null for none", async () => {
    const made = await makeIntegration("kubernetes-kms", "kms-life");
    const never = await renew(ownerToken, made.id, { body: { expiresInDays: null } });
    expect([never.status, never.body.expiresAt]).toEqual([200, null]);
    const week = await renew(ownerToken, made.id, { body: { expiresInDays: 7 } });
    expect(week.status).toBe(200);
    expect(new Date(week.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
  });

  it("answers 400 naming the field, 403 without the permission, 404 for no such integration, 409 once revoked", async () => {
    const swarm = await makeIntegration("docker-swarm", "refusals");
    const cases: [string, string, { body?: unknown; rawBody?: string }, number, string | RegExp][] = [
      [ownerToken, swarm.id, { body: { expiresInDays: 0 } }, 400, "expiresInDays must be at least 1"],
      [ownerToken, swarm.id, { rawBody: "{" }, 400, "request body must be valid JSON"],
      [viewerToken, swarm.id, {}, 403, /integration:manage/],
      // An admin holds integration:manage but not secret:bind, which a docker-swarm token needs.
      [adminToken, swarm.id, {}, 403, /secret:bind/],
      [ownerToken, "int_nope", {}, 404, "namespace 'default' has no integration 'int_nope'"],
    ];
    for (const [token, id, options, status, message] of cases) {
      const answer = await renew(token, id, options);
      expect(answer.status, `${JSON.stringify(options)}: ${answer.text}`).toBe(status);
      expect(answer.body.error.message).toMatch(message);
    }
    // None of those changed the token.
    expect((await deliver(swarm.token)).status).toBe(200);

    await call(integrationRoute.DELETE, { token: ownerToken, params: { ns: "default", id: swarm.id }, method: "DELETE" });
    const revoked = await renew(ownerToken, swarm.id);
    expect([revoked.status, revoked.body.error.code]).toEqual([409, "conflict"]);
    expect(revoked.body.error.message).toMatch(/is revoked and cannot be renewed; create a new one/);
  });
});

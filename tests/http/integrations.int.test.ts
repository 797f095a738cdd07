// The integration routes as a client calls them: a member makes a
// docker-swarm integration, `coffer docker-plugin` posts dockerd's
// GetSecret body with its token, and every refusal is a 4xx JSON error
// naming the reason, with no value and no-store caching.
import { beforeAll, describe, expect, it } from "vitest";
import * as deliveriesRoute from "@/app/api/v1/integrations/docker-swarm/deliveries/route";
import * as integrationRoute from "@/app/api/v1/namespaces/[ns]/integrations/[id]/route";
import * as integrationsRoute from "@/app/api/v1/namespaces/[ns]/integrations/route";
import { createSecret } from "@/lib/secrets/create-secret";
import { addBinding } from "@/lib/services/bindings";
import { createService } from "@/lib/services/manage-services";
import { call, personalToken } from "@/tests/support/api";
import { createUser } from "@/tests/support/factories";
import { CANARY } from "@/tests/support/leak-canary";

const VALUE = `${CANARY}-http`;
const GET_SECRET = {
  SecretName: "db_pw",
  SecretLabels: null,
  ServiceID: "q1w2e3",
  ServiceName: "web",
  ServiceLabels: null,
  TaskID: "t1",
  TaskName: "web.1.t1",
  TaskImage: "localbusy:1",
  NodeID: "n1",
  ServiceEndpointSpec: { Mode: 1 },
};
let ownerToken: string;
let viewerToken: string;

beforeAll(async () => {
  const owner = await createUser("owner@example.com", [{ role: "owner" }]);
  ownerToken = await personalToken(owner.user.id);
  viewerToken = await personalToken((await createUser("viewer@example.com", [{ role: "viewer" }])).user.id);
  await createSecret(owner.actor, "default", { name: "db_pw", stringData: { value: VALUE } });
  await createService(owner.actor, "default", { name: "web" });
  await createService(owner.actor, "default", { name: "bare" });
  await addBinding(owner.actor, "default", "web", { secret: "db_pw" });
});

async function makeIntegration(kind: string, name: string) {
  const made = await call(integrationsRoute.POST, { token: ownerToken, params: { ns: "default" }, body: { kind, name } });
  expect(made.status, made.text).toBe(201);
  expect(made.headers.get("cache-control")).toBe("no-store");
  return made.body as { id: string; token: string; name: string };
}

const deliver = (token: string | undefined, body: unknown = GET_SECRET) => call(deliveriesRoute.POST, { token, body });

describe("POST/GET/DELETE /api/v1/namespaces/{ns}/integrations", () => {
  it("creates with a token shown once, lists without it, and revokes", async () => {
    const made = await makeIntegration("docker-swarm", "prod-swarm");
    expect(made.token).toMatch(/^cfi_/);
    const listed = await call(integrationsRoute.GET, { token: ownerToken, params: { ns: "default" } });
    expect(listed.status).toBe(200);
    expect(listed.body.integrations.map((i: { name: string }) => i.name)).toContain("prod-swarm");
    expect(listed.text).not.toContain(made.token);

    const revoked = await call(integrationRoute.DELETE, { token: ownerToken, params: { ns: "default", id: made.id }, method: "DELETE" });
    expect(revoked.status).toBe(204);
    const refused = await deliver(made.token);
    expect([refused.status, refused.body.error.message]).toEqual([401, "the integration token is revoked"]);
  });

  it("answers 400 naming the field, 403 for a viewer, 409 for a taken name", async () => {
    const bad = await call(integrationsRoute.POST, { token: ownerToken, params: { ns: "default" }, body: { kind: "swarm", name: "x" } });
    expect([bad.status, bad.body.error.message]).toEqual([400, "kind must be one of docker-swarm, kubernetes-kms"]);
    const viewer = await call(integrationsRoute.POST, {
      token: viewerToken,
      params: { ns: "default" },
      body: { kind: "kubernetes-kms", name: "v" },
    });
    expect(viewer.status).toBe(403);
    await makeIntegration("kubernetes-kms", "twice");
    const again = await call(integrationsRoute.POST, {
      token: ownerToken,
      params: { ns: "default" },
      body: { kind: "kubernetes-kms", name: "twice" },
    });
    expect(again.status).toBe(409);
    const notJson = await call(integrationsRoute.POST, { token: ownerToken, params: { ns: "default" }, rawBody: "{" });
    expect([notJson.status, notJson.body.error.message]).toEqual([400, "request body must be valid JSON"]);
  });
});

describe("POST /api/v1/integrations/docker-swarm/deliveries", () => {
  it("delivers a bound secret's value for dockerd's request as sent", async () => {
    const { token } = await makeIntegration("docker-swarm", "swarm-a");
    const answer = await deliver(token);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.body).toEqual({ value: Buffer.from(VALUE).toString("base64"), service: "web", secret: "db_pw", version: 1 });
  });

  it("refuses with a JSON error naming the reason and carrying no value", async () => {
    const { token } = await makeIntegration("docker-swarm", "swarm-b");
    const kms = await makeIntegration("kubernetes-kms", "kms-b");
    const cases: [string | undefined, unknown, number, RegExp][] = [
      [undefined, GET_SECRET, 401, /integration token \(Authorization: Bearer cfi_…\) of kind docker-swarm is required/],
      [`cfi_${"x".repeat(43)}`, GET_SECRET, 401, /unknown/],
      [ownerToken, GET_SECRET, 401, /unknown/],
      [kms.token, GET_SECRET, 403, /kind kubernetes-kms/],
      [token, { ...GET_SECRET, ServiceName: "bare" }, 403, /service 'bare' is not bound to secret 'db_pw'/],
      [
        token,
        { ...GET_SECRET, ServiceName: "nginx" },
        404,
        /no Coffer service 'nginx' in namespace 'default' \(set the Swarm service label coffer.service\)/,
      ],
      [token, { ...GET_SECRET, SecretName: "nope" }, 404, /no Coffer secret 'nope'/],
      [token, { ServiceName: "web" }, 400, /SecretName is required/],
      [token, [GET_SECRET], 400, /request body must be a JSON object/],
    ];
    for (const [credential, body, status, message] of cases) {
      const answer = await deliver(credential, body);
      expect(answer.status, `${JSON.stringify(body).slice(0, 60)}: ${answer.text}`).toBe(status);
      expect(answer.body.error.message).toMatch(message);
      expect(answer.text).not.toContain(VALUE);
      expect(answer.text).not.toContain(Buffer.from(VALUE).toString("base64"));
    }
  });
});

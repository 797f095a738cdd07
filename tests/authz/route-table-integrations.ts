// Integrations of a namespace, and the Docker Swarm delivery endpoint their
// docker-swarm tokens call. The POST is listed once per kind: a
// docker-swarm integration reads bound secrets (it also needs secret:bind),
// a kubernetes-kms one does not. The `?kind=` in a path only tells the two
// entries apart; the kind travels in the body.
import { expect } from "vitest";
import { createIntegration } from "@/lib/integrations/create-integration";
import { call, type ApiResult } from "@/tests/support/api";
import { boundService, NS, system, unique } from "./fixtures";
import { loadHandler, ns, nsd, v1, type Call, type RouteEntry } from "./route-table-entry";

export const DOCKER_SWARM_DELIVERY_FILE = `${v1}/integrations/docker-swarm/deliveries/route.ts`;

/** A freshly made docker-swarm integration must deliver what is bound to a service of its namespace. */
async function createdIntegrationDelivers(result: ApiResult, prepared: Call) {
  const deliveries = await loadHandler({ file: DOCKER_SWARM_DELIVERY_FILE, method: "POST" });
  const [service, secretName, value] = prepared.expect!.split("\n") as [string, string, string];
  const read = await call(deliveries, { token: result.body?.token, body: { SecretName: secretName, ServiceName: service } });
  expect(read.status, `the new integration delivers: ${read.text.slice(0, 200)}`).toBe(200);
  expect(Buffer.from(read.body.value, "base64").toString()).toBe(value);
}

/** A renewed docker-swarm integration delivers with its new token, and its old one is refused at once. */
async function renewedIntegrationDelivers(result: ApiResult, prepared: Call) {
  const [service, secretName, value, oldToken] = prepared.expect!.split("\n") as [string, string, string, string];
  await createdIntegrationDelivers(result, { ...prepared, expect: [service, secretName, value].join("\n") });
  const deliveries = await loadHandler({ file: DOCKER_SWARM_DELIVERY_FILE, method: "POST" });
  const old = await call(deliveries, { token: oldToken, body: { SecretName: secretName, ServiceName: service } });
  expect(old.status, "the replaced token is refused").toBe(401);
}

export const INTEGRATION_ROUTES: RouteEntry[] = [
  {
    method: "GET",
    path: `${ns}/integrations`,
    auth: "personal",
    ok: 200,
    file: `${nsd}/integrations/route.ts`,
    prepare: async () => ({ params: { ns: NS } }),
  },
  {
    method: "POST",
    path: `${ns}/integrations`,
    auth: "personal",
    ok: 201,
    file: `${nsd}/integrations/route.ts`,
    prepare: async () => {
      const bound = await boundService();
      return {
        params: { ns: NS },
        body: { kind: "docker-swarm", name: unique("swarm") },
        expect: [bound.name, bound.secretName, bound.value].join("\n"),
      };
    },
    after: createdIntegrationDelivers,
  },
  {
    method: "POST",
    path: `${ns}/integrations?kind=kubernetes-kms`,
    auth: "personal",
    ok: 201,
    file: `${nsd}/integrations/route.ts`,
    prepare: async () => ({ params: { ns: NS }, body: { kind: "kubernetes-kms", name: unique("kms") } }),
  },
  {
    method: "DELETE",
    path: `${ns}/integrations/{id}`,
    auth: "personal",
    ok: 204,
    file: `${nsd}/integrations/[id]/route.ts`,
    prepare: async () => {
      const made = await createIntegration(system, NS, { kind: "kubernetes-kms", name: unique("gone") });
      return { params: { ns: NS, id: made.id } };
    },
  },
  // Renewing a token is minting one, so its permissions are create's, per kind.
  {
    method: "POST",
    path: `${ns}/integrations/{id}/token`,
    auth: "personal",
    ok: 200,
    file: `${nsd}/integrations/[id]/token/route.ts`,
    prepare: async () => {
      const bound = await boundService();
      const made = await createIntegration(system, NS, { kind: "docker-swarm", name: unique("renew") });
      return { params: { ns: NS, id: made.id }, body: {}, expect: [bound.name, bound.secretName, bound.value, made.token].join("\n") };
    },
    after: renewedIntegrationDelivers,
  },
  {
    method: "POST",
    path: `${ns}/integrations/{id}/token?kind=kubernetes-kms`,
    auth: "personal",
    ok: 200,
    file: `${nsd}/integrations/[id]/token/route.ts`,
    prepare: async () => {
      const made = await createIntegration(system, NS, { kind: "kubernetes-kms", name: unique("renew-kms") });
      return { params: { ns: NS, id: made.id }, body: {} };
    },
  },
  { method: "POST", path: "/api/v1/integrations/docker-swarm/deliveries", auth: "integration", ok: 200, file: DOCKER_SWARM_DELIVERY_FILE },
  // A kube-apiserver's KMS plugin (lib/integrations/kms): kubernetes-kms tokens only; allowed and denied calls in tests/http/kubernetes-kms.int.test.ts.
  {
    method: "GET",
    path: "/api/v1/integrations/kubernetes-kms/status",
    auth: "integration",
    ok: 200,
    file: `${v1}/integrations/kubernetes-kms/status/route.ts`,
  },
  {
    method: "POST",
    path: "/api/v1/integrations/kubernetes-kms/encrypt",
    auth: "integration",
    ok: 200,
    file: `${v1}/integrations/kubernetes-kms/encrypt/route.ts`,
  },
  {
    method: "POST",
    path: "/api/v1/integrations/kubernetes-kms/decrypt",
    auth: "integration",
    ok: 200,
    file: `${v1}/integrations/kubernetes-kms/decrypt/route.ts`,
  },
];

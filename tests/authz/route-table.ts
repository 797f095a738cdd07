// THE authorization matrix: every API route with the permission it needs
// and how to call it. authorization-matrix.int.test.ts drives every
// built-in role through every entry; route-table.test.ts fails when a route
// file has no entry here.
import { randomBytes } from "node:crypto";
import { systemActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { cancelRewrap } from "@/lib/keys/cancel-rewrap";
import type { Permission } from "@/lib/rbac/permissions";
import { createSecret } from "@/lib/secrets/create-secret";
import { deleteSecret } from "@/lib/secrets/delete-secret";
import { addBinding } from "@/lib/services/bindings";
import { createService } from "@/lib/services/manage-services";
import { createServiceToken } from "@/lib/services/service-tokens";
import { inviteMember } from "@/lib/team/invites";
import { grantRole } from "@/lib/team/grants";
import { createRole } from "@/lib/team/roles";
import { createNamespace } from "@/lib/namespaces/create-namespace";
import { hashPassword } from "@/lib/auth/password";

export type Call = { params?: Record<string, unknown>; body?: unknown; query?: string };

export type RouteEntry = {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** As in the OpenAPI document. */
  path: string;
  /** The permission the route needs; `public`, `authenticated` or `service` for the others. */
  permission: Permission | "public" | "authenticated" | "service";
  /** Where the permission must be held. */
  scope: "namespace" | "global" | "none";
  /** Status when allowed. */
  ok: number;
  /** Arranges fresh state for one attempt (as the system actor) and says how to call. */
  prepare?: () => Promise<Call>;
  load: () => Promise<object>;
};

const system = systemActor();
const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;
const NS = "default";

async function secret(data = "value") {
  const name = unique("s");
  await createSecret(system, NS, { name, stringData: { value: data } });
  return name;
}

async function deletedSecret() {
  const name = await secret();
  await deleteSecret(system, NS, name);
  return name;
}

async function service() {
  const name = unique("svc");
  await createService(system, NS, { name });
  return name;
}

async function member() {
  const user = await db.user.create({
    data: { id: `usr_${randomBytes(8).toString("hex")}`, email: `${unique("m")}@example.com`, name: "M", passwordHash: await hashPassword("matrix member pw") },
  });
  return user.id;
}


export const ROUTES: RouteEntry[] = [
  { method: "GET", path: "/api/health", permission: "public", scope: "none", ok: 200, load: () => import("@/app/api/health/route") },
  { method: "POST", path: "/api/v1/setup", permission: "public", scope: "none", ok: 201, load: () => import("@/app/api/v1/setup/route") },
  { method: "POST", path: "/api/v1/auth/token", permission: "public", scope: "none", ok: 201, load: () => import("@/app/api/v1/auth/token/route") },
  { method: "POST", path: "/api/v1/invites/accept", permission: "public", scope: "none", ok: 201, load: () => import("@/app/api/v1/invites/accept/route") },
  { method: "POST", path: "/api/v1/password-reset", permission: "public", scope: "none", ok: 204, load: () => import("@/app/api/v1/password-reset/route") },
  { method: "GET", path: "/api/v1/openapi.json", permission: "public", scope: "none", ok: 200, load: () => import("@/app/api/v1/openapi.json/route") },
  { method: "GET", path: "/api/v1/runtime/secrets", permission: "service", scope: "none", ok: 200, load: () => import("@/app/api/v1/runtime/secrets/route") },

  { method: "GET", path: "/api/v1/namespaces", permission: "authenticated", scope: "none", ok: 200, load: () => import("@/app/api/v1/namespaces/route") },
  { method: "POST", path: "/api/v1/namespaces", permission: "namespace:manage", scope: "global", ok: 201, load: () => import("@/app/api/v1/namespaces/route"), prepare: async () => ({ body: { name: unique("ns") } }) },
  {
    method: "DELETE", path: "/api/v1/namespaces/{ns}", permission: "namespace:manage", scope: "global", ok: 204, load: () => import("@/app/api/v1/namespaces/[ns]/route"),
    prepare: async () => ({ params: { ns: (await createNamespace(system, { name: unique("gone") })).name } }),
  },

  { method: "GET", path: "/api/v1/namespaces/{ns}/secrets", permission: "secret:list", scope: "namespace", ok: 200, load: () => import("@/app/api/v1/namespaces/[ns]/secrets/route"), prepare: async () => ({ params: { ns: NS } }) },
  {
    method: "POST", path: "/api/v1/namespaces/{ns}/secrets", permission: "secret:create", scope: "namespace", ok: 201, load: () => import("@/app/api/v1/namespaces/[ns]/secrets/route"),
    prepare: async () => ({ params: { ns: NS }, body: { name: unique("new"), stringData: { value: "x" } } }),
  },
  { method: "GET", path: "/api/v1/namespaces/{ns}/secrets/{name}", permission: "secret:inspect", scope: "namespace", ok: 200, load: () => import("@/app/api/v1/namespaces/[ns]/secrets/[name]/route"), prepare: async () => ({ params: { ns: NS, name: await secret() } }) },
  { method: "PATCH", path: "/api/v1/namespaces/{ns}/secrets/{name}", permission: "secret:update", scope: "namespace", ok: 200, load: () => import("@/app/api/v1/namespaces/[ns]/secrets/[name]/route"), prepare: async () => ({ params: { ns: NS, name: await secret() }, body: { labels: { a: "b" } } }) },
  { method: "DELETE", path: "/api/v1/namespaces/{ns}/secrets/{name}", permission: "secret:delete", scope: "namespace", ok: 204, load: () => import("@/app/api/v1/namespaces/[ns]/secrets/[name]/route"), prepare: async () => ({ params: { ns: NS, name: await secret() } }) },
  { method: "DELETE", path: "/api/v1/namespaces/{ns}/secrets/{name}?purge=true", permission: "secret:purge", scope: "namespace", ok: 204, load: () => import("@/app/api/v1/namespaces/[ns]/secrets/[name]/route"), prepare: async () => ({ params: { ns: NS, name: await deletedSecret() }, query: "?purge=true" }) },
  { method: "GET", path: "/api/v1/namespaces/{ns}/secrets/{name}/versions", permission: "secret:inspect", scope: "namespace", ok: 200, load: () => import("@/app/api/v1/namespaces/[ns]/secrets/[name]/versions/route"), prepare: async () => ({ params: { ns: NS, name: await secret() } }) },
  { method: "POST", path: "/api/v1/namespaces/{ns}/secrets/{name}/versions", permission: "secret:update", scope: "namespace", ok: 201, load: () => import("@/app/api/v1/namespaces/[ns]/secrets/[name]/versions/route"), prepare: async () => ({ params: { ns: NS, name: await secret() }, body: { stringData: { value: "y" } } }) },
  {
    method: "POST", path: "/api/v1/namespaces/{ns}/secrets/{name}/rollback", permission: "secret:update", scope: "namespace", ok: 200, load: () => import("@/app/api/v1/namespaces/[ns]/secrets/[name]/rollback/route"),
    prepare: async () => {
      const name = await secret();
      const { rotateSecret } = await import("@/lib/secrets/rotate-secret");
      await rotateSecret(system, NS, name, { stringData: { value: "v2" } });
      return { params: { ns: NS, name }, body: { version: 1 } };
    },
  },
  { method: "POST", path: "/api/v1/namespaces/{ns}/secrets/{name}/restore", permission: "secret:delete", scope: "namespace", ok: 200, load: () => import("@/app/api/v1/namespaces/[ns]/secrets/[name]/restore/route"), prepare: async () => ({ params: { ns: NS, name: await deletedSecret() } }) },
  { method: "GET", path: "/api/v1/namespaces/{ns}/secrets/{name}/value", permission: "secret:reveal", scope: "namespace", ok: 200, load: () => import("@/app/api/v1/namespaces/[ns]/secrets/[name]/value/route"), prepare: async () => ({ params: { ns: NS, name: await secret() } }) },
  { method: "GET", path: "/api/v1/namespaces/{ns}/deleted-secrets", permission: "secret:list", scope: "namespace", ok: 200, load: () => import("@/app/api/v1/namespaces/[ns]/deleted-secrets/route"), prepare: async () => ({ params: { ns: NS } }) },

  { method: "GET", path: "/api/v1/namespaces/{ns}/services", permission: "service:list", scope: "namespace", ok: 200, load: () => import("@/app/api/v1/namespaces/[ns]/services/route"), prepare: async () => ({ params: { ns: NS } }) },
  { method: "POST", path: "/api/v1/namespaces/{ns}/services", permission: "service:create", scope: "namespace", ok: 201, load: () => import("@/app/api/v1/namespaces/[ns]/services/route"), prepare: async () => ({ params: { ns: NS }, body: { name: unique("svc") } }) },
  { method: "GET", path: "/api/v1/namespaces/{ns}/services/{name}", permission: "service:inspect", scope: "namespace", ok: 200, load: () => import("@/app/api/v1/namespaces/[ns]/services/[name]/route"), prepare: async () => ({ params: { ns: NS, name: await service() } }) },
  { method: "PATCH", path: "/api/v1/namespaces/{ns}/services/{name}", permission: "service:update", scope: "namespace", ok: 200, load: () => import("@/app/api/v1/namespaces/[ns]/services/[name]/route"), prepare: async () => ({ params: { ns: NS, name: await service() }, body: { description: "d" } }) },
  { method: "DELETE", path: "/api/v1/namespaces/{ns}/services/{name}", permission: "service:delete", scope: "namespace", ok: 204, load: () => import("@/app/api/v1/namespaces/[ns]/services/[name]/route"), prepare: async () => ({ params: { ns: NS, name: await service() } }) },
  { method: "GET", path: "/api/v1/namespaces/{ns}/services/{name}/bindings", permission: "service:inspect", scope: "namespace", ok: 200, load: () => import("@/app/api/v1/namespaces/[ns]/services/[name]/bindings/route"), prepare: async () => ({ params: { ns: NS, name: await service() } }) },
  { method: "POST", path: "/api/v1/namespaces/{ns}/services/{name}/bindings", permission: "binding:manage", scope: "namespace", ok: 201, load: () => import("@/app/api/v1/namespaces/[ns]/services/[name]/bindings/route"), prepare: async () => ({ params: { ns: NS, name: await service() }, body: { secret: await secret() } }) },
  {
    method: "DELETE", path: "/api/v1/namespaces/{ns}/services/{name}/bindings/{target}", permission: "binding:manage", scope: "namespace", ok: 204, load: () => import("@/app/api/v1/namespaces/[ns]/services/[name]/bindings/[...target]/route"),
    prepare: async () => {
      const [name, secretName] = [await service(), await secret()];
      await addBinding(system, NS, name, { secret: secretName });
      return { params: { ns: NS, name, target: [secretName] } };
    },
  },
  { method: "GET", path: "/api/v1/namespaces/{ns}/services/{name}/tokens", permission: "service:inspect", scope: "namespace", ok: 200, load: () => import("@/app/api/v1/namespaces/[ns]/services/[name]/tokens/route"), prepare: async () => ({ params: { ns: NS, name: await service() } }) },
  { method: "POST", path: "/api/v1/namespaces/{ns}/services/{name}/tokens", permission: "servicetoken:manage", scope: "namespace", ok: 201, load: () => import("@/app/api/v1/namespaces/[ns]/services/[name]/tokens/route"), prepare: async () => ({ params: { ns: NS, name: await service() }, body: {} }) },
  {
    method: "DELETE", path: "/api/v1/namespaces/{ns}/services/{name}/tokens/{id}", permission: "servicetoken:manage", scope: "namespace", ok: 204, load: () => import("@/app/api/v1/namespaces/[ns]/services/[name]/tokens/[id]/route"),
    prepare: async () => {
      const name = await service();
      const token = await createServiceToken(system, NS, name, {});
      return { params: { ns: NS, name, id: token.id } };
    },
  },

  { method: "GET", path: "/api/v1/encryption", permission: "key:manage", scope: "global", ok: 200, load: () => import("@/app/api/v1/encryption/route") },
  {
    method: "POST", path: "/api/v1/encryption", permission: "key:manage", scope: "global", ok: 202, load: () => import("@/app/api/v1/encryption/route"),
    prepare: async () => {
      await cancelRewrap(system).catch(() => undefined);
      return { body: { action: "rewrap" } };
    },
  },

  { method: "GET", path: "/api/v1/audit", permission: "audit:read", scope: "global", ok: 200, load: () => import("@/app/api/v1/audit/route"), prepare: async () => ({ query: "?limit=5&action=secret." }) },
  { method: "GET", path: "/api/v1/audit/export", permission: "audit:export", scope: "global", ok: 200, load: () => import("@/app/api/v1/audit/export/route"), prepare: async () => ({ query: "?format=jsonl&outcome=denied" }) },
  { method: "GET", path: "/api/v1/audit/stats", permission: "audit:read", scope: "global", ok: 200, load: () => import("@/app/api/v1/audit/stats/route") },
  { method: "GET", path: "/api/v1/audit/verify", permission: "audit:read", scope: "global", ok: 200, load: () => import("@/app/api/v1/audit/verify/route") },
  { method: "POST", path: "/api/v1/audit/verify", permission: "audit:read", scope: "global", ok: 200, load: () => import("@/app/api/v1/audit/verify/route"), prepare: async () => ({ body: { wait: true } }) },

  { method: "GET", path: "/api/v1/users", permission: "member:list", scope: "global", ok: 200, load: () => import("@/app/api/v1/users/route") },
  { method: "GET", path: "/api/v1/users/{id}", permission: "member:list", scope: "global", ok: 200, load: () => import("@/app/api/v1/users/[id]/route"), prepare: async () => ({ params: { id: await member() } }) },
  { method: "PATCH", path: "/api/v1/users/{id}", permission: "member:manage", scope: "global", ok: 200, load: () => import("@/app/api/v1/users/[id]/route"), prepare: async () => ({ params: { id: await member() }, body: { disabled: true } }) },
  { method: "DELETE", path: "/api/v1/users/{id}", permission: "member:manage", scope: "global", ok: 204, load: () => import("@/app/api/v1/users/[id]/route"), prepare: async () => ({ params: { id: await member() } }) },
  { method: "POST", path: "/api/v1/users/{id}/password-reset", permission: "member:manage", scope: "global", ok: 201, load: () => import("@/app/api/v1/users/[id]/password-reset/route"), prepare: async () => ({ params: { id: await member() } }) },
  { method: "GET", path: "/api/v1/invites", permission: "member:list", scope: "global", ok: 200, load: () => import("@/app/api/v1/invites/route") },
  { method: "POST", path: "/api/v1/invites", permission: "member:manage", scope: "global", ok: 201, load: () => import("@/app/api/v1/invites/route"), prepare: async () => ({ body: { email: `${unique("inv")}@example.com`, role: "viewer" } }) },
  {
    method: "DELETE", path: "/api/v1/invites/{id}", permission: "member:manage", scope: "global", ok: 204, load: () => import("@/app/api/v1/invites/[id]/route"),
    prepare: async () => ({ params: { id: (await inviteMember(system, { email: `${unique("inv")}@example.com`, role: "viewer" })).id } }),
  },
  { method: "GET", path: "/api/v1/roles", permission: "member:list", scope: "global", ok: 200, load: () => import("@/app/api/v1/roles/route") },
  { method: "POST", path: "/api/v1/roles", permission: "role:manage", scope: "global", ok: 201, load: () => import("@/app/api/v1/roles/route"), prepare: async () => ({ body: { name: unique("r"), permissions: ["secret:list"] } }) },
  {
    method: "PATCH", path: "/api/v1/roles/{name}", permission: "role:manage", scope: "global", ok: 200, load: () => import("@/app/api/v1/roles/[name]/route"),
    prepare: async () => ({ params: { name: (await createRole(system, { name: unique("r"), permissions: ["secret:list"] })).name }, body: { description: "changed" } }),
  },
  {
    method: "DELETE", path: "/api/v1/roles/{name}", permission: "role:manage", scope: "global", ok: 204, load: () => import("@/app/api/v1/roles/[name]/route"),
    prepare: async () => ({ params: { name: (await createRole(system, { name: unique("r"), permissions: ["secret:list"] })).name } }),
  },
  { method: "GET", path: "/api/v1/role-bindings", permission: "member:list", scope: "global", ok: 200, load: () => import("@/app/api/v1/role-bindings/route") },
  { method: "POST", path: "/api/v1/role-bindings", permission: "member:manage", scope: "global", ok: 201, load: () => import("@/app/api/v1/role-bindings/route"), prepare: async () => ({ body: { userId: await member(), role: "viewer", namespace: NS } }) },
  {
    method: "DELETE", path: "/api/v1/role-bindings/{id}", permission: "member:manage", scope: "global", ok: 204, load: () => import("@/app/api/v1/role-bindings/[id]/route"),
    prepare: async () => ({ params: { id: (await grantRole(system, { userId: await member(), role: "viewer", namespace: NS })).id } }),
  },
];

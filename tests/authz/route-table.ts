// How to call every API route: its file, its success status, and the fresh
// state one attempt needs. What each role may do is NOT here: that is the
// hand-written table in expected-*.ts, which never reads the product's role
// table. route-table.test.ts fails when a route file has no entry here or
// no row there.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { sealPending } from "@/lib/audit/log/sequencer";
import { db } from "@/lib/db/client";
import { cancelRewrap } from "@/lib/keys/cancel-rewrap";
import { createNamespace } from "@/lib/namespaces/create-namespace";
import { addBinding } from "@/lib/services/bindings";
import { createServiceToken } from "@/lib/services/service-tokens";
import { inviteMember } from "@/lib/team/invites";
import { grantRole } from "@/lib/team/grants";
import { createRole } from "@/lib/team/roles";
import { call, type ApiResult } from "@/tests/support/api";
import { boundService, deletedSecret, member, NS, secret, service, system, tokenOf, unique } from "./fixtures";

export type Call = { params?: Record<string, unknown>; body?: unknown; query?: string; /** For `after`. */ expect?: string };
export type Handler = Parameters<typeof call>[0];

export type RouteEntry = {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** As in the OpenAPI document (a `?query` marks a second entry for the same handler). */
  path: string;
  /** public: no credential; personal: a member's cfp_ token; service: a cfs_ token. */
  auth: "public" | "personal" | "service";
  /** Status when allowed. */
  ok: number;
  /** The route file, from the repository root. */
  file: string;
  /** Arranges fresh state for one attempt and says how to call. */
  prepare?: () => Promise<Call>;
  /** After an allowed call: what else the success must have done. */
  after?: (result: ApiResult, prepared: Call) => Promise<void>;
};

/** Seals what is committed and names the newest sealed event and the tree's size, for the proof routes. */
async function sealedEvent(): Promise<{ seq: string; size: number }> {
  await sealPending("authz-matrix");
  const leaf = await db.auditLeaf.findFirstOrThrow({ orderBy: { leafIndex: "desc" } });
  return { seq: leaf.seq.toString(), size: Number(leaf.leafIndex) + 1 };
}

/** The route's module, or a failure that says the file is not there (yet). */
export async function loadHandler(entry: Pick<RouteEntry, "file" | "method">): Promise<Handler> {
  const absolute = join(process.cwd(), entry.file);
  if (!existsSync(absolute)) throw new Error(`${entry.file} does not exist: the route is not implemented`);
  const routeModule = (await import(/* @vite-ignore */ absolute)) as Record<string, unknown>;
  const handler = routeModule[entry.method];
  if (typeof handler !== "function") throw new Error(`${entry.file} does not export ${entry.method}`);
  return handler as Handler;
}

export const RUNTIME_FILE = "app/api/v1/runtime/secrets/route.ts";

/** A freshly minted service token must read what is bound to its service. */
async function mintedTokenReads(result: ApiResult, prepared: Call) {
  const runtime = await loadHandler({ file: RUNTIME_FILE, method: "GET" });
  const read = await call(runtime, { token: result.body?.token });
  expect(read.status, `the minted token reads the runtime API: ${read.text.slice(0, 200)}`).toBe(200);
  const values = (read.body?.secrets ?? []).flatMap((s: { files: { data: string }[] }) => s.files.map((f) => Buffer.from(f.data, "base64").toString()));
  expect(values).toContain(prepared.expect);
}

const v1 = "app/api/v1";
const nsd = `${v1}/namespaces/[ns]`;
const ns = "/api/v1/namespaces/{ns}";

export const ROUTES: RouteEntry[] = [
  { method: "GET", path: "/api/health", auth: "public", ok: 200, file: "app/api/health/route.ts" },
  { method: "POST", path: "/api/v1/setup", auth: "public", ok: 201, file: `${v1}/setup/route.ts` },
  { method: "POST", path: "/api/v1/auth/token", auth: "public", ok: 201, file: `${v1}/auth/token/route.ts` },
  { method: "POST", path: "/api/v1/invites/accept", auth: "public", ok: 201, file: `${v1}/invites/accept/route.ts` },
  { method: "POST", path: "/api/v1/password-reset", auth: "public", ok: 204, file: `${v1}/password-reset/route.ts` },
  { method: "POST", path: "/api/v1/password-reset/check", auth: "public", ok: 200, file: `${v1}/password-reset/check/route.ts` },
  { method: "GET", path: "/api/v1/openapi.json", auth: "public", ok: 200, file: `${v1}/openapi.json/route.ts` },
  { method: "GET", path: "/api/v1/runtime/secrets", auth: "service", ok: 200, file: RUNTIME_FILE },

  { method: "GET", path: "/api/v1/me", auth: "personal", ok: 200, file: `${v1}/me/route.ts` },
  { method: "GET", path: "/api/v1/namespaces", auth: "personal", ok: 200, file: `${v1}/namespaces/route.ts` },
  { method: "POST", path: "/api/v1/namespaces", auth: "personal", ok: 201, file: `${v1}/namespaces/route.ts`, prepare: async () => ({ body: { name: unique("ns") } }) },
  {
    method: "DELETE", path: "/api/v1/namespaces/{ns}", auth: "personal", ok: 204, file: `${nsd}/route.ts`,
    prepare: async () => ({ params: { ns: (await createNamespace(system, { name: unique("gone") })).name } }),
  },

  { method: "GET", path: `${ns}/secrets`, auth: "personal", ok: 200, file: `${nsd}/secrets/route.ts`, prepare: async () => ({ params: { ns: NS } }) },
  { method: "POST", path: `${ns}/secrets`, auth: "personal", ok: 201, file: `${nsd}/secrets/route.ts`, prepare: async () => ({ params: { ns: NS }, body: { name: unique("new"), stringData: { value: "x" } } }) },
  { method: "GET", path: `${ns}/secrets/{name}`, auth: "personal", ok: 200, file: `${nsd}/secrets/[name]/route.ts`, prepare: async () => ({ params: { ns: NS, name: await secret() } }) },
  { method: "PATCH", path: `${ns}/secrets/{name}`, auth: "personal", ok: 200, file: `${nsd}/secrets/[name]/route.ts`, prepare: async () => ({ params: { ns: NS, name: await secret() }, body: { labels: { a: "b" } } }) },
  { method: "DELETE", path: `${ns}/secrets/{name}`, auth: "personal", ok: 204, file: `${nsd}/secrets/[name]/route.ts`, prepare: async () => ({ params: { ns: NS, name: await secret() } }) },
  { method: "DELETE", path: `${ns}/secrets/{name}?purge=true`, auth: "personal", ok: 204, file: `${nsd}/secrets/[name]/route.ts`, prepare: async () => ({ params: { ns: NS, name: await deletedSecret() }, query: "?purge=true" }) },
  { method: "GET", path: `${ns}/secrets/{name}/versions`, auth: "personal", ok: 200, file: `${nsd}/secrets/[name]/versions/route.ts`, prepare: async () => ({ params: { ns: NS, name: await secret() } }) },
  { method: "POST", path: `${ns}/secrets/{name}/versions`, auth: "personal", ok: 201, file: `${nsd}/secrets/[name]/versions/route.ts`, prepare: async () => ({ params: { ns: NS, name: await secret() }, body: { stringData: { value: "y" } } }) },
  {
    method: "POST", path: `${ns}/secrets/{name}/rollback`, auth: "personal", ok: 200, file: `${nsd}/secrets/[name]/rollback/route.ts`,
    prepare: async () => {
      const name = await secret();
      const { rotateSecret } = await import("@/lib/secrets/rotate-secret");
      await rotateSecret(system, NS, name, { stringData: { value: "v2" } });
      return { params: { ns: NS, name }, body: { version: 1 } };
    },
  },
  { method: "POST", path: `${ns}/secrets/{name}/restore`, auth: "personal", ok: 200, file: `${nsd}/secrets/[name]/restore/route.ts`, prepare: async () => ({ params: { ns: NS, name: await deletedSecret() } }) },
  { method: "GET", path: `${ns}/secrets/{name}/value`, auth: "personal", ok: 200, file: `${nsd}/secrets/[name]/value/route.ts`, prepare: async () => ({ params: { ns: NS, name: await secret() } }) },
  { method: "GET", path: `${ns}/deleted-secrets`, auth: "personal", ok: 200, file: `${nsd}/deleted-secrets/route.ts`, prepare: async () => ({ params: { ns: NS } }) },

  { method: "GET", path: `${ns}/services`, auth: "personal", ok: 200, file: `${nsd}/services/route.ts`, prepare: async () => ({ params: { ns: NS } }) },
  { method: "POST", path: `${ns}/services`, auth: "personal", ok: 201, file: `${nsd}/services/route.ts`, prepare: async () => ({ params: { ns: NS }, body: { name: unique("svc") } }) },
  { method: "GET", path: `${ns}/services/{name}`, auth: "personal", ok: 200, file: `${nsd}/services/[name]/route.ts`, prepare: async () => ({ params: { ns: NS, name: await service() } }) },
  { method: "PATCH", path: `${ns}/services/{name}`, auth: "personal", ok: 200, file: `${nsd}/services/[name]/route.ts`, prepare: async () => ({ params: { ns: NS, name: await service() }, body: { description: "d" } }) },
  { method: "DELETE", path: `${ns}/services/{name}`, auth: "personal", ok: 204, file: `${nsd}/services/[name]/route.ts`, prepare: async () => ({ params: { ns: NS, name: await service() } }) },
  { method: "GET", path: `${ns}/services/{name}/bindings`, auth: "personal", ok: 200, file: `${nsd}/services/[name]/bindings/route.ts`, prepare: async () => ({ params: { ns: NS, name: await service() } }) },
  { method: "POST", path: `${ns}/services/{name}/bindings`, auth: "personal", ok: 201, file: `${nsd}/services/[name]/bindings/route.ts`, prepare: async () => ({ params: { ns: NS, name: await service() }, body: { secret: await secret() } }) },
  {
    method: "DELETE", path: `${ns}/services/{name}/bindings/{target}`, auth: "personal", ok: 204, file: `${nsd}/services/[name]/bindings/[...target]/route.ts`,
    prepare: async () => {
      const [name, secretName] = [await service(), await secret()];
      await addBinding(system, NS, name, { secret: secretName });
      return { params: { ns: NS, name, target: [secretName] } };
    },
  },
  { method: "GET", path: `${ns}/services/{name}/tokens`, auth: "personal", ok: 200, file: `${nsd}/services/[name]/tokens/route.ts`, prepare: async () => ({ params: { ns: NS, name: await service() } }) },
  {
    method: "POST", path: `${ns}/services/{name}/tokens`, auth: "personal", ok: 201, file: `${nsd}/services/[name]/tokens/route.ts`,
    prepare: async () => {
      const bound = await boundService();
      return { params: { ns: NS, name: bound.name }, body: {}, expect: bound.value };
    },
    after: mintedTokenReads,
  },
  {
    method: "DELETE", path: `${ns}/services/{name}/tokens/{id}`, auth: "personal", ok: 204, file: `${nsd}/services/[name]/tokens/[id]/route.ts`,
    prepare: async () => {
      const name = await service();
      const token = await createServiceToken(system, NS, name, {});
      return { params: { ns: NS, name, id: token.id } };
    },
  },

  { method: "GET", path: "/api/v1/encryption", auth: "personal", ok: 200, file: `${v1}/encryption/route.ts` },
  {
    method: "POST", path: "/api/v1/encryption", auth: "personal", ok: 202, file: `${v1}/encryption/route.ts`,
    prepare: async () => {
      await cancelRewrap(system).catch(() => undefined);
      return { body: { action: "rewrap" } };
    },
  },

  { method: "GET", path: "/api/v1/audit", auth: "personal", ok: 200, file: `${v1}/audit/route.ts`, prepare: async () => ({ query: "?limit=5&action=secret." }) },
  { method: "GET", path: "/api/v1/audit/export", auth: "personal", ok: 200, file: `${v1}/audit/export/route.ts`, prepare: async () => ({ query: "?format=jsonl&outcome=denied" }) },
  { method: "GET", path: "/api/v1/audit/stats", auth: "personal", ok: 200, file: `${v1}/audit/stats/route.ts` },
  { method: "GET", path: "/api/v1/audit/checkpoints/latest", auth: "personal", ok: 200, file: `${v1}/audit/checkpoints/latest/route.ts` },
  {
    method: "GET",
    path: "/api/v1/audit/checkpoints/consistency",
    auth: "personal",
    ok: 200,
    file: `${v1}/audit/checkpoints/consistency/route.ts`,
    prepare: async () => ({ query: `?from=1&to=${(await sealedEvent()).size}` }),
  },
  {
    method: "GET",
    path: "/api/v1/audit/events/{seq}/proof",
    auth: "personal",
    ok: 200,
    file: `${v1}/audit/events/[seq]/proof/route.ts`,
    prepare: async () => ({ params: { seq: (await sealedEvent()).seq } }),
  },
  { method: "GET", path: "/api/v1/audit/public-key", auth: "personal", ok: 200, file: `${v1}/audit/public-key/route.ts` },
  { method: "GET", path: "/api/v1/audit/verify", auth: "personal", ok: 200, file: `${v1}/audit/verify/route.ts` },
  { method: "POST", path: "/api/v1/audit/verify", auth: "personal", ok: 200, file: `${v1}/audit/verify/route.ts`, prepare: async () => ({ body: { wait: true } }) },

  { method: "GET", path: "/api/v1/users", auth: "personal", ok: 200, file: `${v1}/users/route.ts` },
  { method: "GET", path: "/api/v1/users/{id}", auth: "personal", ok: 200, file: `${v1}/users/[id]/route.ts`, prepare: async () => ({ params: { id: await member() } }) },
  { method: "PATCH", path: "/api/v1/users/{id}", auth: "personal", ok: 200, file: `${v1}/users/[id]/route.ts`, prepare: async () => ({ params: { id: await member() }, body: { disabled: true } }) },
  { method: "DELETE", path: "/api/v1/users/{id}", auth: "personal", ok: 204, file: `${v1}/users/[id]/route.ts`, prepare: async () => ({ params: { id: await member() } }) },
  { method: "POST", path: "/api/v1/users/{id}/password-reset", auth: "personal", ok: 201, file: `${v1}/users/[id]/password-reset/route.ts`, prepare: async () => ({ params: { id: await member() } }) },
  {
    method: "GET", path: "/api/v1/users/{id}/tokens", auth: "personal", ok: 200, file: `${v1}/users/[id]/tokens/route.ts`,
    prepare: async () => {
      const id = await member();
      await tokenOf(id);
      return { params: { id } };
    },
  },
  {
    method: "DELETE", path: "/api/v1/users/{id}/tokens/{tokenId}", auth: "personal", ok: 204, file: `${v1}/users/[id]/tokens/[tokenId]/route.ts`,
    prepare: async () => {
      const id = await member();
      return { params: { id, tokenId: await tokenOf(id) } };
    },
  },
  { method: "GET", path: "/api/v1/invites", auth: "personal", ok: 200, file: `${v1}/invites/route.ts` },
  { method: "POST", path: "/api/v1/invites", auth: "personal", ok: 201, file: `${v1}/invites/route.ts`, prepare: async () => ({ body: { email: `${unique("inv")}@example.com`, role: "viewer" } }) },
  {
    method: "DELETE", path: "/api/v1/invites/{id}", auth: "personal", ok: 204, file: `${v1}/invites/[id]/route.ts`,
    prepare: async () => ({ params: { id: (await inviteMember(system, { email: `${unique("inv")}@example.com`, role: "viewer" })).id } }),
  },
  { method: "GET", path: "/api/v1/roles", auth: "personal", ok: 200, file: `${v1}/roles/route.ts` },
  { method: "POST", path: "/api/v1/roles", auth: "personal", ok: 201, file: `${v1}/roles/route.ts`, prepare: async () => ({ body: { name: unique("r"), permissions: ["secret:list"] } }) },
  {
    method: "PATCH", path: "/api/v1/roles/{name}", auth: "personal", ok: 200, file: `${v1}/roles/[name]/route.ts`,
    prepare: async () => ({ params: { name: (await createRole(system, { name: unique("r"), permissions: ["secret:list"] })).name }, body: { description: "changed", permissions: ["secret:list", "secret:inspect"] } }),
  },
  {
    method: "DELETE", path: "/api/v1/roles/{name}", auth: "personal", ok: 204, file: `${v1}/roles/[name]/route.ts`,
    prepare: async () => ({ params: { name: (await createRole(system, { name: unique("r"), permissions: ["secret:list"] })).name } }),
  },
  { method: "GET", path: "/api/v1/role-bindings", auth: "personal", ok: 200, file: `${v1}/role-bindings/route.ts` },
  { method: "POST", path: "/api/v1/role-bindings", auth: "personal", ok: 201, file: `${v1}/role-bindings/route.ts`, prepare: async () => ({ body: { userId: await member(), role: "viewer", namespace: NS } }) },
  {
    method: "DELETE", path: "/api/v1/role-bindings/{id}", auth: "personal", ok: 204, file: `${v1}/role-bindings/[id]/route.ts`,
    prepare: async () => ({ params: { id: (await grantRole(system, { userId: await member(), role: "viewer", namespace: NS })).id } }),
  },
];

export const routeKey = (entry: Pick<RouteEntry, "method" | "path">) => `${entry.method} ${entry.path}`;

export function routeOf(key: string): RouteEntry {
  const entry = ROUTES.find((r) => routeKey(r) === key);
  if (!entry) throw new Error(`${key} is not in tests/authz/route-table.ts`);
  return entry;
}

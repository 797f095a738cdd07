// Routes inside a namespace: secrets, services, their bindings and tokens.
import { expect } from "vitest";
import { addBinding } from "@/lib/services/bindings";
import { createServiceToken } from "@/lib/services/service-tokens";
import { call, type ApiResult } from "@/tests/support/api";
import { boundService, deletedSecret, NS, secret, service, system, unique } from "./fixtures";
import { loadHandler, ns, nsd, RUNTIME_FILE, type Call, type RouteEntry } from "./route-table-entry";

/** A freshly minted service token must read what is bound to its service. */
async function mintedTokenReads(result: ApiResult, prepared: Call) {
  const runtime = await loadHandler({ file: RUNTIME_FILE, method: "GET" });
  const read = await call(runtime, { token: result.body?.token });
  expect(read.status, `the minted token reads the runtime API: ${read.text.slice(0, 200)}`).toBe(200);
  const values = (read.body?.secrets ?? []).flatMap((s: { files: { data: string }[] }) =>
    s.files.map((f) => Buffer.from(f.data, "base64").toString()),
  );
  expect(values).toContain(prepared.expect);
}

export const NAMESPACED_ROUTES: RouteEntry[] = [
  {
    method: "GET",
    path: `${ns}/secrets`,
    auth: "personal",
    ok: 200,
    file: `${nsd}/secrets/route.ts`,
    prepare: async () => ({ params: { ns: NS } }),
  },
  {
    method: "POST",
    path: `${ns}/secrets`,
    auth: "personal",
    ok: 201,
    file: `${nsd}/secrets/route.ts`,
    prepare: async () => ({ params: { ns: NS }, body: { name: unique("new"), stringData: { value: "x" } } }),
  },
  {
    method: "POST",
    path: `${ns}/manifests`,
    auth: "personal",
    ok: 200,
    file: `${nsd}/manifests/route.ts`,
    prepare: async () => ({
      params: { ns: NS },
      body: { apiVersion: "v1", kind: "Secret", metadata: { name: unique("applied") }, stringData: { value: "x" } },
    }),
  },
  {
    method: "GET",
    path: `${ns}/secrets/{name}`,
    auth: "personal",
    ok: 200,
    file: `${nsd}/secrets/[name]/route.ts`,
    prepare: async () => ({ params: { ns: NS, name: await secret() } }),
  },
  {
    method: "PATCH",
    path: `${ns}/secrets/{name}`,
    auth: "personal",
    ok: 200,
    file: `${nsd}/secrets/[name]/route.ts`,
    prepare: async () => ({ params: { ns: NS, name: await secret() }, body: { labels: { a: "b" } } }),
  },
  {
    method: "DELETE",
    path: `${ns}/secrets/{name}`,
    auth: "personal",
    ok: 204,
    file: `${nsd}/secrets/[name]/route.ts`,
    prepare: async () => ({ params: { ns: NS, name: await secret() } }),
  },
  {
    method: "DELETE",
    path: `${ns}/secrets/{name}?purge=true`,
    auth: "personal",
    ok: 204,
    file: `${nsd}/secrets/[name]/route.ts`,
    prepare: async () => ({ params: { ns: NS, name: await deletedSecret() }, query: "?purge=true" }),
  },
  {
    method: "GET",
    path: `${ns}/secrets/{name}/versions`,
    auth: "personal",
    ok: 200,
    file: `${nsd}/secrets/[name]/versions/route.ts`,
    prepare: async () => ({ params: { ns: NS, name: await secret() } }),
  },
  {
    method: "POST",
    path: `${ns}/secrets/{name}/versions`,
    auth: "personal",
    ok: 201,
    file: `${nsd}/secrets/[name]/versions/route.ts`,
    prepare: async () => ({ params: { ns: NS, name: await secret() }, body: { stringData: { value: "y" } } }),
  },
  {
    method: "POST",
    path: `${ns}/secrets/{name}/rollback`,
    auth: "personal",
    ok: 200,
    file: `${nsd}/secrets/[name]/rollback/route.ts`,
    prepare: async () => {
      const name = await secret();
      const { rotateSecret } = await import("@/lib/secrets/rotate-secret");
      await rotateSecret(system, NS, name, { stringData: { value: "v2" } });
      return { params: { ns: NS, name }, body: { version: 1 } };
    },
  },
  {
    method: "POST",
    path: `${ns}/secrets/{name}/restore`,
    auth: "personal",
    ok: 200,
    file: `${nsd}/secrets/[name]/restore/route.ts`,
    prepare: async () => ({ params: { ns: NS, name: await deletedSecret() } }),
  },
  {
    method: "GET",
    path: `${ns}/secrets/{name}/value`,
    auth: "personal",
    ok: 200,
    file: `${nsd}/secrets/[name]/value/route.ts`,
    prepare: async () => ({ params: { ns: NS, name: await secret() } }),
  },
  {
    method: "GET",
    path: `${ns}/deleted-secrets`,
    auth: "personal",
    ok: 200,
    file: `${nsd}/deleted-secrets/route.ts`,
    prepare: async () => ({ params: { ns: NS } }),
  },

  {
    method: "GET",
    path: `${ns}/services`,
    auth: "personal",
    ok: 200,
    file: `${nsd}/services/route.ts`,
    prepare: async () => ({ params: { ns: NS } }),
  },
  {
    method: "POST",
    path: `${ns}/services`,
    auth: "personal",
    ok: 201,
    file: `${nsd}/services/route.ts`,
    prepare: async () => ({ params: { ns: NS }, body: { name: unique("svc") } }),
  },
  {
    method: "GET",
    path: `${ns}/services/{name}`,
    auth: "personal",
    ok: 200,
    file: `${nsd}/services/[name]/route.ts`,
    prepare: async () => ({ params: { ns: NS, name: await service() } }),
  },
  {
    method: "PATCH",
    path: `${ns}/services/{name}`,
    auth: "personal",
    ok: 200,
    file: `${nsd}/services/[name]/route.ts`,
    prepare: async () => ({ params: { ns: NS, name: await service() }, body: { description: "d" } }),
  },
  {
    method: "DELETE",
    path: `${ns}/services/{name}`,
    auth: "personal",
    ok: 204,
    file: `${nsd}/services/[name]/route.ts`,
    prepare: async () => ({ params: { ns: NS, name: await service() } }),
  },
  {
    method: "GET",
    path: `${ns}/services/{name}/bindings`,
    auth: "personal",
    ok: 200,
    file: `${nsd}/services/[name]/bindings/route.ts`,
    prepare: async () => ({ params: { ns: NS, name: await service() } }),
  },
  {
    method: "POST",
    path: `${ns}/services/{name}/bindings`,
    auth: "personal",
    ok: 201,
    file: `${nsd}/services/[name]/bindings/route.ts`,
    prepare: async () => ({ params: { ns: NS, name: await service() }, body: { secret: await secret() } }),
  },
  {
    method: "DELETE",
    path: `${ns}/services/{name}/bindings/{target}`,
    auth: "personal",
    ok: 204,
    file: `${nsd}/services/[name]/bindings/[...target]/route.ts`,
    prepare: async () => {
      const [name, secretName] = [await service(), await secret()];
      await addBinding(system, NS, name, { secret: secretName });
      return { params: { ns: NS, name, target: [secretName] } };
    },
  },
  {
    method: "GET",
    path: `${ns}/services/{name}/tokens`,
    auth: "personal",
    ok: 200,
    file: `${nsd}/services/[name]/tokens/route.ts`,
    prepare: async () => ({ params: { ns: NS, name: await service() } }),
  },
  {
    method: "POST",
    path: `${ns}/services/{name}/tokens`,
    auth: "personal",
    ok: 201,
    file: `${nsd}/services/[name]/tokens/route.ts`,
    prepare: async () => {
      const bound = await boundService();
      return { params: { ns: NS, name: bound.name }, body: {}, expect: bound.value };
    },
    after: mintedTokenReads,
  },
  {
    method: "DELETE",
    path: `${ns}/services/{name}/tokens/{id}`,
    auth: "personal",
    ok: 204,
    file: `${nsd}/services/[name]/tokens/[id]/route.ts`,
    prepare: async () => {
      const name = await service();
      const token = await createServiceToken(system, NS, name, {});
      return { params: { ns: NS, name, id: token.id } };
    },
  },
];

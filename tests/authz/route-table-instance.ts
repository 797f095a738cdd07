// Instance-wide routes: the public ones, the caller's own account, the
// namespaces themselves and the encryption key.
import { cancelRewrap } from "@/lib/keys/cancel-rewrap";
import { createNamespace } from "@/lib/namespaces/create-namespace";
import { system, unique } from "./fixtures";
import { nsd, RUNTIME_FILE, v1, type RouteEntry } from "./route-table-entry";

export const INSTANCE_ROUTES: RouteEntry[] = [
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
  {
    method: "POST",
    path: "/api/v1/namespaces",
    auth: "personal",
    ok: 201,
    file: `${v1}/namespaces/route.ts`,
    prepare: async () => ({ body: { name: unique("ns") } }),
  },
  {
    method: "DELETE",
    path: "/api/v1/namespaces/{ns}",
    auth: "personal",
    ok: 204,
    file: `${nsd}/route.ts`,
    prepare: async () => ({ params: { ns: (await createNamespace(system, { name: unique("gone") })).name } }),
  },
];

export const ENCRYPTION_ROUTES: RouteEntry[] = [
  { method: "GET", path: "/api/v1/encryption", auth: "personal", ok: 200, file: `${v1}/encryption/route.ts` },
  {
    method: "POST",
    path: "/api/v1/encryption",
    auth: "personal",
    ok: 202,
    file: `${v1}/encryption/route.ts`,
    prepare: async () => {
      await cancelRewrap(system).catch(() => undefined);
      return { body: { action: "rewrap" } };
    },
  },
];

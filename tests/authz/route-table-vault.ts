// The Vault KV v2-compatible API (/v1) for members' tokens: every route and
// method, on the mount `secret` (the namespace `default`, where the matrix
// acts). Catch-all segments ([...name], [...path]) arrive as arrays, as
// Next passes them. A `?…` in a path tells two entries of one operation
// apart (a create and a rotate; a delete of a live and of a deleted
// secret). Service-token, integration-token and no-token calls are rows
// of their own in expected-vault.ts.
import { expect } from "vitest";
import { db } from "@/lib/db/client";
import { revealSecretEntries } from "@/lib/secrets/reveal-secret";
import { call, type ApiResult } from "@/tests/support/api";
import { deletedSecret, NS, secret, system, unique } from "./fixtures";
import { loadHandler, type Call, type RouteEntry } from "./route-table-entry";

export const VAULT_MOUNT = "secret";
const app = "app/v1";
const kv = `${app}/[mount]`;
export const VAULT_DATA_FILE = `${kv}/data/[...name]/route.ts`;
export const VAULT_METADATA_FILE = `${kv}/metadata/[...name]/route.ts`;
export const VAULT_LOOKUP_SELF_FILE = `${app}/auth/token/lookup-self/route.ts`;
const data = "/v1/{mount}/data/{name}";
const metadata = "/v1/{mount}/metadata";

/** The call for one secret of `default` under the mount `secret`. */
const at = (name: string, extra: Omit<Call, "params"> = {}): Call => ({ params: { mount: VAULT_MOUNT, name: [name] }, ...extra });
const nameOf = (prepared: Call) => (prepared.params!.name as string[])[0]!;

async function row(prepared: Call) {
  return db.secret.findFirst({
    where: { name: nameOf(prepared), namespace: { name: NS } },
    select: { currentVersion: true, deletedAt: true, labels: true },
  });
}

async function valuesOf(prepared: Call): Promise<Record<string, string>> {
  const read = await revealSecretEntries(system, NS, nameOf(prepared));
  return Object.fromEntries([...read.entries].map(([key, bytes]) => [key, bytes.toString("utf8")]));
}

/** A write answer names the version it wrote, and the store holds exactly the values sent. */
const wrote = (version: number, values: Record<string, string>) => async (result: ApiResult, prepared: Call) => {
  expect(result.body?.data?.version, "the version written").toBe(version);
  expect((await row(prepared))?.currentVersion).toBe(version);
  expect(await valuesOf(prepared)).toEqual(values);
};

async function isDeleted(_result: ApiResult, prepared: Call) {
  expect((await row(prepared))?.deletedAt, "the secret is in its recovery window").not.toBeNull();
}

async function isLive(_result: ApiResult, prepared: Call) {
  expect((await row(prepared))?.deletedAt, "the secret is back").toBeNull();
}

async function isPurged(_result: ApiResult, prepared: Call) {
  expect(await row(prepared), "the secret is gone for good").toBeNull();
}

async function labelled(_result: ApiResult, prepared: Call) {
  expect((await row(prepared))?.labels).toEqual((prepared.body as { custom_metadata: object }).custom_metadata);
}

/** A revoked token is refused at once, in Vault's words. */
async function tokenRefused(_result: ApiResult, prepared: Call) {
  const lookup = await call(await loadHandler({ file: VAULT_LOOKUP_SELF_FILE, method: "GET" }), { token: prepared.token });
  expect(lookup.status, "the revoked token looks itself up").toBe(403);
  expect(lookup.body?.errors?.[0]).toMatch(/^permission denied/);
}

export const VAULT_ROUTES: RouteEntry[] = [
  {
    method: "GET",
    path: data,
    auth: "personal",
    ok: 200,
    file: VAULT_DATA_FILE,
    prepare: async () => at(await secret()),
    after: async (result) => {
      expect(result.body?.data?.data).toEqual({ value: "matrix-value" });
      expect(result.body?.data?.metadata?.version).toBe(1);
    },
  },
  {
    method: "POST",
    path: data,
    auth: "personal",
    ok: 200,
    file: VAULT_DATA_FILE,
    prepare: async () => at(unique("kv"), { body: { data: { value: "created" } } }),
    after: wrote(1, { value: "created" }),
  },
  // A rotation is secret:update, not secret:create; cas names the version the caller last saw.
  {
    method: "POST",
    path: `${data}?rotate`,
    auth: "personal",
    ok: 200,
    file: VAULT_DATA_FILE,
    prepare: async () => at(await secret(), { body: { data: { value: "rotated" }, options: { cas: 1 } } }),
    after: wrote(2, { value: "rotated" }),
  },
  {
    method: "PUT",
    path: data,
    auth: "personal",
    ok: 200,
    file: VAULT_DATA_FILE,
    prepare: async () => at(unique("kv"), { body: { data: { value: "put" }, options: { cas: 0 } } }),
    after: wrote(1, { value: "put" }),
  },
  {
    method: "PATCH",
    path: data,
    auth: "personal",
    ok: 200,
    file: VAULT_DATA_FILE,
    prepare: async () => at(await secret(), { body: { data: { added: "a" } } }),
    after: wrote(2, { value: "matrix-value", added: "a" }),
  },
  {
    method: "DELETE",
    path: data,
    auth: "personal",
    ok: 204,
    file: VAULT_DATA_FILE,
    prepare: async () => at(await secret()),
    after: isDeleted,
  },
  {
    method: "GET",
    path: `${metadata}?list=true`,
    auth: "personal",
    ok: 200,
    file: `${kv}/metadata/route.ts`,
    prepare: async () => {
      const name = await secret();
      return { params: { mount: VAULT_MOUNT }, query: "?list=true", expect: name };
    },
    after: async (result, prepared) => expect(result.body?.data?.keys).toContain(prepared.expect),
  },
  {
    method: "GET",
    path: `${metadata}/{name}`,
    auth: "personal",
    ok: 200,
    file: VAULT_METADATA_FILE,
    prepare: async () => at(await secret()),
    after: async (result) => expect(result.body?.data).toMatchObject({ current_version: 1, versions: { 1: { destroyed: false } } }),
  },
  {
    method: "POST",
    path: `${metadata}/{name}`,
    auth: "personal",
    ok: 204,
    file: VAULT_METADATA_FILE,
    prepare: async () => at(await secret(), { body: { custom_metadata: { team: "web" } } }),
    after: labelled,
  },
  {
    method: "PUT",
    path: `${metadata}/{name}`,
    auth: "personal",
    ok: 204,
    file: VAULT_METADATA_FILE,
    prepare: async () => at(await secret(), { body: { custom_metadata: { team: "api" } } }),
    after: labelled,
  },
  // A live secret goes into the recovery window (secret:delete); a deleted one is purged (secret:purge).
  {
    method: "DELETE",
    path: `${metadata}/{name}`,
    auth: "personal",
    ok: 204,
    file: VAULT_METADATA_FILE,
    prepare: async () => at(await secret()),
    after: isDeleted,
  },
  {
    method: "DELETE",
    path: `${metadata}/{name}?deleted`,
    auth: "personal",
    ok: 204,
    file: VAULT_METADATA_FILE,
    prepare: async () => at(await deletedSecret()),
    after: isPurged,
  },
  ...(["POST", "PUT"] as const).flatMap((method): RouteEntry[] => [
    {
      method,
      path: "/v1/{mount}/undelete/{name}",
      auth: "personal",
      ok: 204,
      file: `${kv}/undelete/[...name]/route.ts`,
      prepare: async () => at(await deletedSecret(), { body: { versions: [1] } }),
      after: isLive,
    },
    {
      method,
      path: "/v1/{mount}/destroy/{name}",
      auth: "personal",
      ok: 204,
      file: `${kv}/destroy/[...name]/route.ts`,
      prepare: async () => at(await deletedSecret(), { body: { versions: [1] } }),
      after: isPurged,
    },
    // Coffer deletes whole secrets: a per-version delete is bad input whoever asks.
    {
      method,
      path: "/v1/{mount}/delete/{name}",
      auth: "personal",
      ok: 400,
      file: `${kv}/delete/[...name]/route.ts`,
      prepare: async () => at(await secret(), { body: { versions: [1] } }),
      after: async (result, prepared) => {
        expect(result.body?.errors?.[0]).toMatch(/single versions/);
        expect((await row(prepared))?.deletedAt, "nothing was deleted").toBeNull();
      },
    },
    {
      method,
      path: "/v1/auth/token/revoke-self",
      auth: "personal",
      ok: 204,
      file: `${app}/auth/token/revoke-self/route.ts`,
      spendsToken: true,
      after: tokenRefused,
    },
  ]),
  { method: "GET", path: "/v1/sys/health", auth: "public", ok: 200, file: `${app}/sys/health/route.ts` },
  { method: "GET", path: "/v1/sys/mounts", auth: "personal", ok: 200, file: `${app}/sys/mounts/route.ts` },
  // A mount the caller cannot see does not exist for it (404), as in Vault.
  {
    method: "GET",
    path: "/v1/sys/internal/ui/mounts/{path}",
    auth: "personal",
    ok: 200,
    refusal: 404,
    file: `${app}/sys/internal/ui/mounts/[...path]/route.ts`,
    prepare: async () => ({ params: { path: [VAULT_MOUNT, "some-secret"] } }),
    after: async (result) => expect(result.body?.data).toMatchObject({ path: `${VAULT_MOUNT}/`, options: { version: "2" } }),
  },
  {
    method: "GET",
    path: "/v1/auth/token/lookup-self",
    auth: "personal",
    ok: 200,
    file: VAULT_LOOKUP_SELF_FILE,
    after: async (result) => expect(result.body?.data?.meta).toEqual({ coffer_kind: "personal" }),
  },
];

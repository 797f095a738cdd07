// Hand-written: what each built-in role may do through the Vault KV v2 API
// (/v1) on the mount `secret`, which is the namespace `default` (columns as
// in expected-namespaced.ts: granted globally · in `default` · only in
// `other`). The same permissions as the console's and /api/v1's: a value
// only with secret:reveal. Then the calls no member makes: service tokens
// (a binding is the grant), an integration token, no token.
import { createServiceToken, revokeServiceToken } from "@/lib/services/service-tokens";
import { createServiceTokenRow } from "@/tests/support/factories";
import type { Caller } from "./drive";
import type { Row, Rows } from "./expected-rows";
import { boundService, NS, OTHER, secret, system } from "./fixtures";
import type { Call } from "./route-table-entry";
import { VAULT_DATA_FILE, VAULT_LOOKUP_SELF_FILE, VAULT_METADATA_FILE, VAULT_MOUNT } from "./route-table-vault";

const data = "/v1/{mount}/data/{name}";
const metadata = "/v1/{mount}/metadata";

const every = (cell: string): Row => ({
  owner: cell,
  admin: cell,
  editor: cell,
  operator: cell,
  viewer: cell,
  auditor: cell,
  deployer: cell,
});

/** owner, admin and editor: secret:create, secret:update, secret:delete. */
const editors = (ok: number): Row => ({
  ...every("403 403 403"),
  owner: `${ok} ${ok} 403`,
  admin: `${ok} ${ok} 403`,
  editor: `${ok} ${ok} 403`,
});
/** The owner alone: secret:reveal, secret:purge. */
const ownerOnly = (ok: number): Row => ({ ...every("403 403 403"), owner: `${ok} ${ok} 403` });

export const VAULT: Rows = {
  // A person's token reads a value only with secret:reveal (audited secret.reveal).
  [`GET ${data}`]: ownerOnly(200),
  // Creating is secret:create, rotating secret:update, merging secret:update: owner, admin, editor alike.
  [`POST ${data}`]: editors(200),
  [`POST ${data}?rotate`]: editors(200),
  [`PUT ${data}`]: editors(200),
  [`PATCH ${data}`]: editors(200),
  [`DELETE ${data}`]: editors(204),
  // secret:list and secret:inspect: every built-in role reads metadata.
  [`GET ${metadata}?list=true`]: every("200 200 403"),
  [`GET ${metadata}/{name}`]: every("200 200 403"),
  // custom_metadata are labels: secret:update.
  [`POST ${metadata}/{name}`]: editors(204),
  [`PUT ${metadata}/{name}`]: editors(204),
  [`DELETE ${metadata}/{name}`]: editors(204),
  // Deleting what is already deleted purges it: secret:purge.
  [`DELETE ${metadata}/{name}?deleted`]: ownerOnly(204),
  // Restoring is secret:delete's other half, as on /api/v1.
  [`POST /v1/{mount}/undelete/{name}`]: editors(204),
  [`PUT /v1/{mount}/undelete/{name}`]: editors(204),
  [`POST /v1/{mount}/destroy/{name}`]: ownerOnly(204),
  [`PUT /v1/{mount}/destroy/{name}`]: ownerOnly(204),
  // Not supported for anyone: the message says to delete the whole secret.
  [`POST /v1/{mount}/delete/{name}`]: every("400 400 400"),
  [`PUT /v1/{mount}/delete/{name}`]: every("400 400 400"),
  // Any valid token may describe, list the mounts of, and give up itself.
  [`GET /v1/sys/mounts`]: every("200 200 200"),
  [`GET /v1/auth/token/lookup-self`]: every("200 200 200"),
  [`POST /v1/auth/token/revoke-self`]: every("204 204 204"),
  [`PUT /v1/auth/token/revoke-self`]: every("204 204 204"),
  // `secret` is `default`: seen by whoever may list there; to a caller granted only in `other`, it does not exist.
  [`GET /v1/sys/internal/ui/mounts/{path}`]: every("200 200 404"),
};

/** A token-only call of the Vault API, and what it must (not) answer. */
export type VaultTokenRow = {
  name: string;
  expect: number;
  /** Denied audit events the call must leave (any actor); undefined: a refused credential, counted as a rejection instead. */
  denials?: number;
  arrange: (callers: Caller[]) => Promise<{ token: string; file: string; method: string; call: Call; value?: string }>;
  /** What a 200 answer's `data` must hold (toMatchObject)… */
  answers?: (arranged: { value?: string; call: Call }) => Record<string, unknown>;
  /** …and no other key beside. */
  exact?: boolean;
};

const read = (name: string, mount = VAULT_MOUNT): Call => ({ params: { mount, name: [name] } });
const systemToken = async (service: string) => (await createServiceToken(system, NS, service, {})).token;

export const VAULT_TOKEN_ROWS: VaultTokenRow[] = [
  {
    name: "a service token reads its bound secret",
    expect: 200,
    arrange: async () => {
      const bound = await boundService();
      return {
        token: await systemToken(bound.name),
        file: VAULT_DATA_FILE,
        method: "GET",
        call: read(bound.secretName),
        value: bound.value,
      };
    },
    answers: ({ value }) => ({ data: { value }, metadata: { version: 1 } }),
  },
  {
    name: "a service token reads its bound secret's version 1 by ?version=1",
    expect: 200,
    arrange: async () => {
      const bound = await boundService();
      return {
        token: await systemToken(bound.name),
        file: VAULT_DATA_FILE,
        method: "GET",
        call: { ...read(bound.secretName), query: "?version=1" },
        value: bound.value,
      };
    },
    answers: ({ value }) => ({ data: { value }, metadata: { version: 1 } }),
  },
  {
    name: "a service token is refused a secret of its namespace not bound to it",
    expect: 403,
    denials: 1,
    arrange: async () => {
      const bound = await boundService();
      const unbound = await secret(`unbound-${bound.value}`);
      return {
        token: await systemToken(bound.name),
        file: VAULT_DATA_FILE,
        method: "GET",
        call: read(unbound),
        value: `unbound-${bound.value}`,
      };
    },
  },
  {
    name: "a service token is refused its bound secret under another namespace's mount",
    expect: 403,
    denials: 1,
    arrange: async () => {
      const bound = await boundService();
      return {
        token: await systemToken(bound.name),
        file: VAULT_DATA_FILE,
        method: "GET",
        call: read(bound.secretName, OTHER),
        value: bound.value,
      };
    },
  },
  {
    name: "a service token made by an operator (no secret:bind) is refused its bound secret",
    expect: 403,
    denials: 1,
    arrange: async (callers) => {
      const operator = callers.find((c) => c.role === "operator" && c.scope === "default")!;
      const bound = await boundService();
      return {
        token: await createServiceTokenRow(bound.id, operator.userId),
        file: VAULT_DATA_FILE,
        method: "GET",
        call: read(bound.secretName),
        value: bound.value,
      };
    },
  },
  {
    name: "a revoked service token is refused its bound secret",
    expect: 403,
    arrange: async () => {
      const bound = await boundService();
      const minted = await createServiceToken(system, NS, bound.name, {});
      await revokeServiceToken(system, NS, bound.name, minted.id);
      return { token: minted.token, file: VAULT_DATA_FILE, method: "GET", call: read(bound.secretName), value: bound.value };
    },
  },
  {
    name: "a service token reads its bound secret's metadata",
    expect: 200,
    arrange: async () => {
      const bound = await boundService();
      return { token: await systemToken(bound.name), file: VAULT_METADATA_FILE, method: "GET", call: read(bound.secretName) };
    },
    answers: () => ({ current_version: 1 }),
  },
  {
    name: "a service token is refused the metadata of a secret not bound to it",
    expect: 403,
    denials: 1,
    arrange: async () => {
      const bound = await boundService();
      return { token: await systemToken(bound.name), file: VAULT_METADATA_FILE, method: "GET", call: read(await secret()) };
    },
  },
  {
    name: "a service token lists its bound secrets and nothing else of the mount",
    expect: 200,
    arrange: async () => {
      const bound = await boundService();
      await secret(); // one more secret of `default`, not bound
      return {
        token: await systemToken(bound.name),
        file: "app/v1/[mount]/metadata/route.ts",
        method: "GET",
        call: { params: { mount: VAULT_MOUNT }, query: "?list=true", expect: bound.secretName },
      };
    },
    answers: ({ call }) => ({ keys: [call.expect] }),
  },
  {
    name: "a service token cannot write, even the secret bound to it",
    expect: 403,
    denials: 1,
    arrange: async () => {
      const bound = await boundService();
      return {
        token: await systemToken(bound.name),
        file: VAULT_DATA_FILE,
        method: "POST",
        call: { ...read(bound.secretName), body: { data: { value: "overwritten" } } },
        value: bound.value,
      };
    },
  },
  {
    name: "a service token sees only its own namespace among the mounts",
    expect: 200,
    arrange: async () => {
      const bound = await boundService();
      return { token: await systemToken(bound.name), file: "app/v1/sys/mounts/route.ts", method: "GET", call: {} };
    },
    answers: () => ({ [`${VAULT_MOUNT}/`]: { type: "kv", options: { version: "2" } } }),
    exact: true,
  },
  {
    name: "a service token looks itself up",
    expect: 200,
    arrange: async () => {
      const bound = await boundService();
      return { token: await systemToken(bound.name), file: VAULT_LOOKUP_SELF_FILE, method: "GET", call: {} };
    },
    answers: () => ({ meta: { coffer_kind: "service", namespace: NS } }),
  },
];

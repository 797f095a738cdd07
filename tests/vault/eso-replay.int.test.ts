// External Secrets Operator's Vault provider replayed against Coffer's /v1:
// the requests a SecretStore (provider vault, version v2, path = a Coffer
// namespace or `secret`, auth.tokenSecretRef holding a cfs_ service token)
// and its ExternalSecrets make, sent as the Go client sends them, and each
// answer judged as ESO's Go code judges it. Source read:
// external-secrets/external-secrets @ cc5bfbc2234ace9cb0caff4ea89c435cf517b27b
// (providers/v1/vault/{provider,auth,auth_token,validate,client_get,
// client_get_all_secrets}.go, which link hashicorp/vault/api v1.22.0), ported
// in replay-eso.ts onto replay-go-client.ts (the Go client's files and
// commits are named there).
//
// Every request has no body and these headers, in this order:
//   Host: <server> · User-Agent: Go-http-client/1.1 (2.0 over TLS) ·
//   X-Vault-Request: true · X-Vault-Token: cfs_… · Accept-Encoding: gzip
//   (X-Vault-Namespace only when spec.provider.vault.namespace is set).
//
// SecretStore reconcile: NewClient sends nothing (a fresh client has no
//   token, so setAuth skips checkToken and only sets the Secret's token);
//   Validate → GET /v1/auth/token/lookup-self → Ready when data.type is a
//   string, data.ttl a JSON integer, data.expire_time null or RFC 3339
//   (ttl < 60 with an expire_time counts as expired).
// ExternalSecret, spec.data[0].remoteRef {key: db, property: password}:
//   GET /v1/prod/data/db → data.data.password; remoteRef.version "1" →
//   GET /v1/prod/data/db?version=1. Close() sends nothing (a tokenSecretRef
//   token is never revoked). A 403 is an error (SecretSyncedError, target
//   Secret kept); a 404 whose body is only {"errors":[…]} is NoSecretError.
// remoteRef.metadataPolicy Fetch → GET /v1/prod/metadata/db: created_time,
//   current_version, delete_version_after and custom_metadata, as text.
// dataFrom.find.name → GET /v1/prod/metadata?list=true (path.Join drops
//   the trailing / of prod/metadata/), then GET /v1/prod/data/<name> each.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSecret } from "../../lib/secrets/create-secret";
import { rotateSecret } from "../../lib/secrets/rotate-secret";
import { createServiceToken } from "../../lib/services/service-tokens";
import { ensureNamespace } from "../support/factories";
import type { InProcessServer } from "../support/in-process-server";
import { buildPath, checkToken, esoClient, findByName, getSecret, NoSecretError, validate, type EsoStore } from "./replay-eso";
import { GO_DEFAULT_USER_AGENT, goRequest, ResponseError } from "./replay-go-client";
import {
  auditEventsOf,
  DEFAULT_MOUNT,
  DEFAULT_NAMESPACE,
  owner,
  secretWith,
  serviceAccessOf,
  serviceBoundTo,
  startVaultServer,
  unique,
  viewer,
  type BoundService,
  type Person,
} from "./vault-fixtures";

const PROD = unique("prod");
const DB = unique("db");
const OTHER = unique("other");
const DEFAULT_DB = unique("db");

let server: InProcessServer;
let ada: Person;
let vic: Person;
let service: BoundService;
let defaultService: BoundService;

beforeAll(async () => {
  server = await startVaultServer();
  ada = await owner();
  await ensureNamespace(PROD);
  vic = await viewer(PROD);
  await createSecret(ada.actor, PROD, { name: DB, stringData: { username: "app", password: "pw-v1" }, labels: { team: "payments" } });
  await rotateSecret(ada.actor, PROD, DB, { stringData: { username: "app", password: "pw-v2" } });
  await secretWith(ada.actor, PROD, OTHER, { password: "not-for-this-service" });
  service = await serviceBoundTo(ada.actor, PROD, DB);
  await secretWith(ada.actor, DEFAULT_NAMESPACE, DEFAULT_DB, { password: "default-pw" });
  defaultService = await serviceBoundTo(ada.actor, DEFAULT_NAMESPACE, DEFAULT_DB);
});

afterAll(async () => {
  await server?.close();
});

const store = (overrides: Partial<EsoStore> = {}): EsoStore => ({
  server: server.url,
  path: PROD,
  version: "v2",
  token: service.token,
  ...overrides,
});

/** What reached the server from `from` on, as `METHOD url → status`. */
const wireSince = (from: number) => server.requests.slice(from).map((r) => `${r.method} ${r.url} → ${r.status}`);

/** Runs `replay` and returns it with the requests it put on the wire. */
async function replayed<T>(replay: () => Promise<T>): Promise<{ result: T; wire: string[] }> {
  const from = server.requests.length;
  const result = await replay();
  return { result, wire: wireSince(from) };
}

async function failure(replay: () => Promise<unknown>): Promise<{ error: Error; wire: string[] }> {
  const from = server.requests.length;
  const error = await replay().then(
    () => new Error("the replay succeeded, a failure was expected"),
    (e: Error) => e,
  );
  return { error, wire: wireSince(from) };
}

describe("SecretStore with auth.tokenSecretRef (a cfs_ service token): validation", () => {
  it("is Ready: lookup-self answers type, an integer ttl and expire_time as ESO's checkToken reads them", async () => {
    const { result, wire } = await replayed(() => validate(esoClient(store())));
    expect(result).toEqual({ result: "Ready" });
    expect(wire).toEqual(["GET /v1/auth/token/lookup-self → 200"]);
    const sent = server.requests.at(-1)!.headers;
    expect([sent["user-agent"], sent["x-vault-request"], sent["x-vault-token"]]).toEqual([GO_DEFAULT_USER_AGENT, "true", service.token]);
  });

  it("a token that never expires: ttl 0 and expire_time null, which ESO keeps using without an expiry", async () => {
    const minted = await createServiceToken(ada.actor, PROD, service.name, { name: "eso-forever", expiresInDays: null });
    expect(await checkToken(esoClient(store({ token: minted.token })))).toEqual({ exists: true, expiry: null });
  });

  it("an expiring service token: ttl ≥ 60 and an expire_time Go parses as RFC 3339, equal to the token's expiry", async () => {
    const minted = await createServiceToken(ada.actor, PROD, service.name, { name: "eso-expiring", expiresInDays: 30 });
    const check = await checkToken(esoClient(store({ token: minted.token })));
    expect(check.exists).toBe(true);
    expect(check.expiry?.toISOString()).toBe(minted.expiresAt);
  });

  it("an unknown token is refused (403), so the store is not Ready: 'invalid vault credentials'", async () => {
    const bogus = `cfs_${randomBytes(24).toString("base64url")}`;
    const { result, wire } = await replayed(() => validate(esoClient(store({ token: bogus }))));
    expect(result).toMatchObject({
      result: "Error",
      message: expect.stringContaining("invalid vault credentials: Error making API request."),
    });
    expect((result as { message: string }).message).toContain("Code: 403");
    expect(wire).toEqual(["GET /v1/auth/token/lookup-self → 403"]);
  });
});

describe("ExternalSecret of one key (remoteRef.key + property), read with the bound service's token", () => {
  it("GET <path>/data/<key>: ESO takes data.data[property]; the read is audited and recorded in reverse lookup", async () => {
    const { result, wire } = await replayed(() => getSecret(esoClient(store()), store(), { key: DB, property: "password" }));
    expect(result?.toString()).toBe("pw-v2");
    expect(wire).toEqual([`GET /v1/${PROD}/data/${DB} → 200`]);
    const reads = await auditEventsOf("secret.read", DB);
    expect(reads.at(-1)).toMatchObject({
      actorType: "service",
      outcome: "success",
      namespace: PROD,
      details: { version: 2, api: "vault" },
    });
    expect(await serviceAccessOf(PROD, DB, service.id)).toMatchObject({ readerType: "service" });
  });

  it("without property ESO syncs the whole data map as JSON", async () => {
    const value = await getSecret(esoClient(store()), store(), { key: DB });
    expect(JSON.parse(value!.toString())).toEqual({ username: "app", password: "pw-v2" });
  });

  it("remoteRef.version: GET …?version=1 gives the first value", async () => {
    const { result, wire } = await replayed(() => getSecret(esoClient(store()), store(), { key: DB, property: "password", version: "1" }));
    expect(result?.toString()).toBe("pw-v1");
    expect(wire).toEqual([`GET /v1/${PROD}/data/${DB}?version=1 → 200`]);
  });

  it("a key written with its mount (prod/db) is read at the same path", async () => {
    expect(buildPath(store(), `${PROD}/${DB}`)).toBe(`${PROD}/data/${DB}`);
    expect((await getSecret(esoClient(store()), store(), { key: `${PROD}/${DB}`, property: "username" }))?.toString()).toBe("app");
  });

  it("path: secret reads the default namespace", async () => {
    const defaults = store({ path: DEFAULT_MOUNT, token: defaultService.token });
    const { result, wire } = await replayed(() => getSecret(esoClient(defaults), defaults, { key: DEFAULT_DB, property: "password" }));
    expect(result?.toString()).toBe("default-pw");
    expect(wire).toEqual([`GET /v1/secret/data/${DEFAULT_DB} → 200`]);
  });

  it("a secret not bound to the service: 403, ESO's read error (the synced Secret is kept), audited as denied", async () => {
    const { error, wire } = await failure(() => getSecret(esoClient(store()), store(), { key: OTHER, property: "password" }));
    expect(error).not.toBeInstanceOf(NoSecretError);
    expect(error.message).toMatch(/^cannot read secret data from Vault: Error making API request\./);
    expect((error.cause as ResponseError).statusCode).toBe(403);
    expect((error.cause as ResponseError).errors.join(" ")).toMatch(/^permission denied/);
    expect(wire).toEqual([`GET /v1/${PROD}/data/${OTHER} → 403`]);
    expect((await auditEventsOf("secret.read", OTHER)).at(-1)).toMatchObject({ outcome: "denied", actorType: "service" });
  });

  it("a name that does not exist, with the service token: 403 too (a service learns nothing else about its namespace)", async () => {
    const { error } = await failure(() => getSecret(esoClient(store()), store(), { key: unique("nothing"), property: "password" }));
    expect(error).not.toBeInstanceOf(NoSecretError);
    expect((error.cause as ResponseError).statusCode).toBe(403);
  });

  it("a version that does not exist: 404 with only `errors` in the body, which ESO takes for 'Secret does not exist'", async () => {
    const { error, wire } = await failure(() => getSecret(esoClient(store()), store(), { key: DB, property: "password", version: "99" }));
    expect(error).toBeInstanceOf(NoSecretError);
    expect(wire).toEqual([`GET /v1/${PROD}/data/${DB}?version=99 → 404`]);
    // Anything beside `errors` would make api.ParseSecret return a secret (ESO: "failed to find data field") or an error.
    const { answer } = await goRequest(esoClient(store()), "GET", `${PROD}/data/${DB}`, { version: ["99"] });
    expect(Object.keys(JSON.parse(answer.body))).toEqual(["errors"]);
  });

  it("X-Vault-Namespace (spec.provider.vault.namespace) is refused with a 400 naming it: Coffer's namespaces are mounts", async () => {
    const enterprise = store({ namespace: PROD });
    const { error } = await failure(() => getSecret(esoClient(enterprise), enterprise, { key: DB, property: "password" }));
    expect((error.cause as ResponseError).statusCode).toBe(400);
    expect(error.message).toContain("X-Vault-Namespace");
  });
});

describe("ExternalSecret read with a person's API token (cfp_)", () => {
  it("an owner (secret:reveal) reads the value; audited as a reveal", async () => {
    const personal = store({ token: ada.token });
    expect((await getSecret(esoClient(personal), personal, { key: DB, property: "password" }))?.toString()).toBe("pw-v2");
    expect((await auditEventsOf("secret.reveal", DB)).at(-1)).toMatchObject({ actorType: "user", outcome: "success" });
  });

  it("a viewer (no secret:reveal) gets 403: ESO's read error, nothing synced", async () => {
    const personal = store({ token: vic.token });
    const { error } = await failure(() => getSecret(esoClient(personal), personal, { key: DB, property: "password" }));
    expect(error).not.toBeInstanceOf(NoSecretError);
    expect((error.cause as ResponseError).statusCode).toBe(403);
  });

  it("a missing secret: 404, ESO's NoSecretError (deletionPolicy Delete would drop the key)", async () => {
    const personal = store({ token: ada.token });
    const name = unique("missing");
    const { error, wire } = await failure(() => getSecret(esoClient(personal), personal, { key: name, property: "password" }));
    expect(error).toBeInstanceOf(NoSecretError);
    expect(wire).toEqual([`GET /v1/${PROD}/data/${name} → 404`]);
  });
});

describe("remoteRef.metadataPolicy: Fetch and dataFrom.find", () => {
  it("metadataPolicy Fetch: GET <path>/metadata/<key>; labels arrive as custom_metadata, current_version as text", async () => {
    const { result, wire } = await replayed(() =>
      getSecret(esoClient(store()), store(), { key: DB, property: "team", metadataPolicy: "Fetch" }),
    );
    expect(result?.toString()).toBe("payments");
    expect(wire).toEqual([`GET /v1/${PROD}/metadata/${DB} → 200`]);
    const version = await getSecret(esoClient(store()), store(), { key: DB, property: "current_version", metadataPolicy: "Fetch" });
    expect(version?.toString()).toBe("2");
  });

  it("dataFrom.find.name: LIST the mount (GET metadata?list=true) finds only the bound secret, then reads it", async () => {
    const { result, wire } = await replayed(() => findByName(esoClient(store()), store(), "."));
    expect(Object.keys(result)).toEqual([DB]);
    expect(JSON.parse(result[DB]!.toString())).toEqual({ username: "app", password: "pw-v2" });
    expect(wire).toEqual([`GET /v1/${PROD}/metadata?list=true → 200`, `GET /v1/${PROD}/data/${DB} → 200`]);
  });
});

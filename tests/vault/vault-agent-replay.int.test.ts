// vault-agent replayed against Coffer's /v1, rendering
//   {{ with secret "secret/data/db" }}{{ .Data.data.password }}{{ end }}
// with a cfs_ service token in a file, the agent configured as
//   vault { address = "https://coffer.example" }
//   auto_auth { method "token_file" { config = { token_file_path = "/etc/coffer/token" } } }
//   template { contents = "…", destination = "/etc/app/db-password" }
// (templates render only under auto_auth: command/agent.go starts the
// template server inside `if method != nil`, fed the auth handler's token;
// VAULT_TOKEN alone renders nothing). Sources read and ported in
// replay-vault-agent.ts: hashicorp/vault command/agent.go,
// command/agentproxyshared/auth/{auth.go @ b641aa10, token-file/token_file.go
// @ 414e8f6d}, command/agent/template/template.go @ d817ca7b,
// command/agent/internal/ctmanager/runner_config.go @ 94ea9b09, api/ (see
// replay-go-client.ts); hashicorp/consul-template @ 1deacb7dc074de5c7bb9cc35bab825ba1dc41103
// dependency/vault_read.go and vault_common.go.
//
// Requests, in order (no bodies; X-Vault-Request: true and
// Accept-Encoding: gzip on all):
//  1. GET /v1/sys/health?drsecondarycode=299&haunhealthycode=299&performancestandbycode=299&removedcode=299&sealedcode=299&standbycode=299&uninitcode=299
//     User-Agent: Go-http-client/1.1, no token. Decoded into api.HealthResponse for a version note; an error is ignored.
//  2. GET /v1/auth/token/lookup-self · X-Vault-Token: the file, trimmed · User-Agent: Vault Agent Auto-Auth/<v> (…).
//     data.id (a non-empty string) becomes the templates' token; data.ttl (a JSON integer: 0 starts no lifetime watcher),
//     data.renewable (false: no PUT auth/token/renew-self, the file is read again at expiry), data.type (asserted string).
//  3. GET /v1/sys/internal/ui/mounts/secret/data/db · X-Vault-Token: data.id · User-Agent: Vault Agent Templating/<v> (…).
//     data.type "kv" and data.options.version "2" → KV v2 mounted at data.path ("secret/"): "secret/db" is read as "secret/data/db".
//  4. GET /v1/secret/data/db[?version=N] · same headers → .Data.data.password. renewable false, lease_duration 0: no
//     sys/leases/renew; the read (not step 3) repeats every static_secret_render_interval (default 5m) × ~0.9.
// A refusal fails the render (consul-template retries, then restarts the runner with backoff); only a 403 whose text has
// "invalid token" sends the agent back to step 2, i.e. to the token file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rotateSecret } from "../../lib/secrets/rotate-secret";
import { createServiceToken, revokeServiceToken } from "../../lib/services/service-tokens";
import type { InProcessServer } from "../support/in-process-server";
import { GO_DEFAULT_USER_AGENT, ResponseError } from "./replay-go-client";
import {
  AUTO_AUTH_USER_AGENT,
  healthProbe,
  reauthenticatesOn,
  renderDataData,
  TEMPLATING_USER_AGENT,
  templateRead,
  tokenFileAuth,
} from "./replay-vault-agent";
import {
  DEFAULT_NAMESPACE,
  owner,
  secretWith,
  serviceBoundTo,
  startVaultServer,
  unique,
  viewer,
  type BoundService,
  type Person,
} from "./vault-fixtures";

const DB = unique("db");
const OTHER = unique("other");

let server: InProcessServer;
let ada: Person;
let vic: Person;
let service: BoundService;

beforeAll(async () => {
  server = await startVaultServer();
  ada = await owner();
  vic = await viewer(DEFAULT_NAMESPACE);
  await secretWith(ada.actor, DEFAULT_NAMESPACE, DB, { username: "app", password: "pw-v1" });
  await rotateSecret(ada.actor, DEFAULT_NAMESPACE, DB, { stringData: { username: "app", password: "pw-v2" } });
  await secretWith(ada.actor, DEFAULT_NAMESPACE, OTHER, { password: "not-for-this-service" });
  service = await serviceBoundTo(ada.actor, DEFAULT_NAMESPACE, DB);
});

afterAll(async () => {
  await server?.close();
});

async function replayed<T>(replay: () => Promise<T>): Promise<{ result: T; wire: string[] }> {
  const from = server.requests.length;
  const result = await replay();
  return { result, wire: server.requests.slice(from).map((r) => `${r.method} ${r.url} → ${r.status}`) };
}

async function failure(replay: () => Promise<unknown>): Promise<{ error: Error; wire: string[] }> {
  return replayed(() =>
    replay().then(
      () => new Error("the replay succeeded, a failure was expected"),
      (e: Error) => e,
    ),
  ).then(({ result, wire }) => ({ error: result, wire }));
}

const sentHeaders = () => server.requests.at(-1)!.headers;

describe("vault-agent startup and token_file auto-auth", () => {
  it("probes sys/health with Vault's *code=299 query and decodes the answer as api.HealthResponse", async () => {
    const { result, wire } = await replayed(() => healthProbe(server.url));
    expect(result).toMatchObject({ initialized: true, sealed: false, standby: false });
    expect(Number.isInteger(result.server_time_utc)).toBe(true);
    expect(wire).toEqual([
      "GET /v1/sys/health?drsecondarycode=299&haunhealthycode=299&performancestandbycode=299&removedcode=299&sealedcode=299&standbycode=299&uninitcode=299 → 200",
    ]);
    expect(sentHeaders()["user-agent"]).toBe(GO_DEFAULT_USER_AGENT);
  });

  it("lookup-self with the file's token gives the agent data.id as its template token; ttl 0 starts no watcher", async () => {
    const minted = await createServiceToken(ada.actor, DEFAULT_NAMESPACE, service.name, { name: "agent-forever", expiresInDays: null });
    const { result, wire } = await replayed(() => tokenFileAuth(server.url, `${minted.token}\n`));
    expect(wire).toEqual(["GET /v1/auth/token/lookup-self → 200"]);
    expect(sentHeaders()["user-agent"]).toBe(AUTO_AUTH_USER_AGENT);
    expect(result).toEqual({
      templateToken: minted.token,
      leaseDuration: 0,
      renewable: false,
      startsWatcher: false,
      callsRenewSelf: false,
    });
  });

  it("an expiring token: a positive ttl starts the watcher, which never calls renew-self on a non-renewable token", async () => {
    const auth = await tokenFileAuth(server.url, service.token);
    expect(auth.templateToken).toBe(service.token);
    expect(auth.leaseDuration).toBeGreaterThan(60);
    expect(auth).toMatchObject({ renewable: false, startsWatcher: true, callsRenewSelf: false });
  });

  it("a revoked token is refused with 'invalid token', so the agent goes back to the token file (a rotated token takes over)", async () => {
    const minted = await createServiceToken(ada.actor, DEFAULT_NAMESPACE, service.name, { name: "agent-revoked" });
    await revokeServiceToken(ada.actor, DEFAULT_NAMESPACE, service.name, minted.id);
    const { error } = await failure(() => templateRead(server.url, minted.token, `secret/data/${DB}`));
    expect((error as ResponseError).statusCode).toBe(403);
    // Vault says "permission denied" and "invalid token" (logical.ErrInvalidToken) for a revoked or expired token.
    expect((error as ResponseError).errors.join(" ")).toContain("invalid token");
    expect(reauthenticatesOn(error)).toBe(true);
  });
});

describe('template {{ with secret "secret/data/<db>" }}{{ .Data.data.password }}{{ end }}', () => {
  // The auth handler hands the template server the token lookup-self named; here, the service's token itself.
  const read = (path: string, token = service.token) => templateRead(server.url, token, path);

  it("preflight says KV v2 mounted at secret/, then one data read renders the current password", async () => {
    const { result, wire } = await replayed(() => read(`secret/data/${DB}`));
    expect(wire).toEqual([`GET /v1/sys/internal/ui/mounts/secret/data/${DB} → 200`, `GET /v1/secret/data/${DB} → 200`]);
    expect(sentHeaders()["user-agent"]).toBe(TEMPLATING_USER_AGENT);
    expect(renderDataData(result.secret, "password")).toBe("pw-v2");
    // Not renewable, no lease: no sys/leases/renew, the next read comes after static_secret_render_interval.
    expect(result).toMatchObject({ secretPath: `secret/data/${DB}`, renews: false, refetchAfter: "static_secret_render_interval" });
    expect(result.secret.lease_id).toBe("");
  });

  it("the KV v1 style path secret/<db> is rewritten to secret/data/<db> from the preflight's data.path", async () => {
    const { result, wire } = await replayed(() => read(`secret/${DB}`));
    expect(wire).toEqual([`GET /v1/sys/internal/ui/mounts/secret/${DB} → 200`, `GET /v1/secret/data/${DB} → 200`]);
    expect(renderDataData(result.secret, "username")).toBe("app");
  });

  it("secret/data/<db>?version=1: the preflight takes the path without its query, the read keeps it", async () => {
    const { result, wire } = await replayed(() => read(`secret/data/${DB}?version=1`));
    expect(wire).toEqual([`GET /v1/sys/internal/ui/mounts/secret/data/${DB} → 200`, `GET /v1/secret/data/${DB}?version=1 → 200`]);
    expect(renderDataData(result.secret, "password")).toBe("pw-v1");
  });

  it("a secret not bound to the service: 403, the render fails; not 'invalid token', so the agent keeps its token", async () => {
    const { error, wire } = await failure(() => read(`secret/data/${OTHER}`));
    expect(wire).toEqual([`GET /v1/sys/internal/ui/mounts/secret/data/${OTHER} → 200`, `GET /v1/secret/data/${OTHER} → 403`]);
    expect((error as ResponseError).errors.join(" ")).toMatch(/^permission denied/);
    expect(reauthenticatesOn(error)).toBe(false);
  });

  it("a person's token without secret:reveal (viewer): 403 on the read", async () => {
    const { error } = await failure(() => read(`secret/data/${DB}`, vic.token));
    expect((error as ResponseError).statusCode).toBe(403);
  });

  it("a version that does not exist: 404, which consul-template reports as 'no secret exists at secret/data/<db>'", async () => {
    const { error, wire } = await failure(() => read(`secret/data/${DB}?version=99`));
    expect(error.message).toBe(`no secret exists at secret/data/${DB}`);
    expect(wire.at(-1)).toBe(`GET /v1/secret/data/${DB}?version=99 → 404`);
  });

  it("a mount the token cannot see: the preflight's 404 makes consul-template assume KV v1 and read the path as written", async () => {
    const mount = unique("elsewhere");
    const { error, wire } = await failure(() => read(`${mount}/data/${DB}`));
    expect(wire[0]).toBe(`GET /v1/sys/internal/ui/mounts/${mount}/data/${DB} → 404`);
    expect(wire[1]).toMatch(new RegExp(`^GET /v1/${mount}/data/${DB} → 40[34]$`));
    expect(error).toBeInstanceOf(Error);
  });
});

// Coffer's Vault KV v2 API driven by npm's node-vault (0.12): the same core
// story as hvac.int.test.ts, in the calls a Node service makes (read, write,
// list, delete, update, and `request` for metadata and undelete), over real
// HTTP to the real routes on this file's database.
import nodeVault from "node-vault";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import type { InProcessServer } from "../support/in-process-server";
import { auditEventsOf, type BoundService, clientCast, DEFAULT_NAMESPACE, type Person, serviceAccessOf, unique } from "./vault-fixtures";

const NAME = unique("nv");

let server: InProcessServer;
let ada: Person;
let vic: Person;
let service: BoundService;
let BOUND: string;
let UNBOUND: string;
let BOUND_VALUE: string;

beforeAll(async () => {
  ({ server, ada, vic, service, bound: BOUND, unbound: UNBOUND, boundValue: BOUND_VALUE } = await clientCast("nv"));
});

afterAll(async () => {
  await server?.close();
});

const client = (token: string, options: nodeVault.VaultOptions = {}) => nodeVault({ endpoint: server.url, token, ...options });

/** node-vault rejects a non-2xx answer with an ApiResponseError carrying the status and Vault's body. */
async function refusal(call: Promise<unknown>): Promise<{ status: number; errors: string[] }> {
  const error = await call.then(
    () => null,
    (reason: unknown) => reason as nodeVault.ApiResponseError,
  );
  expect(error, "the call was expected to be refused").not.toBeNull();
  expect(error!.response, `not an answer from the server: ${error!.message}`).toBeDefined();
  return { status: error!.response.statusCode, errors: error!.response.body?.errors };
}

const versionsOf = async (name: string) =>
  (
    await db.secretVersion.findMany({
      where: { secret: { name, namespace: { name: DEFAULT_NAMESPACE } } },
      select: { version: true },
      orderBy: { version: "asc" },
    })
  ).map((row) => row.version);

// One story, in order: each test starts where the previous one left the secret.
describe.sequential("node-vault against the Vault API", () => {
  it("writes versions 1 and 2, refuses a stale cas with 400, and reads the latest and version=1", async () => {
    const vault = client(ada.token);
    expect((await vault.write(`secret/data/${NAME}`, { data: { api_key: "k1" } })).data).toMatchObject({ version: 1 });
    expect((await vault.write(`secret/data/${NAME}`, { data: { api_key: "k2" }, options: { cas: 1 } })).data).toMatchObject({ version: 2 });

    const stale = await refusal(vault.write(`secret/data/${NAME}`, { data: { api_key: "k3" }, options: { cas: 1 } }));
    expect(stale.status).toBe(400);
    expect(stale.errors).toEqual([expect.stringContaining("check-and-set")]);
    expect(await versionsOf(NAME)).toEqual([1, 2]);

    expect((await vault.read(`secret/data/${NAME}`)).data).toMatchObject({ data: { api_key: "k2" }, metadata: { version: 2 } });
    expect((await vault.read(`secret/data/${NAME}?version=1`)).data).toMatchObject({ data: { api_key: "k1" }, metadata: { version: 1 } });
  });

  it("sets custom_metadata and reads metadata with `request`", async () => {
    const vault = client(ada.token);
    await vault.request({ path: `/secret/metadata/${NAME}`, method: "POST", json: { custom_metadata: { owner: "node" } } });
    const metadata = (await vault.request({ path: `/secret/metadata/${NAME}`, method: "GET" })).data;
    expect(metadata).toMatchObject({ current_version: 2, custom_metadata: { owner: "node" } });
    expect(Object.keys(metadata.versions).sort()).toEqual(["1", "2"]);
  });

  it("lists with the LIST verb and, without custom verbs, with GET ?list=1", async () => {
    expect((await client(ada.token).list("secret/metadata/")).data.keys).toEqual(expect.arrayContaining([NAME, BOUND, UNBOUND]));
    const plainVerbs = client(ada.token, { noCustomHTTPVerbs: true });
    expect((await plainVerbs.list("secret/metadata")).data.keys).toEqual(expect.arrayContaining([NAME, BOUND, UNBOUND]));
    // LIST reaches the handler as GET with list=true (lib/http/list-method.ts rewrites it first).
    expect(server.requests.some((request) => request.method === "GET" && request.url === "/v1/secret/metadata/?list=true")).toBe(true);
    expect(server.requests.some((request) => request.method === "GET" && request.url === "/v1/secret/metadata?list=1")).toBe(true);
  });

  it("deletes (then 404), undeletes with `request`, and merges a patch with update", async () => {
    const vault = client(ada.token);
    await vault.delete(`secret/data/${NAME}`);
    expect((await refusal(vault.read(`secret/data/${NAME}`))).status).toBe(404);
    await vault.request({ path: `/secret/undelete/${NAME}`, method: "POST", json: { versions: [2] } });
    expect((await vault.read(`secret/data/${NAME}`)).data.data).toEqual({ api_key: "k2" });

    // node-vault's update is a PATCH with Content-Type application/merge-patch+json.
    expect((await vault.update(`secret/data/${NAME}`, { data: { region: "eu" } })).data).toMatchObject({ version: 3 });
    expect((await vault.read(`secret/data/${NAME}`)).data.data).toEqual({ api_key: "k2", region: "eu" });
  });

  it("looks up a person's token and reads health", async () => {
    const self = (await client(ada.token).tokenLookupSelf()).data;
    expect(self).toMatchObject({ type: "service", meta: { coffer_kind: "personal" } });
    expect(self.id).toBe(ada.token);
    expect(self.accessor).not.toBe(ada.token);
    expect(await client("").health()).toMatchObject({ initialized: true, sealed: false });
  });

  it("refuses a viewer the value (403) but lets it list", async () => {
    const vault = client(vic.token);
    expect(await refusal(vault.read(`secret/data/${NAME}`))).toMatchObject({ status: 403 });
    expect((await vault.list("secret/metadata/")).data.keys).toContain(NAME);
  });

  it("lets a service token read its bound secret (X-Vault-Token or Bearer) and refuses an unbound one", async () => {
    const vault = client(service.token);
    expect((await vault.read(`secret/data/${BOUND}`)).data).toMatchObject({ data: { password: BOUND_VALUE }, metadata: { version: 1 } });
    const bearer = nodeVault({ endpoint: server.url, requestOptions: { headers: { authorization: `Bearer ${service.token}` } } });
    expect((await bearer.read(`secret/data/${BOUND}`)).data.data).toEqual({ password: BOUND_VALUE });

    const unbound = await refusal(vault.read(`secret/data/${UNBOUND}`));
    expect(unbound.status).toBe(403);
    expect(unbound.errors.join(" ")).toContain("permission denied");
    expect(JSON.stringify(unbound)).not.toContain("never-read");
  });

  it("audits the service's reads as secret.read with api vault, recorded for reverse lookup", async () => {
    const reads = (await auditEventsOf("secret.read", BOUND)).filter((event) => event.actorId === service.id);
    expect(reads).toHaveLength(2);
    for (const read of reads) {
      expect(read).toMatchObject({ actorType: "service", outcome: "success", details: expect.objectContaining({ api: "vault" }) });
    }
    expect(await serviceAccessOf(DEFAULT_NAMESPACE, BOUND, service.id)).toMatchObject({ readerType: "service" });
    expect(await serviceAccessOf(DEFAULT_NAMESPACE, UNBOUND, service.id)).toBeNull();
  });
});

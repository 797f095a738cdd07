// Every field a route actually answers is described by the OpenAPI
// document. The document was hand-written and had drifted from the API
// (SecretSummary without `stale`, SecretDetail without `boundServices` and
// `reads`); now each JSON answer of every GET and of the POST/PATCH routes,
// called in-process on a real database, is checked against the schema the
// document gives for its status, and a field the schema does not declare
// is a failure.
import { beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { sealPending } from "@/lib/audit/log/sequencer";
import { issueSetupToken } from "@/lib/auth/setup";
import { runNextJob } from "@/lib/jobs/run-next-job";
import { createServiceToken } from "@/lib/services/service-tokens";
import { inviteMember } from "@/lib/team/invites";
import { issuePasswordReset } from "@/lib/team/passwords";
import { boundService, member, NS, system, unique } from "@/tests/authz/fixtures";
import { loadHandler, ROUTES, RUNTIME_FILE, type RouteEntry } from "@/tests/authz/route-table";
import { call, type ApiResult } from "@/tests/support/api";
import { checkAgainstSchema } from "./check-against-schema";
import { openApiDocument } from "./document";
import { mediaTypeKey } from "./media-type";

type Schema = Record<string, unknown>;
type Responses = Record<string, { content?: Record<string, { schema: Schema }> }>;
const document = openApiDocument("http://coffer.test");
const components = document.components.schemas as Record<string, Schema>;
const PASSWORD = "correct horse battery";

/** The answer's problems against the document: none when every field it holds is described. */
function problemsOf(method: string, path: string, result: ApiResult): string[] {
  // A `?query` in a route-table path only tells two entries of one operation apart.
  const operation = document.paths[path.replace(/\?.*$/, "")]?.[method.toLowerCase()];
  const responses = (operation as { responses?: Responses } | undefined)?.responses;
  if (!responses) return [`${method} ${path} is not in the document`];
  const response = responses[String(result.status)];
  if (!response) return [`${method} ${path} answered ${result.status}, which the document does not list`];
  const schema = response.content?.["application/json"]?.schema;
  if (!schema) return [`${method} ${path} ${result.status}: the document gives its JSON answer no schema`];
  return checkAgainstSchema(result.body, schema, components);
}

function expectDescribed(method: string, path: string, result: ApiResult, status: number) {
  expect(result.status, `${method} ${path}: ${result.text.slice(0, 300)}`).toBe(status);
  expect(
    problemsOf(method, path, result),
    `${method} ${path}: fields of the answer the document does not describe, or describes otherwise`,
  ).toEqual([]);
}

const route = (path: string, method: RouteEntry["method"]) => ROUTES.find((r) => r.path === path && r.method === method)!;
const send = async (entry: RouteEntry, options: Parameters<typeof call>[1]) =>
  call(await loadHandler(entry), { method: entry.method, ...options });

let owner: string;
let firstRun: { setup: ApiResult; token: ApiResult };
const email = "first.owner@example.com";

beforeAll(async () => {
  // The first owner comes through the setup and token routes, so their answers are checked too (below).
  const setupToken = await issueSetupToken();
  const setup = await send(route("/api/v1/setup", "POST"), { body: { token: setupToken, email, name: "First Owner", password: PASSWORD } });
  const token = await send(route("/api/v1/auth/token", "POST"), { body: { email, password: PASSWORD, name: "answers test" } });
  if (token.status !== 201)
    throw new Error(`no owner token: ${setup.status} ${setup.text.slice(0, 200)} / ${token.status} ${token.text.slice(0, 200)}`);
  firstRun = { setup, token };
  owner = token.body.token;
}, 60_000);

// JSON answers only: a 204 has no body, the export streams CSV or JSONL. A call that revokes its own token would end the owner's.
const driven = ROUTES.filter(
  (entry) =>
    entry.auth === "personal" &&
    entry.method !== "DELETE" &&
    entry.ok !== 204 &&
    !entry.spendsToken &&
    entry.path !== "/api/v1/audit/export",
);

describe("every JSON answer of a member's routes is described by the OpenAPI document", () => {
  it.each(driven.map((entry) => [`${entry.method} ${entry.path}`, entry] as const))("%s", async (_key, entry) => {
    const prepared = entry.prepare ? await entry.prepare() : {};
    const result = await send(entry, { token: owner, params: prepared.params, body: prepared.body, query: prepared.query });
    expectDescribed(entry.method, entry.path, result, entry.ok);
  });
});

describe("the public routes' answers are described", () => {
  it("POST /api/v1/setup and POST /api/v1/auth/token", () => {
    expectDescribed("POST", "/api/v1/setup", firstRun.setup, 201);
    expectDescribed("POST", "/api/v1/auth/token", firstRun.token, 201);
  });

  it("GET /api/health, GET /v1/sys/health and GET /api/v1/openapi.json", async () => {
    expectDescribed("GET", "/api/health", await send(route("/api/health", "GET"), {}), 200);
    expectDescribed("GET", "/v1/sys/health", await send(route("/v1/sys/health", "GET"), {}), 200);
    expectDescribed("GET", "/api/v1/openapi.json", await send(route("/api/v1/openapi.json", "GET"), {}), 200);
  });

  it("POST /api/v1/invites/accept", async () => {
    const invite = await inviteMember(system, { email: `${unique("inv")}@example.com`, role: "viewer" });
    const result = await send(route("/api/v1/invites/accept", "POST"), {
      body: { token: invite.token, name: "Invited", password: PASSWORD },
    });
    expectDescribed("POST", "/api/v1/invites/accept", result, 201);
  });

  it("POST /api/v1/password-reset/check", async () => {
    const reset = await issuePasswordReset(system, await member());
    expectDescribed(
      "POST",
      "/api/v1/password-reset/check",
      await send(route("/api/v1/password-reset/check", "POST"), { body: { token: reset.token } }),
      200,
    );
  });
});

// A fresh fixture leaves lists empty and optional parts null, where no item is checked; these
// answers hold what only use produces: bindings, reads, tokens, sealed events, finished jobs.
describe("answers full of what use produces are described", () => {
  it("a bound secret read by its service and by a person, and the service that reads it", async () => {
    const bound = await boundService();
    const token = await createServiceToken(system, NS, bound.name, {});
    const runtime = await call(await loadHandler({ file: RUNTIME_FILE, method: "GET" }), { token: token.token });
    expectDescribed("GET", "/api/v1/runtime/secrets", runtime, 200);
    expect(runtime.body.secrets.length).toBe(1);
    const value = await send(route("/api/v1/namespaces/{ns}/secrets/{name}/value", "GET"), {
      token: owner,
      params: { ns: NS, name: bound.secretName },
    });
    expectDescribed("GET", "/api/v1/namespaces/{ns}/secrets/{name}/value", value, 200);

    const secret = await send(route("/api/v1/namespaces/{ns}/secrets/{name}", "GET"), {
      token: owner,
      params: { ns: NS, name: bound.secretName },
    });
    expectDescribed("GET", "/api/v1/namespaces/{ns}/secrets/{name}", secret, 200);
    expect(secret.body.boundServices.length, "the secret names its service").toBe(1);
    expect(secret.body.reads.length, "the secret lists its readers").toBeGreaterThan(0);
    const list = await send(route("/api/v1/namespaces/{ns}/secrets", "GET"), { token: owner, params: { ns: NS } });
    expectDescribed("GET", "/api/v1/namespaces/{ns}/secrets", list, 200);
    expect(list.body.secrets.some((s: { lastReadAt: string | null }) => s.lastReadAt !== null)).toBe(true);

    const service = await send(route("/api/v1/namespaces/{ns}/services/{name}", "GET"), {
      token: owner,
      params: { ns: NS, name: bound.name },
    });
    expectDescribed("GET", "/api/v1/namespaces/{ns}/services/{name}", service, 200);
    expect([service.body.bindingList.length, service.body.tokens.length, service.body.reads.length].every((n: number) => n > 0)).toBe(true);
    for (const path of ["/api/v1/namespaces/{ns}/services/{name}/bindings", "/api/v1/namespaces/{ns}/services/{name}/tokens"]) {
      expectDescribed("GET", path, await send(route(path, "GET"), { token: owner, params: { ns: NS, name: bound.name } }), 200);
    }
  });

  it("a bound secret read, inspected and listed by its service through the Vault API, and its token looked up", async () => {
    const bound = await boundService();
    const token = (await createServiceToken(system, NS, bound.name, {})).token;
    const at = { mount: "secret", name: [bound.secretName] };
    const vault = (path: string, options: Parameters<typeof call>[1]) => send(route(path, "GET"), { token, ...options });
    expectDescribed("GET", "/v1/{mount}/data/{name}", await vault("/v1/{mount}/data/{name}", { params: at }), 200);
    expectDescribed("GET", "/v1/{mount}/metadata/{name}", await vault("/v1/{mount}/metadata/{name}", { params: at }), 200);
    const list = await vault("/v1/{mount}/metadata?list=true", { params: { mount: "secret" }, query: "?list=true" });
    expectDescribed("GET", "/v1/{mount}/metadata", list, 200);
    expect(list.body.data.keys).toEqual([bound.secretName]);
    expectDescribed("GET", "/v1/sys/mounts", await vault("/v1/sys/mounts", {}), 200);
    expectDescribed("GET", "/v1/auth/token/lookup-self", await vault("/v1/auth/token/lookup-self", {}), 200);
    // A Vault error is described too: Vault's {"errors":[…]}, not Coffer's Error.
    const unbound = await vault("/v1/{mount}/data/{name}", { params: { mount: "secret", name: ["no-such-secret"] } });
    expectDescribed("GET", "/v1/{mount}/data/{name}", unbound, 403);
  });

  it("the runtime read as Kubernetes manifests, and a YAML manifest applied", async () => {
    const bound = await boundService();
    const token = (await createServiceToken(system, NS, bound.name, {})).token;
    const runtime = document.paths["/api/v1/runtime/secrets"]!.get as { responses: Responses };
    const content = runtime.responses["200"]!.content!;
    const handler = await loadHandler({ file: RUNTIME_FILE, method: "GET" });
    const read = async (accept: string) => {
      const request = new Request("http://coffer.test/api", { headers: { authorization: `Bearer ${token}`, accept } });
      const response = await handler(request, { params: Promise.resolve({}) });
      const type = mediaTypeKey(response.headers.get("content-type") ?? "");
      expect(response.status, accept).toBe(200);
      expect(Object.keys(content), `${accept} is answered as ${type}, which the document lists`).toContain(type);
      return { schema: content[type]!.schema, text: await response.text() };
    };
    const list = await read("application/json;profile=kubernetes");
    expect(checkAgainstSchema(JSON.parse(list.text), list.schema, components)).toEqual([]);
    const yaml = await read("application/yaml");
    expect(checkAgainstSchema(yaml.text, yaml.schema, components)).toEqual([]);
    // The YAML is described as text whose documents are the List's items: hold it to that.
    const item = (components.RuntimeSecretsKubernetesList!.properties as Record<string, Schema>).items!.items as Schema;
    const documents = parseAllDocuments(yaml.text) as { toJS(): unknown }[];
    expect(documents).toHaveLength(1);
    for (const doc of documents) expect(checkAgainstSchema(doc.toJS(), item, components)).toEqual([]);

    const applies = "/api/v1/namespaces/{ns}/manifests";
    const requestTypes = Object.keys((document.paths[applies]!.post as { requestBody: { content: object } }).requestBody.content);
    expect(requestTypes).toContain("application/yaml");
    const manifest = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${unique("yaml")}\nstringData:\n  value: x\n`;
    const applied = await (
      await loadHandler(route(applies, "POST"))
    )(
      new Request("http://coffer.test/api", {
        method: "POST",
        headers: { authorization: `Bearer ${owner}`, "content-type": "application/yaml" },
        body: manifest,
      }),
      { params: Promise.resolve({ ns: NS }) },
    );
    const text = await applied.text();
    expectDescribed("POST", applies, { status: applied.status, body: JSON.parse(text), text, headers: applied.headers }, 200);
  });

  it("sealed audit events, their charts, and a finished background verification", async () => {
    await sealPending("answers-test");
    const page = await send(route("/api/v1/audit", "GET"), { token: owner, query: "?limit=200" });
    expectDescribed("GET", "/api/v1/audit", page, 200);
    expect(page.body.events.some((e: { leafIndex: number | null }) => e.leafIndex !== null)).toBe(true);
    expectDescribed("GET", "/api/v1/audit/stats", await send(route("/api/v1/audit/stats", "GET"), { token: owner }), 200);

    const verify = route("/api/v1/audit/verify", "POST");
    expectDescribed("POST", verify.path, await send(verify, { token: owner, body: {} }), 202);
    while (await runNextJob("answers-test")) {
      // Runs the verification queued above (and anything queued before it) to the end.
    }
    const latest = await send(route("/api/v1/audit/verify", "GET"), { token: owner });
    expectDescribed("GET", "/api/v1/audit/verify", latest, 200);
    expect(latest.body.verification?.report, "the job left its report").toBeTruthy();
  });

  it("a re-wrap started and cancelled, and the status that reports it", async () => {
    const encryption = route("/api/v1/encryption", "POST");
    const started = await send(encryption, { token: owner, body: { action: "rewrap" } });
    if (started.status !== 409) expectDescribed("POST", encryption.path, started, 202);
    expectDescribed("POST", encryption.path, await send(encryption, { token: owner, body: { action: "cancel" } }), 200);
    const status = await send(route("/api/v1/encryption", "GET"), { token: owner });
    expectDescribed("GET", "/api/v1/encryption", status, 200);
    expect(status.body.job).not.toBeNull();
  });
});

// Regression: bad input to the secrets and namespaces API was a 500
// (236 of 1,082 fuzzed requests). Each test below names the input it
// guards against and checks the 4xx, that the message names the field, and that
// nothing was written (secrets, versions, namespaces, audit events).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call, personalToken } from "@/tests/support/api";
import { createUser } from "@/tests/support/factories";
import * as namespaceRoute from "../../[ns]/route";
import * as namespacesRoute from "../../route";
import * as secretRoute from "./[name]/route";
import * as rollbackRoute from "./[name]/rollback/route";
import * as valueRoute from "./[name]/value/route";
import * as versionsRoute from "./[name]/versions/route";
import * as listRoute from "./route";

const ns = { ns: "default" };
const pw = { ns: "default", name: "pw" };
let owner: string;

async function counts() {
  return {
    secrets: await db.secret.count(),
    versions: await db.secretVersion.count(),
    namespaces: await db.namespace.count(),
    events: await db.auditEvent.count(),
  };
}

/** Calls and checks: the status, a message naming the field, and no write of any kind. */
async function refused(
  result: Promise<{ status: number; body: { error?: { message: string } } }>,
  status: number,
  message: string | RegExp,
) {
  const before = await counts();
  const response = await result;
  expect(response.status).toBe(status);
  expect(response.body.error?.message).toMatch(message);
  expect(await counts()).toEqual(before);
}

/** A request whose body is raw bytes (call() sends text). */
async function rawBytes(bytes: Uint8Array<ArrayBuffer>) {
  const request = new Request("http://coffer.test/api", {
    method: "POST",
    headers: { authorization: `Bearer ${owner}`, "content-type": "application/json" },
    body: bytes,
  });
  const response = await listRoute.POST(request, { params: Promise.resolve(ns) });
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  owner = await personalToken((await createUser("owner@example.com", [{ role: "owner" }])).user.id);
  expect((await call(listRoute.POST, { token: owner, params: ns, body: { name: "pw", stringData: { value: "v1" } } })).status).toBe(201);
  expect((await call(versionsRoute.POST, { token: owner, params: pw, body: { stringData: { value: "v2" } } })).status).toBe(201);
});

describe("bad input to the secrets and namespaces API", () => {
  it("refuses a NUL in a path parameter (/secrets/%00) naming the parameter", async () => {
    // NUL bytes in path params reached PostgreSQL (500).
    const nul = { ns: "default", name: "\u0000" };
    await refused(call(secretRoute.GET, { token: owner, params: nul }), 400, "path parameter 'name' must not contain NUL");
    await refused(call(secretRoute.PATCH, { token: owner, params: nul, body: { labels: {} } }), 400, "path parameter 'name'");
    await refused(call(secretRoute.DELETE, { token: owner, params: nul, method: "DELETE" }), 400, "path parameter 'name'");
    await refused(call(valueRoute.GET, { token: owner, params: nul }), 400, "path parameter 'name'");
    await refused(call(rollbackRoute.POST, { token: owner, params: nul, body: { version: 1 } }), 400, "path parameter 'name'");
    await refused(call(listRoute.GET, { token: owner, params: { ns: "de\u0000fault" } }), 400, "path parameter 'ns'");
    await refused(call(namespaceRoute.DELETE, { token: owner, params: { ns: "x\u0000" }, method: "DELETE" }), 400, "path parameter 'ns'");
  });

  it("refuses a NUL in labels, names and filters naming the field, but keeps one inside a secret's value", async () => {
    // NUL bytes in labels, names and filters reached PostgreSQL (500).
    const body = (extra: object) => ({ name: "n1", stringData: { a: "b" }, ...extra });
    await refused(
      call(listRoute.POST, { token: owner, params: ns, body: body({ labels: { env: "pr\u0000od" } }) }),
      400,
      "labels.env must not contain NUL",
    );
    await refused(
      call(listRoute.POST, { token: owner, params: ns, body: body({ labels: { "e\u0000nv": "prod" } }) }),
      400,
      /^labels: label key/,
    );
    await refused(
      call(secretRoute.PATCH, { token: owner, params: pw, body: { labels: { env: "\u0000" } } }),
      400,
      "labels.env must not contain NUL",
    );
    await refused(call(listRoute.POST, { token: owner, params: ns, body: body({ name: "n\u0000" }) }), 400, /^name must be/);
    await refused(call(namespacesRoute.POST, { token: owner, body: { name: "ns\u0000" } }), 400, /^name must be a DNS label/);
    await refused(
      call(listRoute.GET, { token: owner, params: ns, query: "?filter=name=p%00" }),
      400,
      "query parameter 'filter' must not contain NUL",
    );

    // A value is bytes: a NUL in it is data, sealed and given back as it was.
    const created = await call(listRoute.POST, {
      token: owner,
      params: ns,
      body: { name: "nul-value", stringData: { value: "a\u0000b" } },
    });
    expect(created.status).toBe(201);
    const shown = await call(valueRoute.GET, { token: owner, params: { ns: "default", name: "nul-value" } });
    expect(Buffer.from(shown.body.data.value, "base64")).toEqual(Buffer.from("a\u0000b"));
  });

  it("refuses lone surrogates in JSON strings and invalid UTF-8 bodies", async () => {
    // Lone surrogates and invalid UTF-8 in JSON were a 500 (or silently mangled).
    await refused(
      call(listRoute.POST, { token: owner, params: ns, rawBody: '{"name":"s1","labels":{"env":"\\ud800"},"stringData":{"a":"b"}}' }),
      400,
      "labels.env must be valid Unicode",
    );
    await refused(
      call(listRoute.POST, { token: owner, params: ns, rawBody: '{"name":"s1","stringData":{"a":"x\\udc00y"}}' }),
      400,
      "stringData.a must be valid Unicode",
    );
    await refused(
      rawBytes(new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
      400,
      "request body must be UTF-8 text",
    );
  });

  it("refuses a body that is not a JSON object, nested too deep or too large", async () => {
    // Bodies that are not JSON, an array, a number; huge input.
    await refused(call(listRoute.POST, { token: owner, params: ns, rawBody: "not json" }), 400, "request body must be valid JSON");
    for (const rawBody of ["[1,2]", "42", "null", '"text"']) {
      await refused(call(listRoute.POST, { token: owner, params: ns, rawBody }), 400, "request body must be a JSON object");
    }
    await refused(
      call(listRoute.POST, { token: owner, params: ns, rawBody: `{"name":"d","labels":${"[".repeat(100)}${"]".repeat(100)}}` }),
      400,
      "nested too deeply",
    );
    await refused(
      call(listRoute.POST, { token: owner, params: ns, rawBody: `{"name":"big","stringData":{"a":"${"x".repeat(5 * 1024 * 1024)}"}}` }),
      413,
      "request body is larger than",
    );
  });

  it("refuses labels that are not an object of strings, naming the field", async () => {
    // Labels that are not string → string.
    const body = (labels: unknown) => ({ name: "l1", labels, stringData: { a: "b" } });
    await refused(
      call(listRoute.POST, { token: owner, params: ns, body: body({ env: 5 }) }),
      400,
      "labels.env: label values must be strings",
    );
    await refused(call(listRoute.POST, { token: owner, params: ns, body: body(["a"]) }), 400, "labels must be an object of strings");
    await refused(call(listRoute.POST, { token: owner, params: ns, body: body("env=prod") }), 400, "labels must be an object of strings");
    await refused(
      call(listRoute.POST, { token: owner, params: ns, body: { name: "l1", data: { a: 5 } } }),
      400,
      "data values must be strings",
    );
    await refused(
      call(listRoute.POST, { token: owner, params: ns, body: { name: "l1", stringData: ["a"] } }),
      400,
      "stringData must be an object",
    );
  });

  it("refuses versions past PostgreSQL's integer (rollback 2147483648, ?version=) naming the field", async () => {
    // Integers past 2^31 or 2^63 reached PostgreSQL (500).
    const range = "version must be a whole number from 1 to 2147483647";
    for (const version of [2147483648, 2 ** 63, 1e300, 1.5, 0, -1, "x"]) {
      await refused(call(rollbackRoute.POST, { token: owner, params: pw, body: { version } }), 400, range);
    }
    for (const query of [
      "?version=2147483648",
      "?version=99999999999999999999",
      "?version=abc",
      "?version=",
      "?version=1e3",
      "?version=-1",
    ]) {
      await refused(call(valueRoute.GET, { token: owner, params: pw, query }), 400, range);
    }
  });
});

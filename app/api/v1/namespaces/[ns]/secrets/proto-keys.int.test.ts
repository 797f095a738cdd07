// Regression: a secret key named `__proto__` was dropped silently by
// the API (and `constructor`, `toString` were at risk the same way): keys are
// data, never object properties, from the request to the sealed payload, the
// value route and the runtime delivery.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call, personalToken } from "@/tests/support/api";
import { createUser } from "@/tests/support/factories";
import * as runtimeRoute from "../../../runtime/secrets/route";
import * as bindingsRoute from "../services/[name]/bindings/route";
import * as tokensRoute from "../services/[name]/tokens/route";
import * as servicesRoute from "../services/route";
import * as secretRoute from "./[name]/route";
import * as valueRoute from "./[name]/value/route";
import * as versionsRoute from "./[name]/versions/route";
import * as listRoute from "./route";

const KEYS = ["__proto__", "constructor", "hasOwnProperty", "toString"];
const b64 = (text: string) => Buffer.from(text).toString("base64");
const ns = { ns: "default" };
let owner: string;

// Written as JSON text: a JavaScript object literal would turn `__proto__` into a prototype.
const jsonOf = (field: "data" | "stringData", suffix: string) =>
  `{${KEYS.map((key) => `"${key}":${JSON.stringify(field === "data" ? b64(`${key}-${suffix}`) : `${key}-${suffix}`)}`).join(",")}}`;

async function revealed(name: string): Promise<Map<string, string>> {
  const response = await call(valueRoute.GET, { token: owner, params: { ns: "default", name } });
  expect(response.status).toBe(200);
  // Parsed from the text: JSON.parse keeps `__proto__` as an own key.
  const data = JSON.parse(response.text).data as Record<string, string>;
  return new Map(Object.entries(data).map(([key, value]) => [key, Buffer.from(value, "base64").toString()]));
}

beforeAll(async () => {
  owner = await personalToken((await createUser("owner@example.com", [{ role: "owner" }])).user.id);
});

describe("secret keys that are also object property names", () => {
  it("keep their values through create, rotate, reveal and runtime delivery", async () => {
    const created = await call(listRoute.POST, { token: owner, params: ns, rawBody: `{"name":"proto","data":${jsonOf("data", "v1")}}` });
    expect(created.status).toBe(201);
    expect(created.body.keys.map((k: { name: string }) => k.name).sort()).toEqual([...KEYS].sort());
    expect(await revealed("proto")).toEqual(new Map(KEYS.map((key) => [key, `${key}-v1`])));

    const rotated = await call(versionsRoute.POST, {
      token: owner,
      params: { ns: "default", name: "proto" },
      rawBody: `{"stringData":${jsonOf("stringData", "v2")}}`,
    });
    expect(rotated.status).toBe(201);
    expect(rotated.body.keys.map((k: { name: string }) => k.name).sort()).toEqual([...KEYS].sort());
    expect(await revealed("proto")).toEqual(new Map(KEYS.map((key) => [key, `${key}-v2`])));
    const audited = await db.auditEvent.findFirstOrThrow({ where: { action: "secret.rotate" } });
    expect((audited.details as { keys: string[] }).keys).toEqual([...KEYS].sort());

    expect((await call(servicesRoute.POST, { token: owner, params: ns, body: { name: "app" } })).status).toBe(201);
    const bound = await call(bindingsRoute.POST, { token: owner, params: { ns: "default", name: "app" }, body: { secret: "proto" } });
    expect(bound.status).toBe(201);
    const minted = await call(tokensRoute.POST, { token: owner, params: { ns: "default", name: "app" }, body: {} });
    const request = new Request("http://coffer.test/api/v1/runtime/secrets", { headers: { authorization: `Bearer ${minted.body.token}` } });
    const delivered = await runtimeRoute.GET(request, { params: Promise.resolve({}) });
    expect(delivered.status).toBe(200);
    const files = (JSON.parse(await delivered.text()).secrets[0].files as { path: string; data: string }[]).map(
      (f) => [f.path.split("/").at(-1)!, Buffer.from(f.data, "base64").toString()] as const,
    );
    expect(new Map(files)).toEqual(new Map(KEYS.map((key) => [key, `${key}-v2`])));
  });

  it("refuses a `__proto__` label by name instead of dropping it, and matches a `constructor` label only where it is set", async () => {
    const before = await db.secret.count();
    const refused = await call(listRoute.POST, {
      token: owner,
      params: ns,
      rawBody: `{"name":"lab","labels":{"__proto__":"x"},"stringData":{"a":"b"}}`,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain("label key '__proto__'");
    expect(await db.secret.count()).toBe(before);

    expect(
      (
        await call(listRoute.POST, {
          token: owner,
          params: ns,
          body: { name: "lab", labels: { constructor: "yes" }, stringData: { a: "b" } },
        })
      ).status,
    ).toBe(201);
    expect((await call(listRoute.POST, { token: owner, params: ns, body: { name: "plain", stringData: { a: "b" } } })).status).toBe(201);
    const matched = await call(listRoute.GET, { token: owner, params: ns, query: "?filter=label=constructor" });
    expect(matched.body.secrets.map((s: { name: string }) => s.name)).toEqual(["lab"]);
    const shown = await call(secretRoute.GET, { token: owner, params: { ns: "default", name: "lab" } });
    expect(shown.body.labels).toEqual({ constructor: "yes" });
  });
});

// Regression: `kubectl create secret generic x --from-literal=a=b
// --dry-run=client -o json` posted to POST /api/v1/namespaces/{ns}/secrets
// answered `400 name is required`. Now the create route takes Kubernetes
// Secrets (JSON, or YAML by Content-Type), Lists and YAML streams, as
// kubectl itself writes them (lib/secrets/kubernetes/fixtures).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createUser } from "@/tests/support/factories";
import { personalToken } from "@/tests/support/api";
import { createFromText, fixture, valuesOf } from "./manifest-requests";

let owner: string;
let viewer: string;

beforeAll(async () => {
  owner = await personalToken((await createUser("owner@example.com", [{ role: "owner" }])).user.id);
  viewer = await personalToken((await createUser("viewer@example.com", [{ role: "viewer" }])).user.id);
  await db.namespace.create({ data: { id: "ns_json", name: "json" } });
  await db.namespace.create({ data: { id: "ns_lists", name: "lists" } });
});

describe("kubectl's manifests create secrets", () => {
  it("the bug: a generic Secret as kubectl prints it in JSON", async () => {
    const created = await createFromText(owner, fixture("generic.json"), "application/json", "json");
    expect(created.status, created.text).toBe(201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    expect(created.body.secrets.map((s: { name: string; type: string }) => [s.name, s.type])).toEqual([["db-pw", "Opaque"]]);
    expect(await valuesOf(owner, "db-pw", "json")).toEqual({ password: "s3cr3t-fixture", user: "app" });
  });

  it.each([
    ["tls.yaml", "application/yaml", "web-tls", "kubernetes.io/tls"],
    ["docker-registry.yaml", "application/x-yaml", "regcred", "kubernetes.io/dockerconfigjson"],
    ["basic-auth.yaml", "text/yaml; charset=utf-8", "basic", "kubernetes.io/basic-auth"],
    ["ssh-auth.yaml", "application/yaml", "ssh-key", "kubernetes.io/ssh-auth"],
  ])("%s as %s", async (file, contentType, name, type) => {
    const created = await createFromText(owner, fixture(file), contentType);
    expect(created.status, created.text).toBe(201);
    expect(created.body.secrets[0]).toMatchObject({ name, type, version: 1, namespace: "default" });
  });

  it("a multi-document YAML stream, labels kept and annotations named in warnings", async () => {
    const stream = fixture("multi-doc.yaml").replace(/name: (db-pw|basic|ssh-key)$/gm, "name: stream-$1");
    const created = await createFromText(owner, stream);
    expect(created.status, created.text).toBe(201);
    expect(created.body.secrets.map((s: { name: string }) => s.name)).toEqual([
      "stream-db-pw",
      "stream-basic",
      "stream-ssh-key",
      "labeled",
    ]);
    expect(created.body.secrets[3].labels).toEqual({ env: "prod", team: "payments" });
    expect(created.body.warnings).toEqual(["secret/labeled: annotations are not kept by Coffer; ignored: owner"]);
  });

  it("kubectl's last-applied-configuration is dropped and shows nowhere", async () => {
    const created = await createFromText(owner, fixture("saved-config.yaml"));
    expect(created.status, created.text).toBe(201);
    expect(created.body.warnings).toEqual([]);
    const events = await db.auditEvent.findMany({ where: { resourceName: "api-key" }, select: { details: true } });
    expect(JSON.stringify(events)).not.toContain("Zml4dHVyZS10b2tlbg");
    expect(created.text).not.toContain("Zml4dHVyZS10b2tlbg");
  });
});

describe("a List is created all or nothing", () => {
  it("a name taken at items[1] refuses the List and creates none of it", async () => {
    const list = JSON.parse(fixture("list.json"));
    list.items[0].metadata.name = "list-first";
    list.items[1].metadata.name = "db-pw"; // taken in namespace json by the first test
    list.items[2].metadata.name = "list-third";
    const refused = await createFromText(owner, JSON.stringify(list), "application/json", "json");
    expect(refused.status, refused.text).toBe(409);
    expect(refused.body.error.message).toContain("secret 'db-pw' already exists");
    expect(await db.secret.count({ where: { name: { in: ["list-first", "list-third"] } } })).toBe(0);
  });

  it("the whole List otherwise, one secret.create event each", async () => {
    const created = await createFromText(owner, fixture("list.json"), "application/json", "lists");
    expect(created.status, created.text).toBe(201);
    expect(created.body.secrets.map((s: { name: string; labels: object }) => [s.name, s.labels])).toEqual([
      ["db-pw", { app: "demo" }],
      ["web-tls", { app: "demo" }],
      ["regcred", { app: "demo" }],
    ]);
    const events = await db.auditEvent.findMany({
      where: { action: "secret.create", namespace: "lists", resourceName: { in: ["db-pw", "web-tls", "regcred"] } },
    });
    expect(events).toHaveLength(3);
  });
});

describe("bad manifests are a 4xx naming the problem, never a 500 or a value", () => {
  const secret = (extra: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: bad\n${extra}`;
  it.each([
    ["data.a is not base64", secret("data:\n  a: not*base64\n")],
    ["metadata.name 'Bad_Name' is not a valid name", secret("stringData:\n  a: b\n").replace("name: bad", "name: Bad_Name")],
    ["type 'example.com/custom' is not supported", secret("type: example.com/custom\nstringData:\n  a: b\n")],
    ["metadata.namespace 'prod' differs from the request's namespace 'default'", secret("  namespace: prod\nstringData:\n  a: b\n")],
    ["the manifest is not valid YAML at line", secret("stringData:\n  a: CANARY-7d1f3b\n   b: c\n")],
  ])("%s", async (message, body) => {
    const refused = await createFromText(owner, body);
    expect(refused.status, refused.text).toBe(400);
    expect(refused.body.error.message).toContain(message);
    expect(refused.text).not.toContain("CANARY");
  });

  it("a JSON manifest with a bad item names it", async () => {
    const list = JSON.parse(fixture("list.json"));
    list.items[2].data[".dockerconfigjson"] = "e30=!";
    const refused = await createFromText(owner, JSON.stringify(list), "application/json");
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe("items[2].data..dockerconfigjson is not base64");
  });

  it("a body that is not UTF-8 is refused", async () => {
    const refused = await createFromText(owner, new Uint8Array([0x61, 0x3a, 0x20, 0xff, 0xfe]), "application/yaml");
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe("request body must be UTF-8 text");
  });

  it("a viewer may not create from a manifest (403, audited)", async () => {
    const refused = await createFromText(viewer, secret("stringData:\n  a: b\n"));
    expect(refused.status).toBe(403);
    expect(await db.auditEvent.count({ where: { action: "secret.create", outcome: "denied" } })).toBeGreaterThan(0);
  });
});

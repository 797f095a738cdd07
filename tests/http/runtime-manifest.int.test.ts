// GET /api/v1/runtime/secrets as Kubernetes Secret manifests: the same
// read as the JSON answer (one audit event per binding, the reverse
// lookup), its own ETags, and output the real kubectl applies.
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as runtimeRoute from "@/app/api/v1/runtime/secrets/route";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log/logger";
import { createSecret } from "@/lib/secrets/create-secret";
import { rotateSecret } from "@/lib/secrets/rotate-secret";
import { updateSecretLabels } from "@/lib/secrets/update-secret-labels";
import { addBinding } from "@/lib/services/bindings";
import { createService } from "@/lib/services/manage-services";
import { createServiceToken } from "@/lib/services/service-tokens";
import { createUser } from "@/tests/support/factories";
import { decodedData, kubectlApplyDryRun } from "@/tests/support/kubectl";
import { CANARY } from "@/tests/support/leak-canary";

const CERT = "-----BEGIN CERTIFICATE-----\nMIIBcanary\n-----END CERTIFICATE-----\n";
const KEY = `-----BEGIN PRIVATE KEY-----\n${CANARY}-key\n-----END PRIVATE KEY-----\n`;
const PW = `${CANARY}-db`;

let owner: Awaited<ReturnType<typeof createUser>>["actor"];
let token: string;

async function get(headers: Record<string, string> = {}, query = "") {
  const request = new Request(`http://coffer.test/api/v1/runtime/secrets${query}`, {
    headers: { authorization: `Bearer ${token}`, "x-request-id": "req-manifest", ...headers },
  });
  const response = await runtimeRoute.GET(request, { params: Promise.resolve({}) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}
const yaml = (query = "", headers: Record<string, string> = {}) => get({ accept: "application/yaml", ...headers }, query);

const reads = () => db.auditEvent.count({ where: { action: "secret.read", outcome: "success" } });

beforeAll(async () => {
  owner = (await createUser("owner@example.com", [{ role: "owner" }])).actor;
  await createSecret(owner, "default", {
    name: "db_pw",
    stringData: { password: PW }, // A bare yes is a boolean to kubectl's YAML 1.1 and fails to decode: it must go out quoted.
    labels: { app: "web", enabled: "yes", "team/a/b": "x" },
  });
  await createSecret(owner, "default", { name: "tls", type: "kubernetes.io/tls", stringData: { "tls.crt": CERT, "tls.key": KEY } });
  await createSecret(owner, "default", { name: "config", stringData: { host: "db", port: "5432", enabled: "yes" }, immutable: true });
  await createService(owner, "default", { name: "web" });
  await addBinding(owner, "default", "web", { secret: "db_pw", target: "db-password" });
  await addBinding(owner, "default", "web", { secret: "tls", target: "certs/tls" });
  await addBinding(owner, "default", "web", { secret: "tls", target: "tls-key", key: "tls.key" });
  await addBinding(owner, "default", "web", { secret: "config" });
  token = (await createServiceToken(owner, "default", "web", {})).token;
});

describe("the runtime API as Kubernetes Secrets", () => {
  it("answers multi-document YAML that kubectl applies, with every value intact", async () => {
    const answer = await yaml("?namespace=prod");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/yaml; charset=utf-8");
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.headers.get("vary")).toBe("Accept");

    const applied = await kubectlApplyDryRun(answer.text);
    expect(applied.stderr).toBe("");
    expect(applied.code).toBe(0);
    const byName = Object.fromEntries(applied.objects.map((o) => [o.metadata.name, o]));
    const certsName = Object.keys(byName).find((name) => name.startsWith("certs-tls-"))!;
    expect(Object.keys(byName).sort()).toEqual([certsName, "config", "db-password", "tls-key"].sort());
    expect(applied.objects.every((o) => o.kind === "Secret" && o.metadata.namespace === "prod")).toBe(true);

    expect(byName["db-password"]).toMatchObject({ type: "Opaque", metadata: { labels: { app: "web", enabled: "yes" } } });
    expect(byName["db-password"]!.metadata.annotations).toMatchObject({
      "coffer.dev/secret": "default/db_pw",
      "coffer.dev/version": "1",
      "coffer.dev/service": "default/web",
    });
    expect(decodedData(byName["db-password"]!)).toEqual({ password: PW });
    expect(byName[certsName]).toMatchObject({ type: "kubernetes.io/tls" });
    expect(decodedData(byName[certsName]!)).toEqual({ "tls.crt": CERT, "tls.key": KEY });
    expect(byName["tls-key"]).toMatchObject({ type: "Opaque" });
    expect(decodedData(byName["tls-key"]!)).toEqual({ "tls.key": KEY });
    expect(byName.config).toMatchObject({ immutable: true });
    expect(decodedData(byName.config!)).toEqual({ host: "db", port: "5432", enabled: "yes" });
  });

  it("answers a kind: List for application/json;profile=kubernetes, which kubectl applies too", async () => {
    const answer = await get({ accept: "application/json;profile=kubernetes" });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/json; profile=kubernetes; charset=utf-8");
    expect(JSON.parse(answer.text)).toMatchObject({ apiVersion: "v1", kind: "List" });
    const applied = await kubectlApplyDryRun(answer.text);
    expect(applied.code).toBe(0);
    expect(applied.objects).toHaveLength(4);
    // No namespace asked for: kubectl puts them in its current one.
    expect(applied.objects.every((o) => o.metadata.namespace === "default")).toBe(true);
  });

  it("is the same read as the JSON answer: one audit event per binding, no value in the trail or the log", async () => {
    const logged = (["info", "warn", "error", "debug"] as const).map((level) => vi.spyOn(log, level));
    try {
      const before = await reads();
      expect((await yaml()).status).toBe(200);
      expect(await reads()).toBe(before + 4);
      const events = await db.auditEvent.findMany({ where: { action: "secret.read" }, orderBy: { seq: "desc" }, take: 4 });
      expect(events.map((e) => (e.details as { target: string }).target).sort()).toEqual(["certs/tls", "config", "db-password", "tls-key"]);
      const trail = JSON.stringify(events.map((e) => e.details));
      const logs = JSON.stringify(logged.map((spy) => spy.mock.calls));
      for (const text of [trail, logs]) {
        expect(text).not.toContain(CANARY);
        expect(text).not.toContain(Buffer.from(PW).toString("base64"));
      }
    } finally {
      for (const spy of logged) spy.mockRestore();
    }
    // The reverse lookup names the service as a reader of each secret.
    const web = await db.service.findFirstOrThrow({ where: { name: "web" } });
    expect(await db.secretAccess.count({ where: { readerId: web.id } })).toBe(3);
  });

  it("has ETags of its own, per format and namespace, that change with labels and versions", async () => {
    const json = await get();
    const first = await yaml();
    const prod = await yaml("?namespace=prod");
    const list = await get({ accept: "application/json;profile=kubernetes" });
    const etags = [json, first, prod, list].map((a) => a.headers.get("etag"));
    expect(new Set(etags).size).toBe(4);

    const before = await reads();
    const unchanged = await yaml("", { "if-none-match": first.headers.get("etag")! });
    expect(unchanged).toMatchObject({ status: 304, text: "" });
    // The JSON ETag does not stand for the manifest: a full answer.
    expect((await yaml("", { "if-none-match": json.headers.get("etag")! })).status).toBe(200);
    expect(await reads()).toBe(before + 4);

    // A label is in the manifest, not in the JSON answer: only the manifest's ETag moves.
    await updateSecretLabels(owner, "default", "db_pw", { labels: { app: "api" } });
    expect((await yaml("", { "if-none-match": first.headers.get("etag")! })).status).toBe(200);
    expect((await get({ "if-none-match": json.headers.get("etag")! })).status).toBe(304);

    await rotateSecret(owner, "default", "db_pw", { stringData: { password: `${PW}-2` } });
    const rotated = await yaml();
    expect(rotated.text).toContain('coffer.dev/version: "2"');
  });

  it("refuses a namespace Kubernetes would refuse, and a namespace without a manifest, before reading anything", async () => {
    const before = await reads();
    const bad = await yaml("?namespace=Prod_1");
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error.message).toBe(
      "query parameter 'namespace' must be a Kubernetes namespace name: at most 63 lowercase letters, digits or '-', starting and ending with a letter or digit",
    );
    const jsonWithNamespace = await get({}, "?namespace=prod");
    expect(jsonWithNamespace.status).toBe(400);
    expect(JSON.parse(jsonWithNamespace.text).error.message).toMatch(/applies only to a Kubernetes manifest/);
    expect(await reads()).toBe(before);
  });

  it("keeps the JSON answer as it was", async () => {
    const answer = await get({ accept: "application/json" });
    expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
    const body = JSON.parse(answer.text);
    expect(Object.keys(body)).toEqual(["service", "secrets"]);
    expect(Object.keys(body.secrets[0]).sort()).toEqual(["envName", "files", "gid", "kind", "mode", "secret", "target", "uid", "version"]);
  });
});

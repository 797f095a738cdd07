// Coffer as a kube-apiserver's KMS: Encrypt/Decrypt/Status through the
// routes `coffer kms-plugin` calls, with real integration tokens and the
// process keyring swapped for test keyrings to drill a key rotation.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { createIntegration } from "@/lib/integrations/create-integration";
import { revokeIntegration } from "@/lib/integrations/revoke-integration";
import { processKeyring, setProcessKeyring } from "@/lib/keys/process-keyring";
import { localKeyring } from "@/lib/keys/test-support/sealed-versions";
import { createNamespace } from "@/lib/namespaces/create-namespace";
import { checkAgainstSchema } from "@/lib/openapi/check-against-schema";
import { openApiDocument } from "@/lib/openapi/document";
import { call } from "@/tests/support/api";
import { GET as status } from "@/app/api/v1/integrations/kubernetes-kms/status/route";
import { POST as encrypt } from "@/app/api/v1/integrations/kubernetes-kms/encrypt/route";
import { POST as decrypt } from "@/app/api/v1/integrations/kubernetes-kms/decrypt/route";
import { flushKmsUsage } from "@/lib/integrations/kms/kms-usage";

const system = systemActor();
// What an apiserver sends: a 32-byte DEK seed. Recognisable, so a leak of it shows.
const SEED = Buffer.from("CANARY-kms-seed-0123456789abcdef");
const seed64 = SEED.toString("base64");

let kms: string;
let other: string;

async function kmsToken(namespace: string, name: string, kind: "kubernetes-kms" | "docker-swarm" = "kubernetes-kms") {
  return (await createIntegration(system, namespace, { kind, name })).token;
}

beforeAll(async () => {
  await createNamespace(system, { name: "cluster" });
  kms = await kmsToken("cluster", "prod-apiserver");
  other = await kmsToken("cluster", "staging-apiserver");
});

afterEach(() => setProcessKeyring(undefined));

async function sealed(token = kms) {
  const result = await call(encrypt, { token, body: { plaintext: seed64, uid: "uid-1" } });
  expect(result.status, result.text).toBe(200);
  return result.body as { ciphertext: string; keyId: string; annotations: Record<string, string> };
}

function expectNoSeed(text: string) {
  expect(text).not.toContain(seed64);
  expect(text).not.toContain("CANARY");
}

describe("the KMS v2 endpoints", () => {
  it("report the keyring's primary as the key id, and follow a rotation", async () => {
    const before = await call(status, { token: kms });
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ version: "v2", healthz: "ok", keyId: processKeyring().keyring.primary });
    expect(before.headers.get("cache-control")).toBe("no-store");

    setProcessKeyring(localKeyring("k2", "k1"));
    expect((await call(status, { token: kms })).body.keyId).toBe("k2");
  });

  it("encrypt and decrypt a DEK seed; the ciphertext does not hold it", async () => {
    const answer = await sealed();
    expect(answer.keyId).toBe(processKeyring().keyring.primary);
    expect(answer.annotations).toEqual({});
    expect(Buffer.from(answer.ciphertext, "base64").includes(SEED)).toBe(false);
    expect(Buffer.from(answer.ciphertext, "base64").length).toBeLessThan(1024);
    const opened = await call(decrypt, { token: kms, body: { ciphertext: answer.ciphertext, keyId: answer.keyId, uid: "uid-2" } });
    expect(opened.status, opened.text).toBe(200);
    expect(opened.body).toEqual({ plaintext: seed64 });
  });

  it("still decrypt data of the old key after a rotation, under its own key id", async () => {
    setProcessKeyring(localKeyring("k1"));
    const old = await sealed();
    expect(old.keyId).toBe("k1");
    setProcessKeyring(localKeyring("k2", "k1"));
    expect((await sealed()).keyId).toBe("k2");
    const opened = await call(decrypt, { token: kms, body: { ciphertext: old.ciphertext, keyId: "k1" } });
    expect(opened.body).toEqual({ plaintext: seed64 });
    // Presented under the new key's id, it does not authenticate.
    const moved = await call(decrypt, { token: kms, body: { ciphertext: old.ciphertext, keyId: "k2" } });
    expect(moved.status).toBe(400);
    expect(moved.body.error.message).toMatch(/integrity check failed/);
  });

  it("refuse another integration's ciphertext", async () => {
    const answer = await sealed(other);
    const result = await call(decrypt, { token: kms, body: { ciphertext: answer.ciphertext, keyId: answer.keyId } });
    expect(result.status).toBe(400);
    expect(result.body.error.message).toMatch(/integrity check failed/);
    expectNoSeed(result.text);
  });

  it("refuse an altered ciphertext, naming the integrity failure and nothing of the data", async () => {
    const answer = await sealed();
    const bytes = Buffer.from(answer.ciphertext, "base64");
    for (const at of [0, 5, bytes.length - 1]) {
      const altered = Buffer.from(bytes);
      altered[at]! ^= 0x01;
      const result = await call(decrypt, { token: kms, body: { ciphertext: altered.toString("base64"), keyId: answer.keyId } });
      expect(result.status, `byte ${at}`).toBe(400);
      expect(result.body.error).toEqual({ code: "bad_request", message: expect.stringMatching(/^integrity check failed/) });
      expectNoSeed(result.text);
    }
    const truncated = bytes.subarray(0, 20).toString("base64");
    expect((await call(decrypt, { token: kms, body: { ciphertext: truncated, keyId: answer.keyId } })).status).toBe(400);
  });

  it("refuse a key id the keyring does not have", async () => {
    const answer = await sealed();
    const result = await call(decrypt, { token: kms, body: { ciphertext: answer.ciphertext, keyId: "aws-kms-key-1" } });
    expect(result.status).toBe(400);
    expect(result.body.error.message).toBe("unknown key id 'aws-kms-key-1': no key of Coffer's keyring has that name");
  });

  it("refuse bad input with a 400 naming the field", async () => {
    const bad: [unknown, RegExp][] = [
      [{ plaintext: "not base64!", uid: "u" }, /plaintext is not base64/],
      [{ plaintext: "", uid: "u" }, /plaintext must not be empty/],
      [{ plaintext: Buffer.alloc(513).toString("base64") }, /plaintext is 513 bytes, over the limit of 512/],
      [{ plaintext: seed64, uid: "a b" }, /uid must be printable ASCII/],
      [{ plaintext: seed64, uid: "u".repeat(129) }, /uid is at most 128/],
      [{ uid: "u" }, /plaintext must be a base64 string/],
    ];
    for (const [body, message] of bad) {
      const result = await call(encrypt, { token: kms, body });
      expect(result.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(result.body.error.message).toMatch(message);
    }
    const { ciphertext, keyId } = await sealed();
    const badDecrypt: [unknown, RegExp][] = [
      [{ ciphertext, keyId: "" }, /keyId must not be empty/],
      [{ ciphertext }, /keyId must be a string/],
      [{ ciphertext, keyId, annotations: { "Not_A_Domain/x": "AA==" } }, /is not a fully qualified domain name/],
      [{ ciphertext, keyId, annotations: { "kms.example.com": "%%" } }, /annotation value is not base64/],
      [{ ciphertext: Buffer.alloc(1025).toString("base64"), keyId }, /ciphertext is 1025 bytes/],
    ];
    for (const [body, message] of badDecrypt) {
      const result = await call(decrypt, { token: kms, body });
      expect(result.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(result.body.error.message).toMatch(message);
    }
    // Valid annotations are accepted and ignored.
    const annotated = await call(decrypt, { token: kms, body: { ciphertext, keyId, annotations: { "version.kms.example.com": "AQ==" } } });
    expect(annotated.body).toEqual({ plaintext: seed64 });
  });

  it("refuse a missing, revoked or other-kind token", async () => {
    expect((await call(status, {})).status).toBe(401);
    expect((await call(encrypt, { token: "cfi_invented", body: { plaintext: seed64 } })).status).toBe(401);
    const swarm = await kmsToken("cluster", "a-swarm", "docker-swarm");
    const wrongKind = await call(status, { token: swarm });
    expect(wrongKind.status).toBe(403);
    expect(wrongKind.body.error.message).toMatch(/kind docker-swarm/);

    const token = await kmsToken("cluster", "soon-revoked");
    const answer = await sealed(token);
    const row = await db.integration.findFirstOrThrow({ where: { name: "soon-revoked" } });
    await revokeIntegration(system, "cluster", row.id);
    const refused = await call(decrypt, { token, body: { ciphertext: answer.ciphertext, keyId: answer.keyId } });
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toBe("the integration token is revoked");
    expectNoSeed(refused.text);
  });
});

describe("the KMS endpoints' answers", () => {
  it("are what the OpenAPI document describes, errors included", async () => {
    const document = openApiDocument("http://coffer.test");
    const components = document.components.schemas as Record<string, Record<string, unknown>>;
    type Responses = Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
    const described = (method: string, path: string, result: { status: number; body: unknown }) => {
      const operation = document.paths[`/api/v1/integrations/kubernetes-kms/${path}`]?.[method] as { responses: Responses } | undefined;
      const schema = operation?.responses[String(result.status)]?.content?.["application/json"]?.schema;
      expect(schema, `${method} ${path} ${result.status} has a schema`).toBeDefined();
      expect(checkAgainstSchema(result.body, schema!, components), `${method} ${path} ${result.status}`).toEqual([]);
    };
    described("get", "status", await call(status, { token: kms }));
    const answer = await sealed();
    described("post", "encrypt", await call(encrypt, { token: kms, body: { plaintext: seed64, uid: "u" } }));
    described("post", "decrypt", await call(decrypt, { token: kms, body: { ciphertext: answer.ciphertext, keyId: answer.keyId } }));
    described("post", "decrypt", await call(decrypt, { token: kms, body: { ciphertext: answer.ciphertext, keyId: "nope" } }));
    described("post", "encrypt", await call(encrypt, { body: { plaintext: seed64 } }));
  });
});

describe("KMS usage in the audit trail", () => {
  it("is one event per integration and minute with the counts, not one per call, and holds no data", async () => {
    await flushKmsUsage({ all: true });
    const since = (await db.auditEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0n;
    const token = await kmsToken("cluster", "counted");
    const answer = await sealed(token);
    await sealed(token);
    await call(decrypt, { token, body: { ciphertext: answer.ciphertext, keyId: answer.keyId } });
    await call(decrypt, { token, body: { ciphertext: answer.ciphertext, keyId: "gone-key" } });
    await call(decrypt, { token, body: { ciphertext: "AAAA", keyId: answer.keyId } });
    await call(status, { token });
    await call(encrypt, { token, body: { plaintext: "%" } });
    expect(await db.auditEvent.count({ where: { seq: { gt: since }, action: "integration.kms_usage" } })).toBe(0);

    expect(await flushKmsUsage({ all: true })).toBeGreaterThanOrEqual(1);
    const events = await db.auditEvent.findMany({
      where: { seq: { gt: since }, action: "integration.kms_usage", resourceName: "counted" },
      orderBy: { seq: "asc" },
    });
    // A run that crosses a minute's end writes that minute apart: add them up.
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(events.length).toBeLessThanOrEqual(2);
    const sum = (field: string) => events.reduce((total, e) => total + Number((e.details as Record<string, unknown>)[field] ?? 0), 0);
    const failures = (name: string) =>
      events.reduce((total, e) => total + Number(((e.details as { failures: Record<string, number> }).failures ?? {})[name] ?? 0), 0);
    expect({ encrypt: sum("encrypt"), decrypt: sum("decrypt"), status: sum("status") }).toEqual({ encrypt: 3, decrypt: 3, status: 1 });
    expect({
      unknownKey: failures("decrypt.unknown_key"),
      integrity: failures("decrypt.integrity"),
      bad: failures("encrypt.bad_request"),
    }).toEqual({
      unknownKey: 1,
      integrity: 1,
      bad: 1,
    });
    const event = events[0]!;
    expect(event).toMatchObject({
      actorType: "integration",
      actorLabel: "cluster/counted",
      namespace: "cluster",
      resourceType: "integration",
      outcome: "success",
    });
    expect((event.details as { minute: string }).minute).toMatch(/:00\.000Z$/);
    expect(events.flatMap((e) => (e.details as { keyIds: string[] }).keyIds)).toContain("gone-key");
    expectNoSeed(JSON.stringify(events.map((e) => e.details)));
    // Nothing is left to write.
    expect(await flushKmsUsage({ all: true })).toBe(0);
  });

  it("writes only the minutes that have ended unless told to write all", async () => {
    const token = await kmsToken("cluster", "minutes");
    await flushKmsUsage({ all: true });
    await call(status, { token });
    expect(await flushKmsUsage({ now: new Date(Date.now() - 120_000) })).toBe(0);
    expect(await flushKmsUsage({ now: new Date(Date.now() + 60_000) })).toBe(1);
  });
});

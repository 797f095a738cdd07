import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";
import { describe, expect, it } from "vitest";
import { assertNoLeak, CANARY } from "../../tests/support/leak-canary";
import { FORMAT_ANNOTATION, localKeyId, startLocalKms } from "./kms-server";

const socketIn = () => join(mkdtempSync(join(tmpdir(), "coffer-kms-")), "kms.sock");
const protoFile = fileURLToPath(new URL("../../packages/contracts/src/kms/api.proto", import.meta.url));

type Unary = (request: object, callback: (error: grpc.ServiceError | null, response: Record<string, unknown>) => void) => void;
type StockClient = grpc.Client & Record<"Status" | "Encrypt" | "Decrypt", Unary>;

/**
 * A client as any KMS v2 user would write it: api.proto read from disk, no
 * Coffer code. It proves the reference plugin speaks the upstream API.
 */
function stockClient(socketPath: string): StockClient {
  const definition = protoLoader.loadSync(protoFile, { keepCase: true, longs: String, defaults: true });
  const v2 = (grpc.loadPackageDefinition(definition) as { v2: { KeyManagementService: grpc.ServiceClientConstructor } }).v2;
  return new v2.KeyManagementService(`unix://${socketPath}`, grpc.credentials.createInsecure()) as unknown as StockClient;
}

function call(client: StockClient, method: "Status" | "Encrypt" | "Decrypt", request: object) {
  return new Promise<Record<string, unknown>>((resolve, reject) =>
    client[method](request, (error, response) => (error ? reject(error) : resolve(response))),
  );
}

async function refusal(promise: Promise<unknown>): Promise<grpc.ServiceError> {
  return promise.then(
    () => {
      throw new Error("expected a gRPC error");
    },
    (error: grpc.ServiceError) => error,
  );
}

describe("the reference KMS v2 plugin", () => {
  it("serves Status, Encrypt and Decrypt to a stock grpc-js client loading api.proto", async () => {
    const socketPath = socketIn();
    const key = randomBytes(32);
    const kms = await startLocalKms({ socketPath, key });
    const client = stockClient(socketPath);
    try {
      expect(await call(client, "Status", {})).toEqual({ version: "v2", healthz: "ok", key_id: localKeyId(key) });

      const plaintext = Buffer.from(CANARY);
      const sealed = await call(client, "Encrypt", { plaintext, uid: "uid-1" });
      expect(sealed.key_id).toBe(kms.keyId);
      expect((sealed.ciphertext as Buffer).includes(plaintext)).toBe(false);
      const request = { ciphertext: sealed.ciphertext, uid: "uid-2", key_id: sealed.key_id, annotations: sealed.annotations };
      expect(((await call(client, "Decrypt", request)).plaintext as Buffer).toString()).toBe(CANARY);

      const altered = Buffer.from(sealed.ciphertext as Buffer);
      altered[altered.length - 1]! ^= 0x01;
      const refusals = [
        await refusal(call(client, "Decrypt", { ...request, ciphertext: altered })),
        await refusal(call(client, "Decrypt", { ...request, key_id: "someone-elses-key" })),
        await refusal(call(client, "Decrypt", { ...request, annotations: {} })),
        await refusal(call(client, "Encrypt", { plaintext: Buffer.alloc(0), uid: "uid-3" })),
      ];
      expect(refusals.map((error) => error.code)).toEqual(Array(4).fill(grpc.status.INVALID_ARGUMENT));
      expect(refusals.map((error) => error.details)).toEqual([
        "ciphertext does not authenticate",
        "unknown key_id",
        `annotation ${FORMAT_ANNOTATION} is missing or unknown`,
        "plaintext must be 1-1024 bytes",
      ]);
      for (const error of refusals) assertNoLeak(error, CANARY, key);
    } finally {
      client.close();
      await kms.close();
    }
  });

  it("reports its new key_id after a rotation, and healthz as set", async () => {
    const socketPath = socketIn();
    const kms = await startLocalKms({ socketPath, key: randomBytes(32) });
    const client = stockClient(socketPath);
    try {
      const next = randomBytes(32);
      expect(kms.rotate(next)).toBe(localKeyId(next));
      kms.setHealthz("kek unreachable");
      expect(await call(client, "Status", {})).toMatchObject({ healthz: "kek unreachable", key_id: localKeyId(next) });
    } finally {
      client.close();
      await kms.close();
    }
  });

  it("serves its socket with mode 0600 and removes it on close", async () => {
    const socketPath = socketIn();
    const kms = await startLocalKms({ socketPath, key: randomBytes(32) });
    expect(statSync(socketPath).mode & 0o777).toBe(0o600);
    await kms.close();
    expect(existsSync(socketPath)).toBe(false);
  });

  it("takes over a stale socket file left by a crash", async () => {
    const socketPath = socketIn();
    const script = `require("node:net").createServer().listen(${JSON.stringify(socketPath)}, () => process.exit(0))`;
    spawnSync(process.execPath, ["-e", script]);
    expect(statSync(socketPath).isSocket()).toBe(true);
    const kms = await startLocalKms({ socketPath, key: randomBytes(32) });
    const client = stockClient(socketPath);
    try {
      expect((await call(client, "Status", {})).healthz).toBe("ok");
    } finally {
      client.close();
      await kms.close();
    }
  });

  it("leaves a live plugin's socket and a regular file alone", async () => {
    const socketPath = socketIn();
    const live = await startLocalKms({ socketPath, key: randomBytes(32) });
    try {
      await expect(startLocalKms({ socketPath, key: randomBytes(32) })).rejects.toThrow(/cannot listen on/);
      expect(statSync(socketPath).isSocket()).toBe(true);
    } finally {
      await live.close();
    }
    const filePath = socketIn();
    writeFileSync(filePath, "not a socket");
    await expect(startLocalKms({ socketPath: filePath, key: randomBytes(32) })).rejects.toThrow(/cannot listen on/);
    expect(readFileSync(filePath, "utf8")).toBe("not a socket");
  });

  it("refuses a key that is not 32 bytes", async () => {
    await expect(startLocalKms({ socketPath: socketIn(), key: randomBytes(16) })).rejects.toThrow(RangeError);
  });
});

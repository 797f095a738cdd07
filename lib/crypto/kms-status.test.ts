import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { describe, expect, it } from "vitest";
import { KmsError, KmsUnavailableError } from "./errors";
import { LocalKeyProvider } from "./key-provider";
import { createKeyring } from "./keyring";
import { KmsKeyProvider, startLocalKms } from "./kms";
import { checkKmsKeys } from "./kms-status";
import { kmsV2Service } from "./kms-v2-grpc";

const socketIn = () => join(mkdtempSync(join(tmpdir(), "coffer-kms-")), "kms.sock");

/** A KMS-only keyring entry "kms1" on `socketPath`, behind a local primary. */
const keyringOn = (socketPath: string) =>
  createKeyring([new LocalKeyProvider("key1", randomBytes(32)), new KmsKeyProvider("kms1", socketPath)]);

async function problem(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => new Error("expected a rejection"),
    (error: Error) => error,
  );
}

describe("the start-up Status check of KMS keys", () => {
  it("passes for a healthy v2 plugin, and for a keyring without KMS keys", async () => {
    const socketPath = socketIn();
    const kms = await startLocalKms({ socketPath, key: randomBytes(32) });
    try {
      await expect(checkKmsKeys(keyringOn(socketPath))).resolves.toBeUndefined();
      await expect(checkKmsKeys(createKeyring([new LocalKeyProvider("key1", randomBytes(32))]))).resolves.toBeUndefined();
    } finally {
      await kms.close();
    }
  });

  it("names the key and socket when healthz is not ok", async () => {
    const socketPath = socketIn();
    const kms = await startLocalKms({ socketPath, key: randomBytes(32) });
    kms.setHealthz("kek\nunreachable");
    try {
      const error = await problem(checkKmsKeys(keyringOn(socketPath)));
      expect(error).toBeInstanceOf(KmsError);
      expect(error.message).toBe(`KMS provider "kms1" failed: Status at ${socketPath}: healthz is "kek unreachable", not "ok"`);
    } finally {
      await kms.close();
    }
  });

  it("refuses a plugin of another API version or without a key_id", async () => {
    const socketPath = socketIn();
    const answers = [
      { version: "v1beta1", healthz: "ok", key_id: "k" },
      { version: "v2", healthz: "ok", key_id: "" },
    ];
    let next = 0;
    const server = new grpc.Server();
    const never = (_call: unknown, callback: grpc.sendUnaryData<unknown>) => callback({ code: grpc.status.UNIMPLEMENTED });
    server.addService(kmsV2Service, {
      Status: (_call: unknown, callback: grpc.sendUnaryData<unknown>) => callback(null, answers[next++]),
      Encrypt: never,
      Decrypt: never,
    });
    await new Promise<void>((resolve, reject) =>
      server.bindAsync(`unix://${socketPath}`, grpc.ServerCredentials.createInsecure(), (error) => (error ? reject(error) : resolve())),
    );
    try {
      const keyring = keyringOn(socketPath);
      expect((await problem(checkKmsKeys(keyring))).message).toMatch(/Status at .*: version is "v1beta1", not "v2"/);
      expect((await problem(checkKmsKeys(keyring))).message).toMatch(/Status at .*: key_id is empty$/);
    } finally {
      server.forceShutdown();
    }
  });

  it("is KmsUnavailableError naming the key and socket when the plugin is down", async () => {
    const socketPath = socketIn();
    const error = await problem(checkKmsKeys(keyringOn(socketPath)));
    expect(error).toBeInstanceOf(KmsUnavailableError);
    expect(error.message).toMatch(new RegExp(`^KMS provider "kms1" at ${socketPath} is unavailable: Status: .*ENOENT`));
  });
});

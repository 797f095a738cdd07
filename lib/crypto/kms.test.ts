import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { describe, expect, it } from "vitest";
import { assertNoLeak, CANARY } from "../../tests/support/leak-canary";
import { decryptVersion, encryptVersion, rewrapDek } from "./envelope";
import { DecryptionError, IntegrityError, KmsError } from "./errors";
import { LocalKeyProvider } from "./key-provider";
import { createKeyring, loadKeyring } from "./keyring";
import { KmsKeyProvider, startLocalKms } from "./kms";
import { decodeEnvelope, encodeEnvelope } from "./kms-v2-blob";
import { kmsV2Service } from "./kms-v2-grpc";

const socketIn = () => join(mkdtempSync(join(tmpdir(), "coffer-kms-")), "kms.sock");
const row = { secretId: "k3j9x0p2m4q8r1t6v5w7y2z0a", version: 2 };
const plaintext = Buffer.from(CANARY);
const aad = Buffer.from("coffer:dek:v1:kms1:abc");

/** Runs `test` against the reference plugin on a fresh socket, closing it afterwards. */
async function withKms(test: (socketPath: string, kms: Awaited<ReturnType<typeof startLocalKms>>, key: Buffer) => Promise<void>) {
  const socketPath = socketIn();
  const key = randomBytes(32);
  const kms = await startLocalKms({ socketPath, key });
  try {
    await test(socketPath, kms, key);
  } finally {
    await kms.close();
  }
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection");
}

describe("KmsKeyProvider with the reference KMS v2 plugin", () => {
  it("wraps and unwraps over gRPC, keeping the plugin's key_id and annotations beside the ciphertext", async () => {
    await withKms(async (socketPath, kms, key) => {
      const provider = new KmsKeyProvider("kms1", socketPath);
      const dek = randomBytes(32);
      const wrapped = await provider.wrap(dek, aad);
      const envelope = decodeEnvelope(wrapped);
      expect(envelope.keyId).toBe(kms.keyId);
      expect(Object.keys(envelope.annotations)).toEqual(["format.kms.coffer.dev"]);
      expect((await provider.unwrap(wrapped, aad)).equals(dek)).toBe(true);
      assertNoLeak(wrapped.toString("latin1"), dek, key);
    });
  });

  it("refuses a data key bound to another aad (moved to another row) as an IntegrityError", async () => {
    await withKms(async (socketPath, _kms, key) => {
      const provider = new KmsKeyProvider("kms1", socketPath);
      const dek = randomBytes(32);
      const wrapped = await provider.wrap(dek, aad);
      const error = await rejection(provider.unwrap(wrapped, Buffer.from("coffer:dek:v1:kms1:other")));
      expect(error).toBeInstanceOf(IntegrityError);
      assertNoLeak(error, dek, key);
    });
  });

  it("refuses altered ciphertext, an altered key_id and a damaged header as IntegrityError", async () => {
    await withKms(async (socketPath, _kms, key) => {
      const provider = new KmsKeyProvider("kms1", socketPath);
      const dek = randomBytes(32);
      const envelope = decodeEnvelope(await provider.wrap(dek, aad));
      const flipped = Buffer.from(envelope.ciphertext);
      flipped[20]! ^= 0x01;
      const damaged = [
        encodeEnvelope({ ...envelope, ciphertext: flipped }),
        encodeEnvelope({ ...envelope, keyId: "local-0000000000000000" }),
        encodeEnvelope({ ...envelope, annotations: {} }),
        Buffer.from("not a kms blob at all"),
      ];
      for (const wrapped of damaged) {
        const error = await rejection(provider.unwrap(wrapped, aad));
        expect(error).toBeInstanceOf(IntegrityError);
        assertNoLeak(error, dek, key);
      }
    });
  });

  it("still unwraps old blobs after the plugin rotates to a new key_id", async () => {
    await withKms(async (socketPath, kms) => {
      const provider = new KmsKeyProvider("kms1", socketPath);
      const dek = randomBytes(32);
      const before = await provider.wrap(dek, aad);
      const oldKeyId = kms.keyId;
      const newKeyId = kms.rotate(randomBytes(32));
      expect(newKeyId).not.toBe(oldKeyId);
      expect((await provider.status()).key_id).toBe(newKeyId);
      const after = await provider.wrap(dek, aad);
      expect(decodeEnvelope(after).keyId).toBe(newKeyId);
      expect((await provider.unwrap(before, aad)).equals(dek)).toBe(true);
      expect((await provider.unwrap(after, aad)).equals(dek)).toBe(true);
    });
  });

  it("reaches the plugin again once it is back on its socket", async () => {
    // A channel left in grpc-js's reconnect backoff would keep failing long
    // after the plugin restarted; the provider opens a fresh one instead.
    const socketPath = socketIn();
    const key = randomBytes(32);
    const provider = new KmsKeyProvider("kms1", socketPath);
    const first = await startLocalKms({ socketPath, key });
    const wrapped = await provider.wrap(randomBytes(32), aad);
    await first.close();
    await expect(provider.unwrap(wrapped, aad)).rejects.toThrow(/unavailable/);
    const second = await startLocalKms({ socketPath, key });
    try {
      expect(await provider.unwrap(wrapped, aad)).toHaveLength(32);
    } finally {
      await second.close();
      provider.close();
    }
  });
});

describe("a plugin's own errors", () => {
  /** A KMS v2 server whose every call fails with `code`, quoting the canary in its message. */
  async function failingPlugin(code: grpc.status) {
    const socketPath = socketIn();
    const server = new grpc.Server();
    const fail = (_call: unknown, callback: grpc.sendUnaryData<unknown>) => callback({ code, details: `no\n${CANARY.repeat(40)}` });
    server.addService(kmsV2Service, { Status: fail, Encrypt: fail, Decrypt: fail });
    await new Promise<void>((resolve, reject) =>
      server.bindAsync(`unix://${socketPath}`, grpc.ServerCredentials.createInsecure(), (error) => (error ? reject(error) : resolve())),
    );
    return { socketPath, close: () => server.forceShutdown() };
  }

  it("is a KmsError naming the call and the gRPC code, on one short line", async () => {
    const plugin = await failingPlugin(grpc.status.PERMISSION_DENIED);
    try {
      const provider = new KmsKeyProvider("kms1", plugin.socketPath);
      const error = await rejection(provider.wrap(randomBytes(32), aad));
      expect(error).toBeInstanceOf(KmsError);
      expect(error.message).toMatch(/^KMS provider "kms1" failed: Encrypt: PERMISSION_DENIED no CANARY/);
      expect(error.message).not.toContain("\n");
      expect(error.message.length).toBeLessThan(300);
      // A refusal that is not about the ciphertext must not read as tampering.
      const wrapped = encodeEnvelope({ keyId: "k", annotations: {}, ciphertext: Buffer.from("c") });
      expect(await rejection(provider.unwrap(wrapped, aad))).toBeInstanceOf(KmsError);
      provider.close();
    } finally {
      plugin.close();
    }
  });
});

describe("envelope encryption through a KMS key", () => {
  it("round-trips, refuses tampering and a moved row by name, and rotates from a local key to the KMS", async () => {
    await withKms(async (socketPath, _kms, kmsKey) => {
      const dir = mkdtempSync(join(tmpdir(), "coffer-kms-ring-"));
      const local = randomBytes(32);
      writeFileSync(
        join(dir, "keyring.json"),
        JSON.stringify({
          keys: [
            { name: "kms1", kms: { socket: socketPath } },
            { name: "key1", secret: local.toString("base64") },
          ],
        }),
      );
      const { keyring } = loadKeyring({ keyringFile: join(dir, "keyring.json"), stateDir: dir });

      const sealed = await encryptVersion(keyring, { ...row, plaintext });
      expect(sealed.kekName).toBe("kms1");
      expect(await decryptVersion(keyring, { ...row, ...sealed })).toEqual(plaintext);

      const tampered = Buffer.from(sealed.wrappedDek);
      tampered[tampered.length - 3]! ^= 0x80;
      const elsewhere = { secretId: "a".repeat(25), version: 2 };
      for (const [ref, wrappedDek] of [
        [row, tampered],
        [elsewhere, sealed.wrappedDek],
      ] as const) {
        const error = await rejection(decryptVersion(keyring, { ...ref, ...sealed, wrappedDek }));
        expect(error).toBeInstanceOf(DecryptionError);
        expect(error.message).toContain(`secret ${ref.secretId}`);
        assertNoLeak(error, CANARY, kmsKey, local);
      }

      const old = await encryptVersion(createKeyring([new LocalKeyProvider("key1", local)]), { ...row, plaintext });
      const moved = await rewrapDek(keyring, { secretId: row.secretId, wrappedDek: old.wrappedDek, kekName: "key1" });
      expect(moved.kekName).toBe("kms1");
      const kmsOnly = createKeyring([new KmsKeyProvider("kms1", socketPath)]);
      expect(await decryptVersion(kmsOnly, { ...row, ...old, ...moved })).toEqual(plaintext);
    });
  });
});

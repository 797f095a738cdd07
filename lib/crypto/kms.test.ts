import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { existsSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { createConnection, createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decryptVersion, encryptVersion, rewrapDek } from "./envelope";
import { DecryptionError, IntegrityError, KmsError, KmsUnavailableError } from "./errors";
import { LocalKeyProvider } from "./key-provider";
import { createKeyring, loadKeyring } from "./keyring";
import { KmsKeyProvider, startLocalKms } from "./kms";
import { assertNoLeak, CANARY } from "../../tests/support/leak-canary";
import { readLine } from "./kms-protocol";

const socketIn = () => join(mkdtempSync(join(tmpdir(), "coffer-kms-")), "kms.sock");
const row = { secretId: "k3j9x0p2m4q8r1t6v5w7y2z0a", version: 2 };
const plaintext = Buffer.from(CANARY);

/** Runs `test` against a reference KMS on a fresh socket, closing it afterwards. */
async function withKms(test: (socketPath: string, key: Buffer) => Promise<void>): Promise<void> {
  const socketPath = socketIn();
  const key = randomBytes(32);
  const kms = await startLocalKms({ socketPath, key });
  try {
    await test(socketPath, key);
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

/** A socket file whose server died without cleaning up, as after a crash. */
function staleSocket(): string {
  const socketPath = socketIn();
  const script = `require("node:net").createServer().listen(${JSON.stringify(socketPath)}, () => process.exit(0))`;
  spawnSync(process.execPath, ["-e", script]);
  expect(existsSync(socketPath)).toBe(true);
  return socketPath;
}

async function listen(server: Server, socketPath: string): Promise<void> {
  server.listen(socketPath);
  await once(server, "listening");
}

describe("KmsKeyProvider with the reference KMS", () => {
  it("wraps and unwraps over the socket, bound to the aad", async () => {
    await withKms(async (socketPath, key) => {
      const provider = new KmsKeyProvider("kms1", socketPath);
      const dek = randomBytes(32);
      const aad = Buffer.from("coffer:dek:v1:kms1:abc");
      const wrapped = await provider.wrap(dek, aad);
      expect(wrapped).toHaveLength(12 + 32 + 16);
      expect((await provider.unwrap(wrapped, aad)).equals(dek)).toBe(true);
      const error = await rejection(provider.unwrap(wrapped, Buffer.from("coffer:dek:v1:kms1:other")));
      expect(error).toBeInstanceOf(IntegrityError);
      assertNoLeak(error, dek, key);
    });
  });

  it("serves its socket with mode 0600 and removes it on close", async () => {
    const socketPath = socketIn();
    const kms = await startLocalKms({ socketPath, key: randomBytes(32) });
    expect(statSync(socketPath).mode & 0o777).toBe(0o600);
    await kms.close();
    expect(existsSync(socketPath)).toBe(false);
  });

  it("takes over a stale socket file left by a crash", async () => {
    const socketPath = staleSocket();
    const kms = await startLocalKms({ socketPath, key: randomBytes(32) });
    try {
      const provider = new KmsKeyProvider("kms1", socketPath);
      const aad = Buffer.from("aad");
      expect((await provider.unwrap(await provider.wrap(Buffer.from("dek"), aad), aad)).toString()).toBe("dek");
    } finally {
      await kms.close();
    }
  });

  it("answers a malformed request with an error line", async () => {
    await withKms(async (socketPath) => {
      const socket = createConnection({ path: socketPath });
      await once(socket, "connect");
      socket.write(`{"op":"wrap","keyId":"k","data":"${CANARY}!","aad":""}\n`);
      const answer = JSON.parse(await readLine(socket)) as { error?: string };
      socket.destroy();
      expect(answer.error).toMatch(/^bad request/);
      expect(answer.error).not.toContain(CANARY);
    });
  });
});

describe("envelope encryption through a KMS key", () => {
  it("round-trips, refuses tampering by name, and rotates from a local key to the KMS", async () => {
    await withKms(async (socketPath, kmsKey) => {
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
      tampered[30]! ^= 0x80;
      const error = await rejection(decryptVersion(keyring, { ...row, ...sealed, wrappedDek: tampered }));
      expect(error).toBeInstanceOf(DecryptionError);
      expect(error.message).toContain(`secret ${row.secretId} version ${row.version}`);
      assertNoLeak(error, CANARY, kmsKey, local);

      const old = await encryptVersion(createKeyring([new LocalKeyProvider("key1", local)]), { ...row, plaintext });
      const moved = await rewrapDek(keyring, { secretId: row.secretId, wrappedDek: old.wrappedDek, kekName: "key1" });
      expect(moved.kekName).toBe("kms1");
      const kmsOnly = createKeyring([new KmsKeyProvider("kms1", socketPath)]);
      expect(await decryptVersion(kmsOnly, { ...row, ...old, ...moved })).toEqual(plaintext);
    });
  });
});

describe("an unreachable KMS", () => {
  async function expectUnavailable(provider: KmsKeyProvider, reason: RegExp) {
    const error = await rejection(provider.wrap(Buffer.from(CANARY), Buffer.from("aad")));
    expect(error).toBeInstanceOf(KmsUnavailableError);
    expect(error.message).toContain(`"${provider.name}"`);
    expect(error.message).toContain(provider.socketPath);
    expect(error.message).toMatch(reason);
    assertNoLeak(error, CANARY);
  }

  it("is KmsUnavailableError when no socket exists", async () => {
    await expectUnavailable(new KmsKeyProvider("kms1", socketIn()), /ENOENT/);
  });

  it("is KmsUnavailableError when nothing listens on the socket", async () => {
    await expectUnavailable(new KmsKeyProvider("kms1", staleSocket()), /ECONNREFUSED/);
  });

  it("is KmsUnavailableError when the server does not answer in time", async () => {
    const socketPath = socketIn();
    const silent = createServer(() => {});
    await listen(silent, socketPath);
    try {
      await expectUnavailable(new KmsKeyProvider("kms1", socketPath, { timeoutMs: 100 }), /no answer within 100 ms/);
    } finally {
      silent.close();
    }
  });

  it("is KmsUnavailableError when the server hangs up without answering", async () => {
    const socketPath = socketIn();
    const rude = createServer((socket) => socket.end());
    await listen(rude, socketPath);
    try {
      await expectUnavailable(new KmsKeyProvider("kms1", socketPath), /connection closed without an answer/);
    } finally {
      rude.close();
    }
  });

  it("is KmsError when the server answers nonsense", async () => {
    const socketPath = socketIn();
    const odd = createServer((socket) => socket.end(`not json ${CANARY}\n`));
    await listen(odd, socketPath);
    try {
      const error = await rejection(new KmsKeyProvider("kms1", socketPath).unwrap(Buffer.from("x"), Buffer.from("y")));
      expect(error).toBeInstanceOf(KmsError);
      assertNoLeak(error, CANARY);
    } finally {
      odd.close();
    }
  });

  it("surfaces as KmsUnavailableError from decryptVersion, not as tampering", async () => {
    const socketPath = socketIn();
    const keyring = createKeyring([new KmsKeyProvider("kms1", socketPath)]);
    const sealed = { ciphertext: Buffer.alloc(32), nonce: Buffer.alloc(12), wrappedDek: Buffer.alloc(60), kekName: "kms1" };
    await expect(decryptVersion(keyring, { ...row, ...sealed })).rejects.toThrow(KmsUnavailableError);
  });
});

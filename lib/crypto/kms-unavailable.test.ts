import { spawnSync } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assertNoLeak, CANARY } from "../../tests/support/leak-canary";
import { decryptVersion } from "./envelope";
import { KmsUnavailableError } from "./errors";
import { createKeyring } from "./keyring";
import { KmsKeyProvider } from "./kms";
import { encodeEnvelope } from "./kms-v2-blob";

const socketIn = () => join(mkdtempSync(join(tmpdir(), "coffer-kms-")), "kms.sock");
const row = { secretId: "k3j9x0p2m4q8r1t6v5w7y2z0a", version: 2 };

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

async function expectUnavailable(provider: KmsKeyProvider, reason: RegExp) {
  const error = await provider.wrap(Buffer.from(CANARY), Buffer.from("aad")).then(
    () => new Error("expected a rejection"),
    (rejected: Error) => rejected,
  );
  provider.close();
  expect(error).toBeInstanceOf(KmsUnavailableError);
  expect(error.message).toContain(`"${provider.name}"`);
  expect(error.message).toContain(provider.socketPath);
  expect(error.message).toMatch(reason);
  expect(error.message).not.toContain("\n");
  assertNoLeak(error, CANARY);
}

describe("an unreachable KMS plugin", () => {
  it("is KmsUnavailableError when no socket exists", async () => {
    await expectUnavailable(new KmsKeyProvider("kms1", socketIn()), /Encrypt: .*ENOENT/);
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

  it("is KmsUnavailableError when the server hangs up without speaking gRPC", async () => {
    const socketPath = socketIn();
    const rude = createServer((socket) => socket.end(`not http/2 ${CANARY}\n`));
    await listen(rude, socketPath);
    try {
      await expectUnavailable(new KmsKeyProvider("kms1", socketPath, { timeoutMs: 1000 }), /Encrypt: /);
    } finally {
      rude.close();
    }
  });

  it("surfaces as KmsUnavailableError from decryptVersion, not as tampering", async () => {
    const provider = new KmsKeyProvider("kms1", socketIn());
    const keyring = createKeyring([provider]);
    const wrappedDek = encodeEnvelope({ keyId: "k", annotations: {}, ciphertext: Buffer.from("x") });
    const sealed = { ciphertext: Buffer.alloc(32), nonce: Buffer.alloc(12), wrappedDek, kekName: "kms1" };
    await expect(decryptVersion(keyring, { ...row, ...sealed })).rejects.toThrow(KmsUnavailableError);
    provider.close();
  });
});

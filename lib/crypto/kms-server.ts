// The reference KMS: serves the kms-protocol.ts protocol on a unix socket
// with AES-256-GCM under one in-memory key. It is real crypto over a real
// socket, used as the test double and as a template for a plugin that
// fronts a cloud KMS or an HSM.
import { once } from "node:events";
import { chmod, lstat, unlink } from "node:fs/promises";
import { createConnection, createServer, type Socket } from "node:net";
import { KEY_BYTES, openPacked, sealPacked } from "./aes-gcm";
import { IntegrityError } from "./errors";
import { INTEGRITY_FAILURE, kmsRequestSchema, parseJsonLine, readLine, type KmsResponse } from "./kms-protocol";

export type LocalKmsOptions = { socketPath: string; key: Uint8Array };
export type LocalKms = { close(): Promise<void> };

/**
 * Listens on `socketPath` until close(). The one key serves every keyId:
 * Coffer's wrapping AAD already names the key, so data wrapped for one
 * keyring entry does not unwrap under another name.
 */
export async function startLocalKms({ socketPath, key }: LocalKmsOptions): Promise<LocalKms> {
  if (key.length !== KEY_BYTES) throw new RangeError(`the KMS key must be ${KEY_BYTES} bytes`);
  const kek = Buffer.from(key);
  const connections = new Set<Socket>();
  const server = createServer((socket) => {
    connections.add(socket);
    socket.on("close", () => connections.delete(socket));
    void serve(socket, kek);
  });
  await removeStaleSocket(socketPath);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, () => resolve());
  });
  // Whoever can connect can unwrap every data key: owner only. There is a
  // moment between bind and chmod, so keep the socket in a 0700 directory.
  await chmod(socketPath, 0o600);
  return {
    close: async () => {
      for (const socket of connections) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      kek.fill(0);
    },
  };
}

async function serve(socket: Socket, kek: Buffer): Promise<void> {
  socket.on("error", () => {});
  try {
    const response = answer(kek, await readLine(socket));
    socket.end(`${JSON.stringify(response)}\n`);
  } catch {
    // The client went away or sent an endless line: nothing to answer.
    socket.destroy();
  }
}

function answer(kek: Buffer, line: string): KmsResponse {
  const parsed = kmsRequestSchema.safeParse(parseJsonLine(line));
  if (!parsed.success) return { error: "bad request: expected {op, keyId, data, aad} with base64 data and aad" };
  const { op, data, aad } = parsed.data;
  const input = Buffer.from(data, "base64");
  try {
    const output = op === "wrap" ? sealPacked(kek, input, Buffer.from(aad, "base64")) : openPacked(kek, input, Buffer.from(aad, "base64"));
    const encoded = output.toString("base64");
    output.fill(0);
    return { data: encoded };
  } catch (error) {
    return { error: error instanceof IntegrityError ? INTEGRITY_FAILURE : "internal error" };
  } finally {
    input.fill(0);
  }
}

/**
 * A socket file left by a crashed server blocks listen(). Remove it only
 * when nothing answers on it: a live server, or a regular file, is not
 * ours to delete (listen then fails with EADDRINUSE).
 */
async function removeStaleSocket(socketPath: string): Promise<void> {
  const stat = await lstat(socketPath).catch(() => undefined);
  if (!stat?.isSocket()) return;
  const probe = createConnection({ path: socketPath });
  const live = await once(probe, "connect").then(
    () => true,
    () => false,
  );
  probe.destroy();
  if (!live) await unlink(socketPath);
}

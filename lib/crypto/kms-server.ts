// The reference KMS plugin: the Kubernetes KMS v2 gRPC API on a unix socket,
// with AES-256-GCM under in-memory keys. It is real crypto over a real
// socket, used as the test double and as a template for a plugin that
// fronts a cloud KMS or an HSM. Any KMS v2 client (a kube-apiserver, a stock
// grpc-js client loading api.proto) can drive it.
import { createHash } from "node:crypto";
import { once } from "node:events";
import { chmod, lstat, unlink } from "node:fs/promises";
import { createConnection } from "node:net";
import { resolve } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { KEY_BYTES, openPacked, sealPacked } from "./aes-gcm";
import {
  KMS_V2_VERSION,
  kmsV2Service,
  type KmsV2DecryptRequest,
  type KmsV2DecryptResponse,
  type KmsV2EncryptRequest,
  type KmsV2EncryptResponse,
  type KmsV2StatusResponse,
} from "./kms-v2-grpc";

export type LocalKmsOptions = { socketPath: string; key: Uint8Array };
export type LocalKms = {
  /** The key_id Status reports and Encrypt uses now. */
  readonly keyId: string;
  /** Makes `key` the current key (its key_id is returned); earlier keys still decrypt. */
  rotate(key: Uint8Array): string;
  /** What Status reports as healthz ("ok" unless a test says otherwise). */
  setHealthz(healthz: string): void;
  close(): Promise<void>;
};

// An annotation Encrypt adds and Decrypt requires, as real plugins do (the
// AWS plugin names its key this way): it proves a client sends them back.
// KMS v2 wants annotation names to be fully qualified domain names.
export const FORMAT_ANNOTATION = "format.kms.coffer.dev";
const FORMAT = Buffer.from("aes-256-gcm/1");

/** Plaintexts are data keys or seeds (32 bytes for the apiserver); 1 KiB leaves room and bounds memory. */
const MAX_PLAINTEXT_BYTES = 1024;

/** A key's id is its fingerprint, so a restart with the same key reports the same key_id. */
export function localKeyId(key: Uint8Array): string {
  return `local-${createHash("sha256").update(key).digest("hex").slice(0, 16)}`;
}

type Handler<Request, Response> = grpc.handleUnaryCall<Request, Response>;

/** Listens on `socketPath` until close(). */
export async function startLocalKms({ socketPath, key }: LocalKmsOptions): Promise<LocalKms> {
  const keys = new Map<string, Buffer>();
  const add = (next: Uint8Array) => {
    if (next.length !== KEY_BYTES) throw new RangeError(`the KMS key must be ${KEY_BYTES} bytes`);
    const id = localKeyId(next);
    if (!keys.has(id)) keys.set(id, Buffer.from(next));
    return id;
  };
  let current = add(key);
  let healthz = "ok";

  const refuse = (message: string) => ({ code: grpc.status.INVALID_ARGUMENT, details: message });
  // The ciphertext is bound to its key_id, so a blob relabelled with another
  // of our key ids fails like a tampered one.
  const aadOf = (keyId: string) => Buffer.from(`coffer-reference-kms:v2:${keyId}`, "utf8");

  const Status: Handler<unknown, KmsV2StatusResponse> = (_call, callback) =>
    callback(null, { version: KMS_V2_VERSION, healthz, key_id: current });

  const Encrypt: Handler<KmsV2EncryptRequest, KmsV2EncryptResponse> = ({ request }, callback) => {
    const { plaintext } = request;
    if (plaintext.length === 0 || plaintext.length > MAX_PLAINTEXT_BYTES) {
      return callback(refuse(`plaintext must be 1-${MAX_PLAINTEXT_BYTES} bytes`));
    }
    const ciphertext = sealPacked(keys.get(current)!, plaintext, aadOf(current));
    callback(null, { ciphertext, key_id: current, annotations: { [FORMAT_ANNOTATION]: FORMAT } });
  };

  const Decrypt: Handler<KmsV2DecryptRequest, KmsV2DecryptResponse> = ({ request }, callback) => {
    const kek = keys.get(request.key_id);
    // Never echo the key id or ciphertext: the message ends up in logs.
    if (!kek) return callback(refuse("unknown key_id"));
    if (!FORMAT.equals(Buffer.from(request.annotations[FORMAT_ANNOTATION] ?? []))) {
      return callback(refuse(`annotation ${FORMAT_ANNOTATION} is missing or unknown`));
    }
    try {
      callback(null, { plaintext: openPacked(kek, request.ciphertext, aadOf(request.key_id)) });
    } catch {
      callback(refuse("ciphertext does not authenticate"));
    }
  };

  const server = new grpc.Server({ "grpc.max_receive_message_length": 64 * 1024 });
  server.addService(kmsV2Service, { Status, Encrypt, Decrypt });
  await removeStaleSocket(socketPath);
  await new Promise<void>((resolveBind, reject) =>
    server.bindAsync(`unix://${resolve(socketPath)}`, grpc.ServerCredentials.createInsecure(), (error) =>
      // grpc-js says only "No address added"; the usual cause is another
      // process on the socket, or a file that is not ours to replace.
      error ? reject(new Error(`cannot listen on ${socketPath}: in use, or not a stale socket`)) : resolveBind(),
    ),
  ).catch((error: unknown) => {
    server.forceShutdown();
    for (const kek of keys.values()) kek.fill(0);
    throw error;
  });
  // Whoever can connect can unwrap every data key: owner only. There is a
  // moment between bind and chmod, so keep the socket in a 0700 directory.
  await chmod(socketPath, 0o600);

  return {
    get keyId() {
      return current;
    },
    rotate: (next) => (current = add(next)),
    setHealthz: (value) => void (healthz = value),
    close: async () => {
      server.forceShutdown();
      for (const kek of keys.values()) kek.fill(0);
      keys.clear();
      // grpc-js leaves the socket file behind; a later start would take it
      // for stale and remove it, but a closed plugin should leave no trace.
      await unlink(socketPath).catch(() => {});
    },
  };
}

/**
 * A socket file left by a crashed server blocks bind. Remove it only
 * when nothing answers on it: a live server, or a regular file, is not
 * ours to delete (bind then fails with EADDRINUSE).
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

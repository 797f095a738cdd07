// The Kubernetes KMS v2 gRPC service (k8s.io/kms/apis/v2) on a unix socket,
// each call forwarded to the Coffer server (kms-forward.ts). Whoever can
// connect can have any DEK decrypted, so the socket is its owner's only
// (0600); the kube-apiserver runs as the same user (root) on the node.
import { lstat, chmod, mkdir, unlink } from "node:fs/promises";
import { dirname } from "node:path";
import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";
import {
  KMS_V2_SERVICE,
  kmsV2Descriptor,
  type KmsV2DecryptRequest,
  type KmsV2DecryptResponse,
  type KmsV2EncryptRequest,
  type KmsV2EncryptResponse,
  type KmsV2StatusResponse,
} from "../../../contracts/src/kms/kms-v2-descriptor";
import type { KmsStatusAnswer } from "../../../contracts/src/integrations/kubernetes-kms";
import { CliError } from "../errors";
import { removeStaleSocket } from "../integrations/docker-plugin-socket";
import { fetchKmsStatus, forwardDecrypt, forwardEncrypt, KmsCallError, type KmsServer } from "./kms-forward";

/**
 * The apiserver polls Status (about once a minute, every few seconds while
 * unhealthy) and may call it before an Encrypt: a few seconds of cache
 * spare the server without hiding a key rotation for long.
 */
export const STATUS_CACHE_MS = 5_000;

export type KmsPluginOptions = { socketPath: string; coffer: KmsServer; log: (line: string) => void };
export type KmsPlugin = { close(): Promise<void> };

type Unary<Req, Res> = grpc.handleUnaryCall<Req, Res>;

// keepCase: the wire names (key_id); defaults: an absent field reads as "" or empty bytes.
function serviceDefinition(): grpc.ServiceDefinition {
  const descriptor = kmsV2Descriptor as unknown as Parameters<typeof protoLoader.fromJSON>[0];
  return protoLoader.fromJSON(descriptor, { keepCase: true, longs: String, defaults: true })[KMS_V2_SERVICE] as grpc.ServiceDefinition;
}

const base64Map = (map: Record<string, Uint8Array>) =>
  Object.fromEntries(Object.entries(map).map(([k, v]) => [k, Buffer.from(v).toString("base64")]));
const bytesMap = (map: Record<string, string>) => Object.fromEntries(Object.entries(map).map(([k, v]) => [k, Buffer.from(v, "base64")]));

function failure(error: unknown): Partial<grpc.StatusObject> {
  if (error instanceof KmsCallError) return { code: error.code, details: error.message };
  return { code: grpc.status.INTERNAL, details: `kms-plugin: ${error instanceof Error ? error.message : String(error)}` };
}

/** An AbortSignal that fires when the apiserver gives up on the call (its timeout). */
function cancelledSignal(call: grpc.ServerUnaryCall<unknown, unknown>): AbortSignal {
  const controller = new AbortController();
  call.on("cancelled", () => controller.abort());
  return controller.signal;
}

function handlers({ coffer, log }: KmsPluginOptions) {
  let cached: { answer: KmsStatusAnswer; until: number } | null = null;
  // The uid is the apiserver's request id: logged to match its logs; the data never is.
  const refused = (method: string, uid: string, error: unknown) => {
    const { code, details } = failure(error);
    log(`${method} uid=${uid || "-"} failed: ${grpc.status[code!]} ${details}`);
    return { code, details };
  };

  const Status: Unary<unknown, KmsV2StatusResponse> = (call, callback) => {
    if (cached && cached.until > Date.now())
      return callback(null, { version: cached.answer.version, healthz: cached.answer.healthz, key_id: cached.answer.keyId });
    fetchKmsStatus(coffer, cancelledSignal(call)).then(
      (answer) => {
        if (cached?.answer.keyId !== answer.keyId) log(`key id is now ${answer.keyId}`);
        cached = { answer, until: Date.now() + STATUS_CACHE_MS };
        callback(null, { version: answer.version, healthz: answer.healthz, key_id: answer.keyId });
      },
      (error: unknown) => {
        cached = null;
        callback(refused("Status", "", error));
      },
    );
  };

  const Encrypt: Unary<KmsV2EncryptRequest, KmsV2EncryptResponse> = (call, callback) => {
    const { plaintext, uid } = call.request;
    forwardEncrypt(coffer, { plaintext: Buffer.from(plaintext).toString("base64"), uid }, cancelledSignal(call)).then(
      (answer) => {
        log(`Encrypt uid=${uid || "-"} key_id=${answer.keyId}`);
        callback(null, {
          ciphertext: Buffer.from(answer.ciphertext, "base64"),
          key_id: answer.keyId,
          annotations: bytesMap(answer.annotations),
        });
      },
      (error: unknown) => callback(refused("Encrypt", uid, error)),
    );
  };

  const Decrypt: Unary<KmsV2DecryptRequest, KmsV2DecryptResponse> = (call, callback) => {
    const { ciphertext, uid, key_id, annotations } = call.request;
    const request = { ciphertext: Buffer.from(ciphertext).toString("base64"), uid, keyId: key_id, annotations: base64Map(annotations) };
    forwardDecrypt(coffer, request, cancelledSignal(call)).then(
      (answer) => {
        log(`Decrypt uid=${uid || "-"} key_id=${key_id}`);
        callback(null, { plaintext: Buffer.from(answer.plaintext, "base64") });
      },
      (error: unknown) => callback(refused("Decrypt", uid, error)),
    );
  };

  return { Status, Encrypt, Decrypt };
}

function trySetUmask(mask: number): number | undefined {
  try {
    return process.umask(mask);
  } catch {
    // Worker threads cannot set the umask; the chmod after binding still applies.
    return undefined;
  }
}

/** Serves until close(); the socket file is removed again on close. */
export async function startKmsPlugin(options: KmsPluginOptions): Promise<KmsPlugin> {
  const { socketPath } = options;
  const server = new grpc.Server();
  server.addService(serviceDefinition(), handlers(options));
  await mkdir(dirname(socketPath), { recursive: true, mode: 0o755 });
  // A socket left by a crashed plugin blocks the bind; one that answers is not ours to remove.
  await removeStaleSocket(socketPath);
  // Bound with a umask of 0177, so the socket is 0600 from the start and
  // there is no moment in which others may connect.
  const umask = trySetUmask(0o177);
  try {
    await new Promise<void>((resolve, reject) =>
      server.bindAsync(`unix://${socketPath}`, grpc.ServerCredentials.createInsecure(), (error) => (error ? reject(error) : resolve())),
    );
  } catch (error) {
    throw new CliError(`cannot listen on ${socketPath}: ${(error as Error).message}`);
  } finally {
    if (umask !== undefined) process.umask(umask);
  }
  await chmod(socketPath, 0o600);
  return {
    close: async () => {
      await new Promise<void>((resolve) => {
        // Calls in flight get a moment to finish; then the rest are cut.
        const force = setTimeout(() => server.forceShutdown(), 2_000);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      });
      const stat = await lstat(socketPath).catch(() => undefined);
      if (stat?.isSocket()) await unlink(socketPath).catch(() => undefined);
    },
  };
}

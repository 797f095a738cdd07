// A key provider whose key lives in a Kubernetes KMS v2 plugin (the gRPC API
// of k8s.io/kms/apis/v2) behind a unix socket: any plugin the kube-apiserver
// can use (AWS, Azure, GCP, Vault transit) wraps Coffer's data keys too.
// The data key crosses the socket in the clear, as for the apiserver: the
// socket's file mode is the boundary. KMS v2 has no AAD, so the AAD is bound
// inside the plaintext (kms-v2-blob.ts).
import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { IntegrityError, KmsError, KmsUnavailableError } from "./errors";
import type { KeyProvider } from "./key-provider";
import { bindToAad, decodeEnvelope, encodeEnvelope, unbindFromAad } from "./kms-v2-blob";
import {
  KmsV2Client,
  type KmsV2DecryptRequest,
  type KmsV2DecryptResponse,
  type KmsV2EncryptRequest,
  type KmsV2EncryptResponse,
  type KmsV2StatusResponse,
} from "./kms-v2-grpc";

export { startLocalKms, type LocalKms, type LocalKmsOptions } from "./kms-server";

export type KmsKeyProviderOptions = { timeoutMs?: number };

/** Annotations are < 32 kB and ciphertexts < 1 kB upstream; this bounds what a plugin can make us hold. */
const MAX_MESSAGE_BYTES = 64 * 1024;

// A plugin's words help the operator, but they are its words: one line, short.
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, 200);
// grpc-js appends an empty "Resolution note:" to connection failures.
const withoutNote = (text: string) => text.replace(/\s*Resolution note:\s*$/, "");

// Codes by which a plugin says "this ciphertext is not mine / not intact".
// Anything else (permission, internal) is the plugin's own trouble and must
// not read as tampered data.
const REFUSED_CIPHERTEXT = new Set([grpc.status.INVALID_ARGUMENT, grpc.status.DATA_LOSS]);
// Codes that say "no answer": the plugin is down, starting, or too slow.
const UNREACHABLE = new Set([grpc.status.UNAVAILABLE, grpc.status.DEADLINE_EXCEEDED, grpc.status.CANCELLED]);

type Call = "Status" | "Encrypt" | "Decrypt";
type UnaryCall = (
  request: unknown,
  options: grpc.CallOptions,
  callback: (error: grpc.ServiceError | null, response?: unknown) => void,
) => grpc.ClientUnaryCall;

export class KmsKeyProvider implements KeyProvider {
  readonly timeoutMs: number;
  #client: grpc.Client | undefined;

  constructor(
    readonly name: string,
    readonly socketPath: string,
    { timeoutMs = 5000 }: KmsKeyProviderOptions = {},
  ) {
    this.timeoutMs = timeoutMs;
  }

  async wrap(dek: Buffer, aad: Buffer): Promise<Buffer> {
    const plaintext = bindToAad(dek, aad);
    let answer: KmsV2EncryptResponse;
    try {
      answer = await this.#call<KmsV2EncryptRequest, KmsV2EncryptResponse>("Encrypt", { plaintext, uid: randomUUID() });
    } finally {
      plaintext.fill(0);
    }
    if (answer.ciphertext.length === 0) throw new KmsError(this.name, "Encrypt returned no ciphertext");
    if (answer.key_id === "") throw new KmsError(this.name, "Encrypt returned no key_id");
    return encodeEnvelope({ keyId: answer.key_id, annotations: answer.annotations, ciphertext: Buffer.from(answer.ciphertext) });
  }

  async unwrap(wrapped: Buffer, aad: Buffer): Promise<Buffer> {
    const { keyId, annotations, ciphertext } = decodeEnvelope(wrapped);
    // The key_id stored at wrap time, not the plugin's current one: a plugin
    // whose key moved on still decrypts what its older keys wrapped.
    const request: KmsV2DecryptRequest = { ciphertext, uid: randomUUID(), key_id: keyId, annotations };
    const answer = await this.#call<KmsV2DecryptRequest, KmsV2DecryptResponse>("Decrypt", request);
    return unbindFromAad(Buffer.from(answer.plaintext), aad);
  }

  /** The plugin's Status: {version, healthz, key_id}. Start-up checks it (kms-status.ts). */
  async status(): Promise<KmsV2StatusResponse> {
    return this.#call<Record<string, never>, KmsV2StatusResponse>("Status", {});
  }

  /** Closes the channel; a later call opens a new one. */
  close(): void {
    this.#client?.close();
    this.#client = undefined;
  }

  #connect(): grpc.Client {
    // "unix://" + an absolute path is the form every gRPC implementation reads
    // the same way; a relative path would be taken for a host name.
    this.#client ??= new KmsV2Client(`unix://${resolve(this.socketPath)}`, grpc.credentials.createInsecure(), {
      "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
      "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
    });
    return this.#client;
  }

  #call<Request, Response>(method: Call, request: Request): Promise<Response> {
    const client = this.#connect() as unknown as Record<Call, UnaryCall>;
    const deadline = new Date(Date.now() + this.timeoutMs);
    return new Promise<Response>((resolveCall, reject) => {
      client[method](request, { deadline }, (error, response) => {
        if (error) return reject(this.#translate(method, error));
        if (!response) return reject(new KmsError(this.name, `${method} returned nothing`));
        resolveCall(response as Response);
      });
    });
  }

  #translate(method: Call, error: grpc.ServiceError): Error {
    const code = grpc.status[error.code] ?? String(error.code);
    if (UNREACHABLE.has(error.code)) {
      // A fresh channel next time, instead of waiting out grpc-js's reconnect
      // backoff (up to two minutes) after the plugin comes back.
      this.close();
      const reason = error.code === grpc.status.DEADLINE_EXCEEDED ? `no answer within ${this.timeoutMs} ms` : error.details;
      return new KmsUnavailableError(this.name, this.socketPath, `${method}: ${oneLine(withoutNote(reason || code))}`);
    }
    if (method === "Decrypt" && REFUSED_CIPHERTEXT.has(error.code)) return new IntegrityError();
    return new KmsError(this.name, `${method}: ${code}${error.details ? ` ${oneLine(error.details)}` : ""}`);
  }
}

// A key provider whose key lives in a KMS plugin behind a unix socket
// (protocol in kms-protocol.ts). The data key crosses the socket in the
// clear, as in Kubernetes KMS v2: the socket's file mode is the boundary.
import { once } from "node:events";
import { createConnection } from "node:net";
import { IntegrityError, KmsError, KmsUnavailableError } from "./errors";
import type { KeyProvider } from "./key-provider";
import {
  ConnectionClosed,
  INTEGRITY_FAILURE,
  kmsResponseSchema,
  LineTooLong,
  parseJsonLine,
  readLine,
  type KmsRequest,
} from "./kms-protocol";

export { startLocalKms, type LocalKms, type LocalKmsOptions } from "./kms-server";

export type KmsKeyProviderOptions = { timeoutMs?: number };

class TimedOut extends Error {}

export class KmsKeyProvider implements KeyProvider {
  readonly timeoutMs: number;

  constructor(
    readonly name: string,
    readonly socketPath: string,
    { timeoutMs = 5000 }: KmsKeyProviderOptions = {},
  ) {
    this.timeoutMs = timeoutMs;
  }

  async wrap(dek: Buffer, aad: Buffer): Promise<Buffer> {
    return this.#call("wrap", dek, aad);
  }

  async unwrap(wrapped: Buffer, aad: Buffer): Promise<Buffer> {
    return this.#call("unwrap", wrapped, aad);
  }

  async #call(op: KmsRequest["op"], data: Buffer, aad: Buffer): Promise<Buffer> {
    const request: KmsRequest = { op, keyId: this.name, data: data.toString("base64"), aad: aad.toString("base64") };
    const line = await this.#exchange(`${JSON.stringify(request)}\n`);
    const response = kmsResponseSchema.safeParse(parseJsonLine(line));
    if (!response.success) throw new KmsError(this.name, "unreadable response");
    if ("data" in response.data) return Buffer.from(response.data.data, "base64");
    if (response.data.error === INTEGRITY_FAILURE) throw new IntegrityError();
    // The KMS's own words help the operator; cut them short to keep one line.
    throw new KmsError(this.name, response.data.error.replace(/\s+/g, " ").slice(0, 200));
  }

  /** Sends one request line and returns the answer line, within the time limit. */
  async #exchange(requestLine: string): Promise<string> {
    const socket = createConnection({ path: this.socketPath });
    // Failures surface through once()/readLine(); this keeps a late error
    // (after the answer arrived) from becoming an uncaught exception.
    socket.on("error", () => {});
    const timer = setTimeout(() => socket.destroy(new TimedOut()), this.timeoutMs);
    try {
      await once(socket, "connect");
      socket.write(requestLine);
      return await readLine(socket);
    } catch (error) {
      throw this.#translate(error);
    } finally {
      clearTimeout(timer);
      socket.destroy();
    }
  }

  #translate(error: unknown): Error {
    if (error instanceof LineTooLong) return new KmsError(this.name, "response too large");
    const reason =
      error instanceof TimedOut
        ? `no answer within ${this.timeoutMs} ms`
        : error instanceof ConnectionClosed
          ? "connection closed without an answer"
          : ((error as NodeJS.ErrnoException).code ?? "connection failed");
    return new KmsUnavailableError(this.name, this.socketPath, reason);
  }
}

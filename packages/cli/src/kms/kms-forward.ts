// The plugin's calls to the Coffer server, which does the encryption (the
// plugin holds no key): each KMS v2 call is one HTTP request with the
// integration token. A failure becomes the gRPC status a kube-apiserver
// understands, with the server's message, which never holds plaintext.
import { status as grpcStatus } from "@grpc/grpc-js";
import type {
  KmsDecryptAnswer,
  KmsDecryptRequest,
  KmsEncryptAnswer,
  KmsEncryptRequest,
  KmsStatusAnswer,
} from "../../../contracts/src/integrations/kubernetes-kms";
import { errorBody, networkReason, requestUrl } from "../api-client";
import { userAgent } from "../session";

const KMS_PATH = "/api/v1/integrations/kubernetes-kms";

/** A call that failed, with the gRPC status to answer it with. */
export class KmsCallError extends Error {
  constructor(
    readonly code: grpcStatus,
    message: string,
  ) {
    super(message);
    this.name = "KmsCallError";
  }
}

// The caller's fault, the token's, or the server's: the apiserver retries
// UNAVAILABLE and reports the others as they are.
function codeOf(httpStatus: number): grpcStatus {
  if (httpStatus === 400 || httpStatus === 413) return grpcStatus.INVALID_ARGUMENT;
  if (httpStatus === 401) return grpcStatus.UNAUTHENTICATED;
  if (httpStatus === 403) return grpcStatus.PERMISSION_DENIED;
  if (httpStatus === 404) return grpcStatus.UNIMPLEMENTED;
  if (httpStatus === 429) return grpcStatus.RESOURCE_EXHAUSTED;
  return grpcStatus.UNAVAILABLE;
}

export type KmsServer = { server: string; token: string; timeoutMs?: number };

async function send<T>({ server, token, timeoutMs = 10_000 }: KmsServer, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const timeout = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(requestUrl(server, `${KMS_PATH}${path}`), {
      method: body === undefined ? "GET" : "POST",
      headers: {
        Accept: "application/json",
        Authorization: `Bearer ${token}`,
        "User-Agent": userAgent(),
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      // Never resend the token to wherever a redirect points.
      redirect: "manual",
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (error) {
    throw new KmsCallError(grpcStatus.UNAVAILABLE, `cannot reach the Coffer server at ${server}: ${networkReason(error)}`);
  }
  const raw = await response.text();
  if (response.status >= 300 && response.status < 400) {
    const where = response.headers.get("location") ?? "another URL";
    throw new KmsCallError(grpcStatus.UNAVAILABLE, `the Coffer server redirected to ${where}; use that URL as --server`);
  }
  if (!response.ok) throw new KmsCallError(codeOf(response.status), `Coffer server: ${errorBody(raw, response)[1]}`);
  try {
    return JSON.parse(raw) as T;
  } catch {
    // Never quote the body: it may hold a plaintext.
    throw new KmsCallError(grpcStatus.UNAVAILABLE, `unexpected answer from ${server} (status ${response.status}, not the KMS API's JSON)`);
  }
}

export const fetchKmsStatus = (to: KmsServer, signal?: AbortSignal) => send<KmsStatusAnswer>(to, "/status", undefined, signal);

export const forwardEncrypt = (to: KmsServer, request: KmsEncryptRequest, signal?: AbortSignal) =>
  send<KmsEncryptAnswer>(to, "/encrypt", request, signal);

export const forwardDecrypt = (to: KmsServer, request: KmsDecryptRequest, signal?: AbortSignal) =>
  send<KmsDecryptAnswer>(to, "/decrypt", request, signal);

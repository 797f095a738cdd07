// The agent's one request: GET /api/v1/runtime/secrets with the service
// token, and If-None-Match so that an unchanged service costs a 304 and
// no secret read. Failures are sorted into the two the agent treats
// differently: the token was refused (stop) or anything else (retry).
import { errorBody, networkReason, requestUrl } from "../api-client";
import { userAgent } from "../session";
import type { RuntimeSecrets } from "../../../contracts/src/runtime/delivery";

export type RuntimeAnswer = { changed: false } | { changed: true; etag: string | null; body: RuntimeSecrets };

export class RuntimeError extends Error {
  constructor(
    /** "refused": 401, the token is revoked, expired or unknown; "failed": worth another try. */
    readonly kind: "refused" | "failed",
    message: string,
  ) {
    super(message);
    this.name = "RuntimeError";
  }
}

export type RuntimeRequest = {
  server: string;
  token: string;
  etag?: string | null;
  /** Aborts the request (the agent is stopping). */
  signal?: AbortSignal;
  timeoutMs?: number;
};

type RuntimeResponse = { status: number; etag: string | null; contentType: string; raw: string };

/** The request and the failures every representation shares; answers 2xx and 304 only. */
async function getRuntime(
  { server, token, etag, signal, timeoutMs = 30_000 }: RuntimeRequest,
  accept: string,
  query = "",
): Promise<RuntimeResponse> {
  const headers: Record<string, string> = {
    Accept: accept,
    Authorization: `Bearer ${token}`,
    "User-Agent": userAgent(),
  };
  if (etag) headers["If-None-Match"] = etag;
  const timeout = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(requestUrl(server, `/api/v1/runtime/secrets${query}`), {
      headers,
      // Never resend the token to wherever a redirect points.
      redirect: "manual",
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new RuntimeError("failed", `cannot reach ${server}: ${networkReason(error)}`);
  }
  const answer = (raw: string) => ({
    status: response.status,
    etag: response.headers.get("etag"),
    contentType: response.headers.get("content-type") ?? "",
    raw,
  });
  if (response.status === 304) return answer("");
  const raw = await response.text();
  if (response.status === 401) throw new RuntimeError("refused", `the server refused the service token: ${errorBody(raw, response)[1]}`);
  if (response.status === 503) throw new RuntimeError("failed", `the server cannot deliver now: ${errorBody(raw, response)[1]}`);
  if (response.status >= 300 && response.status < 400) {
    throw new RuntimeError(
      "failed",
      `the server redirected to ${response.headers.get("location") ?? "another URL"}; use that URL as --server`,
    );
  }
  if (!response.ok) throw new RuntimeError("failed", `error response from server: ${errorBody(raw, response)[1]}`);
  return answer(raw);
}

export async function fetchRuntimeSecrets(request: RuntimeRequest): Promise<RuntimeAnswer> {
  const { status, etag, raw } = await getRuntime(request, "application/json");
  if (status === 304) return { changed: false };
  try {
    const body = JSON.parse(raw) as RuntimeSecrets;
    if (!Array.isArray(body?.secrets)) throw new Error("no secrets list");
    return { changed: true, etag, body };
  } catch {
    // Never quote the body: it would hold the values.
    throw new RuntimeError("failed", `unexpected answer from ${request.server} (status ${status}, not the runtime API's JSON)`);
  }
}

/**
 * The bound secrets as Kubernetes Secret manifests (multi-document YAML),
 * rendered by the server: the CLI parses no YAML. `namespace` sets their
 * metadata.namespace; the server checks it.
 */
export async function fetchRuntimeManifest(request: Omit<RuntimeRequest, "etag"> & { namespace?: string }): Promise<string> {
  const query = request.namespace === undefined ? "" : `?namespace=${encodeURIComponent(request.namespace)}`;
  const { status, contentType, raw } = await getRuntime(request, "application/yaml", query);
  // An older server ignores the Accept header and answers JSON: never print that (it holds the values as JSON).
  if (!/^application\/yaml\b/i.test(contentType)) {
    throw new RuntimeError(
      "failed",
      `unexpected answer from ${request.server} (status ${status}, not YAML: does the server support manifests?)`,
    );
  }
  return raw;
}

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

export async function fetchRuntimeSecrets({ server, token, etag, signal, timeoutMs = 30_000 }: RuntimeRequest): Promise<RuntimeAnswer> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    Authorization: `Bearer ${token}`,
    "User-Agent": userAgent(),
  };
  if (etag) headers["If-None-Match"] = etag;
  const timeout = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(requestUrl(server, "/api/v1/runtime/secrets"), {
      headers,
      // Never resend the token to wherever a redirect points.
      redirect: "manual",
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new RuntimeError("failed", `cannot reach ${server}: ${networkReason(error)}`);
  }
  if (response.status === 304) return { changed: false };
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
  try {
    const body = JSON.parse(raw) as RuntimeSecrets;
    if (!Array.isArray(body?.secrets)) throw new Error("no secrets list");
    return { changed: true, etag: response.headers.get("etag"), body };
  } catch {
    // Never quote the body: it would hold the values.
    throw new RuntimeError("failed", `unexpected answer from ${server} (status ${response.status}, not the runtime API's JSON)`);
  }
}

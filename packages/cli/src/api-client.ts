// The one place the CLI talks HTTP: JSON in and out, the bearer token on
// every call, and the contract's error body turned into an ApiError. Commands
// get a client for a server and token and never see fetch.
import { ApiError, CliError, ConnectError } from "./errors";

export type Query = [name: string, value: string][];

export type RequestOptions = {
  body?: unknown;
  /** A body sent as it is, with its media type (`coffer secret apply` sends a YAML manifest for the server to parse). */
  text?: { body: string; contentType: string };
  query?: Query;
  token?: string | null;
  /** Extra request headers (X-Coffer-Approval, when repeating a call that needed an approval). */
  headers?: Record<string, string>;
};

export type ApiClient = {
  readonly server: string;
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>;
  /** A GET whose body is streamed (audit export): the body, after the same error handling. */
  stream(path: string, query?: Query): Promise<ReadableStream<Uint8Array>>;
};

export type ApiClientOptions = {
  server: string;
  /** Sent as `Authorization: Bearer …`; null only for `POST /auth/token`. */
  token: string | null;
  userAgent?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
};

export function createApiClient(options: ApiClientOptions): ApiClient {
  const { server, userAgent = "coffer-cli", timeoutMs = 60_000 } = options;
  const doFetch = options.fetch ?? fetch;

  async function send(
    method: string,
    path: string,
    { body, text, query, token = options.token, headers: extra }: RequestOptions,
    signal?: AbortSignal,
  ) {
    const url = requestUrl(server, path, query);
    const headers: Record<string, string> = { ...extra, Accept: "application/json", "User-Agent": userAgent };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (text) headers["Content-Type"] = text.contentType;
    try {
      return await doFetch(url, {
        method,
        headers,
        body: text ? text.body : body === undefined ? undefined : JSON.stringify(body),
        // A redirect would resend the token (or the password) to wherever
        // the Location points; make the user name the final URL instead.
        redirect: "manual",
        signal,
      });
    } catch (error) {
      throw new ConnectError(server, networkReason(error));
    }
  }

  return {
    server,
    async request<T>(method: string, path: string, requestOptions: RequestOptions = {}) {
      return readResponse<T>(await send(method, path, requestOptions, AbortSignal.timeout(timeoutMs)), server);
    },
    async stream(path: string, query: Query = []) {
      // No overall timeout: an export of millions of rows takes its time.
      const response = await send("GET", path, { query });
      if (!response.ok || !response.body) return readResponse<never>(response, server);
      return response.body;
    },
  };
}

/**
 * One path segment. encodeURIComponent leaves `.` and `..` as they are, and
 * URL parsing then resolves them: `--secret-rm ../..` would turn
 * `DELETE …/services/db/bindings/../..` into `DELETE …/services/db`.
 */
export function pathSegment(value: string): string {
  if (value === "" || value === "." || value === "..") throw new CliError(`invalid name "${value}"`);
  return encodeURIComponent(value);
}

/** `server` may carry a path prefix (`https://host/coffer`), so paths are appended, not resolved. */
export function requestUrl(server: string, path: string, query: Query = []): string {
  const search = new URLSearchParams(query).toString();
  return `${server.replace(/\/+$/, "")}${path}${search ? `?${search}` : ""}`;
}

async function readResponse<T>(response: Response, server: string): Promise<T> {
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel();
    const location = response.headers.get("location");
    throw new ApiError(
      response.status,
      "redirect",
      `the server redirected to ${location ?? "another URL"}; log in with that URL as --server`,
      server,
    );
  }
  const raw = await response.text();
  if (!response.ok) throw new ApiError(response.status, ...errorBody(raw, response), server, errorDetail(raw));
  if (response.status === 204 || raw === "") return undefined as T;
  try {
    return JSON.parse(raw) as T;
  } catch {
    throw new ApiError(response.status, "bad_response", `unexpected answer (not JSON) with status ${response.status}`, server);
  }
}

/** The contract's `{error: {code, message}}`, or the status line when a proxy answered with something else. */
export function errorBody(raw: string, response: Response): [code: string, message: string] {
  try {
    const parsed = JSON.parse(raw) as { error?: { code?: unknown; message?: unknown } };
    const { code, message } = parsed.error ?? {};
    if (typeof message === "string") return [typeof code === "string" ? code : "error", message];
  } catch {
    // not JSON: fall through
  }
  return ["error", `${response.status} ${response.statusText}`.trim()];
}

/** The body's `error` object as it came, for the fields beyond code and message. */
function errorDetail(raw: string): Record<string, unknown> | undefined {
  try {
    const error = (JSON.parse(raw) as { error?: unknown }).error;
    return error && typeof error === "object" ? (error as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** fetch reports every network failure as "fetch failed"; the useful part is in `cause`. */
export function networkReason(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return "no answer in time";
  }
  type Cause = { message?: string; code?: string; errors?: { message?: string }[] };
  const cause = error instanceof Error ? (error.cause as Cause | undefined) : undefined;
  // "localhost" tries ::1 and 127.0.0.1: Node then reports an AggregateError
  // with an empty message and the real ones inside.
  const reason = cause?.message || cause?.errors?.[0]?.message || cause?.code;
  if (reason) return reason;
  return error instanceof Error ? error.message : String(error);
}

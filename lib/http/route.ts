// Every API route handler goes through route(): it refuses path and query
// text the database could not store, maps the error family to
// `{"error": {code, message}}` with the right status (a database outage is
// a 503 with Retry-After), and turns anything unexpected into a plain 500
// that names only the request id.
import { config } from "../config/env";
import { translatePrismaError } from "../db/prisma-errors";
import { requestLogger } from "../log/logger";
import { ApprovalRequired, BadRequest, DomainError, TooLarge, Unavailable } from "../errors";
import { KmsError, KmsUnavailableError } from "../crypto/errors";
import { isPlainObject, textProblem, unstorableText } from "../input/parse-input";

export function jsonError(status: number, code: string, message: string, headers?: HeadersInit): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/**
 * A KMS that is down or failing is an outage, like the database's: worth a
 * retry, not a bug. The answer names the keyring entry, not its socket path
 * (server detail); the log line keeps the whole reason for the operator.
 */
function translateKmsError(error: unknown, requestId: string | null): unknown {
  if (!(error instanceof KmsUnavailableError || error instanceof KmsError)) return error;
  requestLogger(requestId ?? undefined).warn({ err: error }, "KMS call failed");
  return new Unavailable(`the key service (KMS key "${error.provider}") is unavailable; try again later`, 5);
}

export function errorResponse(error: unknown, requestId: string | null): Response {
  const known = translatePrismaError(translateKmsError(error, requestId));
  // The one error whose body says more: the gate to request (issue 16 §3).
  if (known instanceof ApprovalRequired) {
    return Response.json(
      { error: { code: known.code, message: known.message, approval: known.gate } },
      { status: known.status, headers: { "Cache-Control": "no-store" } },
    );
  }
  if (known instanceof DomainError) {
    const retryAfter = known.retryAfterSeconds;
    return jsonError(known.status, known.code, known.message, retryAfter === undefined ? undefined : { "Retry-After": String(retryAfter) });
  }
  requestLogger(requestId ?? undefined).error({ err: error }, "unhandled error in route");
  return jsonError(500, "internal", `internal error (request id ${requestId ?? "unknown"})`);
}

export function route<P = Record<string, string>>(
  handler: (request: Request, context: { params: P }) => Promise<Response>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, context) => {
    try {
      const params = await context.params;
      checkRequestText(request, params);
      return await handler(request, { params });
    } catch (error) {
      return errorResponse(error, request.headers.get("x-request-id"));
    }
  };
}

/** Path parameters (Next decodes `%00`) and query parameters must be text the database can store. */
function checkRequestText(request: Request, params: unknown): void {
  for (const [name, value] of Object.entries(isPlainObject(params) ? params : {})) {
    for (const part of Array.isArray(value) ? value : [value]) {
      const problem = typeof part === "string" ? textProblem(part) : null;
      if (problem) throw new BadRequest(`path parameter '${name}' ${problem}`);
    }
  }
  for (const [name, value] of new URL(request.url).searchParams) {
    const nameProblem = textProblem(name);
    if (nameProblem) throw new BadRequest(`a query parameter name ${nameProblem}`);
    const problem = textProblem(value);
    if (problem) throw new BadRequest(`query parameter '${name}' ${problem}`);
  }
}

// The largest body a route reads: room for the largest secret as base64
// (4/3) in JSON, with margin; past it, reading stops.
function bodyLimit(): number {
  return 3 * config().COFFER_MAX_SECRET_BYTES + 1024 * 1024;
}

async function readBody(request: Request): Promise<Uint8Array> {
  const limit = bodyLimit();
  const tooLarge = () => new TooLarge(`request body is larger than ${limit} bytes`);
  if (Number(request.headers.get("content-length") ?? 0) > limit) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new BadRequest("the request body could not be read");
  }
  return Buffer.concat(chunks);
}

/** The request body as UTF-8 text (a YAML manifest, say), within the body limit, or the 4xx that says why not. */
export async function bodyText(request: Request): Promise<string> {
  const bytes = await readBody(request);
  try {
    // Fatal: invalid UTF-8 is refused, not silently turned into U+FFFD.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new BadRequest("request body must be UTF-8 text");
  } finally {
    // The text is a copy; the bytes may hold a secret's value.
    bytes.fill(0);
  }
}

/** The request body as a JSON object, or a 400 that says what is wrong. */
export async function jsonBody(request: Request): Promise<Record<string, unknown>> {
  const text = await bodyText(request);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BadRequest("request body must be valid JSON");
  }
  if (!isPlainObject(body)) throw new BadRequest("request body must be a JSON object");
  // NUL may be part of a secret's value (parseInput checks every other
  // field); a lone surrogate is never text, and deep nesting is never ours.
  const problem = unstorableText(body, { allowNul: true });
  if (problem) throw new BadRequest(problem);
  return body;
}

/** jsonBody, where the whole body may be left out (`curl -X POST` sends none): then `{}`. */
export async function optionalJsonBody(request: Request): Promise<Record<string, unknown>> {
  const text = await bodyText(request);
  if (!text.trim()) return {};
  return jsonBody(new Request(request.url, { method: "POST", body: text }));
}

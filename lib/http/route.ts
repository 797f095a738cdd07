// Every API route handler goes through route(): it maps the error family to
// `{"error": {code, message}}` with the right status, and turns anything
// unexpected into a plain 500 that names only the request id.
import { requestLogger } from "../log/logger";
import { BadRequest, DomainError, Throttled } from "./errors";


export function jsonError(status: number, code: string, message: string, headers?: HeadersInit): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

export function errorResponse(error: unknown, requestId: string | null): Response {
  if (error instanceof Throttled) {
    return jsonError(error.status, error.code, error.message, { "Retry-After": String(error.retryAfterSeconds) });
  }
  if (error instanceof DomainError) return jsonError(error.status, error.code, error.message);
  requestLogger(requestId ?? undefined).error({ err: error }, "unhandled error in route");
  return jsonError(500, "internal", `internal error (request id ${requestId ?? "unknown"})`);
}

export function route<P = Record<string, string>>(
  handler: (request: Request, context: { params: P }) => Promise<Response>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, context) => {
    try {
      return await handler(request, { params: await context.params });
    } catch (error) {
      return errorResponse(error, request.headers.get("x-request-id"));
    }
  };
}


/** The request body as a JSON object, or a 400 that says what is wrong. */
export async function jsonBody(request: Request): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new BadRequest("request body must be valid JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new BadRequest("request body must be a JSON object");
  }
  return body as Record<string, unknown>;
}

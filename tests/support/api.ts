// Calls route handlers the way Next.js does, with a real bearer token.
import { db } from "../../lib/db/client";
import { newId } from "../../lib/db/ids";
import { newToken } from "../../lib/tokens/token-secret";

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export async function personalToken(userId: string, scopes: string[] = []): Promise<string> {
  const { token, hash, prefix } = newToken("cfp");
  await db.accessToken.create({ data: { id: newId("tok"), userId, name: "test", prefix, tokenHash: hash, scopes } });
  return token;
}

// Response bodies are checked field by field in the tests.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ApiResult = { status: number; body: any; text: string; headers: Headers };

export async function call<P>(
  handler: Handler<P>,
  options: { token?: string; params?: P; body?: unknown; rawBody?: string; query?: string; method?: string },
): Promise<ApiResult> {
  const headers = new Headers({ "x-request-id": "req-api-test", "x-forwarded-for": "192.0.2.50" });
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers.set("content-type", "application/json");
  const request = new Request(`http://coffer.test/api${options.query ?? ""}`, {
    method: options.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body,
  });
  const response = await handler(request, { params: Promise.resolve((options.params ?? {}) as P) });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  return { status: response.status, body: parsed, text, headers: response.headers };
}

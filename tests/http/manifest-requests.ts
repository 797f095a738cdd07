// Posting manifests to the route handlers as a client would: the body as
// text with its Content-Type (tests/support/api sends JSON only).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as manifestsRoute from "@/app/api/v1/namespaces/[ns]/manifests/route";
import * as secretsRoute from "@/app/api/v1/namespaces/[ns]/secrets/route";
import * as valueRoute from "@/app/api/v1/namespaces/[ns]/secrets/[name]/value/route";
import { call, type ApiResult } from "@/tests/support/api";

export const fixture = (name: string) => readFileSync(join(process.cwd(), "lib/secrets/kubernetes/fixtures", name), "utf8");

type Route = (request: Request, context: { params: Promise<{ ns: string }> }) => Promise<Response>;

async function post(
  handler: Route,
  token: string,
  body: string | Uint8Array<ArrayBuffer>,
  contentType: string,
  ns: string,
): Promise<ApiResult> {
  const request = new Request("http://coffer.test/api", {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": contentType, "x-request-id": "req-manifest-test" },
    body,
  });
  const response = await handler(request, { params: Promise.resolve({ ns }) });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { status: response.status, body: parsed, text, headers: response.headers };
}

export const createFromText = (token: string, body: string | Uint8Array<ArrayBuffer>, contentType = "application/yaml", ns = "default") =>
  post(secretsRoute.POST, token, body, contentType, ns);

export const applyText = (token: string, body: string, contentType = "application/yaml", ns = "default") =>
  post(manifestsRoute.POST, token, body, contentType, ns);

/** The secret's values as text, through the audited value route. */
export async function valuesOf(token: string, name: string, ns = "default"): Promise<Record<string, string>> {
  const response = await call(valueRoute.GET, { token, params: { ns, name } });
  if (response.status !== 200) throw new Error(`reveal ${name}: ${response.status} ${response.text}`);
  const data = response.body.data as Record<string, string>;
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, Buffer.from(value, "base64").toString()]));
}

// The runtime benchmark's service, made through the API as an operator
// would: five secrets, a service bound to all five, and its token.
import { randomBytes } from "node:crypto";
import { api } from "../support/instance";

export const SECRET_COUNT = 5;
export const SERVICE = "bench-api";
export const RUNTIME_PATH = "/api/v1/runtime/secrets";

export async function provisionService(base: string, ownerToken: string): Promise<string> {
  for (let i = 1; i <= SECRET_COUNT; i++) {
    await api(base, ownerToken, "POST", "/api/v1/namespaces/default/secrets", {
      name: `bench-secret-${i}`,
      // A typical small credential: 48 random bytes as base64.
      stringData: { value: randomBytes(48).toString("base64") },
    });
  }
  await api(base, ownerToken, "POST", "/api/v1/namespaces/default/services", { name: SERVICE, description: "runtime benchmark" });
  for (let i = 1; i <= SECRET_COUNT; i++) {
    await api(base, ownerToken, "POST", `/api/v1/namespaces/default/services/${SERVICE}/bindings`, {
      secret: `bench-secret-${i}`,
      target: `secret-${i}`,
    });
  }
  const { token } = await api<{ token: string }>(base, ownerToken, "POST", `/api/v1/namespaces/default/services/${SERVICE}/tokens`, {
    name: "bench",
  });
  return token;
}

/** One fetch, checked: 200 with all five secrets; returns the ETag for the 304 path. */
export async function fetchOnce(base: string, serviceToken: string, etag?: string): Promise<string> {
  const headers: Record<string, string> = { authorization: `Bearer ${serviceToken}` };
  if (etag) headers["if-none-match"] = etag;
  const response = await fetch(`${base}${RUNTIME_PATH}`, { headers });
  const body = await response.text();
  if (etag) {
    if (response.status !== 304) throw new Error(`If-None-Match: expected 304, got ${response.status} ${body.slice(0, 200)}`);
  } else {
    if (response.status !== 200) throw new Error(`runtime fetch: ${response.status} ${body.slice(0, 200)}`);
    const count = (JSON.parse(body) as { secrets: unknown[] }).secrets.length;
    if (count !== SECRET_COUNT) throw new Error(`runtime fetch delivered ${count} secrets, not ${SECRET_COUNT}`);
  }
  return response.headers.get("etag") ?? "";
}

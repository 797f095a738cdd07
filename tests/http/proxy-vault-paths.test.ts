// Regression: proxy.ts answered /v1/… (the Vault-compatible API) with a 307
// to the console's sign-in page, which no Vault client reads; /v1 is public
// to the proxy (its routes check the token), the console is not.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const visit = (path: string) => proxy(new NextRequest(`http://127.0.0.1:3000${path}`));

describe("the proxy for a signed-out visitor", () => {
  it.each(["/v1", "/v1/", "/v1/sys/health", "/v1/secret/metadata/?list=true", "/v1/nothing"])("passes %s on to its route", (path) => {
    const response = visit(path);
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  it.each(["/", "/secrets", "/v1x", "/v10/sys/health"])("still sends %s to the sign-in page", (path) => {
    const response = visit(path);
    expect(response.status).toBe(307);
    expect(new URL(response.headers.get("location")!).pathname).toBe("/login");
  });
});

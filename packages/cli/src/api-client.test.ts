import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient, pathSegment, requestUrl } from "./api-client";
import { ApiError, apiErrorLine, ConnectError } from "./errors";

// A server that answers by path, recording what it was sent.
let server: Server;
let base: string;
const seen: { method: string; url: string; headers: Record<string, unknown>; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const path = new URL(req.url!, "http://x").pathname;
      if (path === "/json") return void res.writeHead(201, { "Content-Type": "application/json" }).end('{"ok":true}');
      if (path === "/empty") return void res.writeHead(204).end();
      if (path === "/conflict") {
        return void res
          .writeHead(409, { "Content-Type": "application/json" })
          .end('{"error":{"code":"conflict","message":"secret \'db\' is in use by the following service: web"}}');
      }
      if (path === "/proxy") return void res.writeHead(502, { "Content-Type": "text/html" }).end("<h1>Bad Gateway</h1>");
      if (path === "/moved") return void res.writeHead(308, { Location: `${base}/json` }).end();
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    return error as ApiError;
  }
  throw new Error("expected the request to fail");
}

describe("createApiClient", () => {
  it("sends JSON with the bearer token and parses the JSON answer", async () => {
    const client = createApiClient({ server: base, token: "cfp_t0ken", userAgent: "coffer-cli/test" });
    expect(await client.request("POST", "/json", { body: { name: "a" }, query: [["filter", "name=a"]] })).toEqual({ ok: true });
    const request = seen.at(-1)!;
    expect(request).toMatchObject({ method: "POST", url: "/json?filter=name%3Da", body: '{"name":"a"}' });
    expect(request.headers).toMatchObject({
      authorization: "Bearer cfp_t0ken",
      "content-type": "application/json",
      accept: "application/json",
      "user-agent": "coffer-cli/test",
    });
  });

  it("sends no Authorization header without a token (login) and no body on GET", async () => {
    await createApiClient({ server: base, token: null }).request("GET", "/json");
    expect(seen.at(-1)!.headers.authorization).toBeUndefined();
    expect(seen.at(-1)!.headers["content-type"]).toBeUndefined();
  });

  it("returns undefined for 204", async () => {
    expect(await createApiClient({ server: base, token: "t" }).request("DELETE", "/empty")).toBeUndefined();
  });

  it("turns the contract's error body into an ApiError with the server's message", async () => {
    const error = await failure(createApiClient({ server: base, token: "t" }).request("DELETE", "/conflict"));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: "conflict", server: base });
    expect(apiErrorLine(error)).toBe("Error response from server: secret 'db' is in use by the following service: web");
  });

  it("uses the status line when something else (a proxy) answered", async () => {
    const error = await failure(createApiClient({ server: base, token: "t" }).request("GET", "/proxy"));
    expect(error).toMatchObject({ status: 502, message: "502 Bad Gateway" });
  });

  it("adds the login hint on 401 only", () => {
    const error = new ApiError(401, "unauthorized", "invalid or expired token", "https://c.example");
    expect(apiErrorLine(error)).toBe("Error response from server: invalid or expired token (run: coffer login --server https://c.example)");
    expect(apiErrorLine(error, false)).toBe("Error response from server: invalid or expired token");
  });

  it("does not follow redirects, so the token is not sent on to another URL", async () => {
    const before = seen.length;
    const error = await failure(createApiClient({ server: base, token: "t" }).request("GET", "/moved"));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toBe(`the server redirected to ${base}/json; log in with that URL as --server`);
    expect(seen.length).toBe(before + 1);
  });

  it("reports a refused connection with the reason", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(createApiClient({ server: url, token: "t" }).request("GET", "/json"));
    expect(error).toBeInstanceOf(ConnectError);
    expect(error.message).toMatch(new RegExp(`^Cannot connect to the Coffer server at ${url}: connect ECONNREFUSED`));
  });
});

describe("requestUrl", () => {
  it("keeps a path prefix of the server", () => {
    expect(requestUrl("https://h.example/coffer", "/api/v1/x", [["filter", "label=a=b"]])).toBe(
      "https://h.example/coffer/api/v1/x?filter=label%3Da%3Db",
    );
  });
});

describe("pathSegment", () => {
  it("encodes a name and refuses the ones URL parsing would resolve away", () => {
    expect(pathSegment("a b/c")).toBe("a%20b%2Fc");
    for (const bad of ["", ".", ".."]) expect(() => pathSegment(bad)).toThrow(`invalid name "${bad}"`);
  });
});

// Regression, against the real server: what only the
// Node HTTP layer in front of Next.js shows. Before the fix, TRACE answered
// 500 on every route, `/invite/%ff` and `%00` paths 500, a cross-origin or
// malformed server action 500, and `/login?next=/%09/evil.example/x` took
// the browser to evil.example after signing in.
import { connect } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { E2E_PORT, setupTokenFromLog } from "./support/instance";
import { OWNER } from "./support/owner";

const ORIGIN = `http://127.0.0.1:${E2E_PORT}`;
// The login form's server action, as the page posts it.
let loginActionId = "";

type Raw = { status: number; headers: Record<string, string>; body: string };

/** One request exactly as written (no client-side URL normalisation). */
function raw(requestLine: string, headers: Record<string, string> = {}, body = ""): Promise<Raw> {
  const head = [requestLine, `Host: 127.0.0.1:${E2E_PORT}`, "Connection: close", ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  // latin1 throughout: each character of `body` is one byte on the wire.
  if (body) head.push(`Content-Length: ${Buffer.byteLength(body, "latin1")}`);
  return new Promise((resolve, reject) => {
    // write, not end: Node aborts a request whose client half-closes before
    // the answer is ready; Connection: close makes the server close.
    const socket = connect(E2E_PORT, "127.0.0.1", () => socket.write(`${head.join("\r\n")}\r\n\r\n${body}`, "latin1"));
    let data = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk) => (data += chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      const [top = "", ...rest] = data.split("\r\n\r\n");
      const [statusLine = "", ...lines] = top.split("\r\n");
      const parsed = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]));
      const body = rest.join("\r\n\r\n");
      resolve({
        status: Number(statusLine.split(" ")[1] ?? 0),
        headers: parsed,
        body: parsed["transfer-encoding"] === "chunked" ? dechunk(body) : body,
      });
    });
  });
}

function dechunk(body: string): string {
  let out = "";
  for (let at = 0; ;) {
    const eol = body.indexOf("\r\n", at);
    const size = parseInt(body.slice(at, eol), 16);
    if (!size) return out;
    out += body.slice(eol + 2, eol + 2 + size);
    at = eol + 2 + size + 2;
  }
}

/** When this spec runs alone, the owner first-run.spec.ts creates does not exist yet. */
async function ensureOwner(page: Page) {
  const response = await page.request.post("/api/v1/setup", {
    data: { token: setupTokenFromLog(), name: OWNER.name, email: OWNER.email, password: OWNER.password },
    failOnStatusCode: false,
  });
  expect([201, 403, 404]).toContain(response.status());
}

async function signInFrom(page: Page, url: string, tamperNext?: string) {
  await page.goto(url);
  if (tamperNext !== undefined) {
    await page.locator('input[name="next"]').evaluate((input, value) => ((input as HTMLInputElement).value = value), tamperNext);
  }
  const action = page.waitForRequest((request) => request.method() === "POST" && request.headers()["next-action"] !== undefined);
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  loginActionId = (await action).headers()["next-action"]!;
}

test.describe.configure({ mode: "serial" });

test("a next target with a tab ends on our origin after signing in", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await ensureOwner(page);
  await signInFrom(page, "/login?next=/%09/evil.example/x");
  await expect(page.getByRole("heading", { name: `Welcome, ${OWNER.name}` })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(ORIGIN);
  expect(new URL(page.url()).pathname).toBe("/");
  await context.close();
});

test("the sign-in action itself refuses a foreign target, and keeps our own", async ({ browser }) => {
  for (const [next, path] of [
    ["/\t/evil.example/x", "/"],
    ["/\\evil.example", "/"],
    ["/.//evil.example", "/"],
    ["/\r\n/evil.example", "/"],
    ["/secrets?ns=default", "/secrets"],
  ]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInFrom(page, "/login", next);
    await expect(page).toHaveURL((url) => url.origin === ORIGIN && url.pathname === path);
    await context.close();
  }
});

test("TRACE, TRACK, CONNECT and unexported methods get 405 with Allow on every kind of path", async () => {
  for (const path of [
    "/",
    "/login",
    "/secrets/db",
    "/api/health",
    "/api/v1/namespaces",
    "/api/v1/namespaces/default/secrets/x",
    "/audit/export",
  ]) {
    for (const method of ["TRACE", "TRACK"]) {
      const response = await raw(`${method} ${path} HTTP/1.1`);
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.allow, `${method} ${path}`).toMatch(/^[A-Z]+(, [A-Z]+)*$/);
      expect(JSON.parse(response.body).error.code).toBe("method_not_allowed");
    }
  }
  expect(await raw(`CONNECT 127.0.0.1:${E2E_PORT} HTTP/1.1`)).toMatchObject({ status: 405, headers: { allow: "GET, HEAD, POST" } });
  expect(await raw("PUT /api/health HTTP/1.1")).toMatchObject({ status: 405, headers: { allow: "GET, HEAD, OPTIONS" } });
  expect(await raw("DELETE /login HTTP/1.1")).toMatchObject({ status: 405, headers: { allow: "GET, HEAD, POST" } });
});

test("bad percent-encoding, invalid UTF-8, lone surrogates, NUL and controls get 400 naming the problem", async () => {
  const cases: [string, RegExp][] = [
    ["/secrets/%00", /NUL/],
    ["/api/v1/namespaces/%00/secrets", /NUL/],
    ["/invite/%ff", /UTF-8/],
    ["/api/v1/namespaces/%ff/secrets", /UTF-8/],
    ["/api/v1/namespaces/%ed%a0%80/secrets", /lone surrogate/],
    ["/api/v1/namespaces/%/secrets", /percent-encoding/],
    ["/api/auth/%ff", /UTF-8/],
    ["/reset-password/a%0ab", /control character/],
    ["/api/v1/audit?cursor=%00", /query string holds a NUL/],
    ["/api/v1/namespaces/default/secrets?filter=%ff", /query string is not valid UTF-8/],
  ];
  for (const [target, message] of cases) {
    const response = await raw(`GET ${target} HTTP/1.1`, { Accept: "application/json" });
    expect(response.status, target).toBe(400);
    expect(JSON.parse(response.body).error, target).toMatchObject({ code: "bad_request", message: expect.stringMatching(message) });
  }
  // A browser gets a line of text, not JSON.
  const page = await raw("GET /invite/%ff HTTP/1.1", { Accept: "text/html" });
  expect(page.status).toBe(400);
  expect(page.headers["content-type"]).toContain("text/plain");
  // %0a/%0d in `next` no longer reach a Location header.
  expect((await raw("GET /login?next=%0d%0a//evil.example HTTP/1.1")).status).toBe(200);
});

test("findings 7 and 11: a cross-origin or malformed server action is a 4xx, not 500", async () => {
  expect(loginActionId).toMatch(/^[0-9a-f]{40,}$/);
  const action = { "Next-Action": loginActionId, "Content-Type": "text/plain;charset=UTF-8" };
  const same = { ...action, Origin: ORIGIN };
  for (const origin of ["http://evil.example", "null", "not a url"]) {
    const response = await raw("POST /login HTTP/1.1", { ...action, Origin: origin }, "[]");
    expect(response.status, origin).toBe(403);
    expect(JSON.parse(response.body).error.message).toBe("cross-origin request refused: Origin does not match the host");
  }
  // Without a trusted proxy, X-Forwarded-Host does not make evil.example our host.
  expect(
    (await raw("POST /login HTTP/1.1", { ...action, Origin: "http://evil.example", "X-Forwarded-Host": "evil.example" }, "[]")).status,
  ).toBe(403);

  for (const body of ["{{{", '{"a":1}', '["$K1"]', "\u00ff\u00fe"]) {
    expect((await raw("POST /login HTTP/1.1", same, body)).status, body).toBe(400);
  }
  const boundary = { ...same, "Content-Type": "multipart/form-data; boundary=xyz" };
  expect((await raw("POST /login HTTP/1.1", boundary, "garbage")).status).toBe(400);
  expect(
    (await raw("POST /login HTTP/1.1", { Origin: ORIGIN, "Content-Type": "multipart/form-data; boundary=xyz" }, "garbage")).status,
  ).toBe(400);
  // Bogus action ids: Next.js's own 400 and 409.
  expect((await raw("POST /login HTTP/1.1", { ...same, "Next-Action": "nonsense" }, "[]")).status).toBe(400);
  expect((await raw("POST /login HTTP/1.1", { ...same, "Next-Action": "60" + "f".repeat(40) }, "[]")).status).toBe(409);
  // Arguments of the wrong shape are answered as an empty form.
  expect((await raw("POST /login HTTP/1.1", same, "[1,2]")).status).toBe(200);
});

test("Auth.js redirects to the public URL whatever X-Forwarded-Host says, and no HSTS over plain http", async () => {
  const forged = { "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" };
  const ours = [`localhost:${E2E_PORT}`, `127.0.0.1:${E2E_PORT}`];

  const signin = await raw("GET /api/auth/signin HTTP/1.1", forged);
  expect(signin.status).toBe(302);
  const callbackUrl = new URL(signin.headers.location!, ORIGIN).searchParams.get("callbackUrl")!;
  expect(ours).toContain(new URL(callbackUrl).host);
  expect(new URL(callbackUrl).protocol).toBe("http:");

  const callback = await raw(
    "POST /api/auth/callback/credentials HTTP/1.1",
    { ...forged, "Content-Type": "application/x-www-form-urlencoded" },
    `email=${encodeURIComponent(OWNER.email)}&password=x&callbackUrl=${encodeURIComponent("http://evil.example/")}`,
  );
  expect(callback.status).toBe(302);
  const location = new URL(callback.headers.location!);
  expect(ours).toContain(location.host);
  expect(location.host).not.toContain("0.0.0.0");

  expect(signin.headers["strict-transport-security"]).toBeUndefined();
});

// The Vault API on the real server (server.ts in front of Next.js), driven
// by Debian's python3-hvac as a platform team would point it at Coffer:
// VAULT_ADDR = the server's base URL, VAULT_TOKEN = a personal API token.
// What only the real server shows: Node's HTTP parser does not know LIST
// (server.ts turns it into GET ?list=true), a trailing slash must not be
// redirected, and /v1 must never answer with the console's sign-in redirect
// (before issue 15, /v1/… answered 307 to /login).
import { expect, test, type APIRequestContext } from "@playwright/test";
import { runHvacStory } from "../tests/vault/run-hvac-story";
import { E2E_PORT, setupTokenFromLog } from "./support/instance";
import { OWNER } from "./support/owner";

const ORIGIN = `http://127.0.0.1:${E2E_PORT}`;
// Names no other spec uses, in the default namespace (mount `secret`); the
// value is a canary, so zz-no-leaks.spec.ts checks the server log for it.
const NAME = "vault_e2e_hvac";
const VALUE = "CANARY-vault-hvac-5d2f";

let token = "";

/** When this spec runs alone, the owner first-run.spec.ts creates does not exist yet. */
async function ensureOwner(request: APIRequestContext) {
  const response = await request.post("/api/v1/setup", {
    data: { token: setupTokenFromLog(), name: OWNER.name, email: OWNER.email, password: OWNER.password },
    failOnStatusCode: false,
  });
  expect([201, 403, 404]).toContain(response.status());
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }) => {
  await ensureOwner(request);
  const created = await request.post("/api/v1/auth/token", {
    data: { email: OWNER.email, password: OWNER.password, name: "vault-clients e2e" },
  });
  expect(created.status()).toBe(201);
  token = (await created.json()).token;
});

test("/v1 answers in Vault's JSON shape, never with a redirect to the sign-in page", async ({ request }) => {
  const anonymous = await request.get(`/v1/secret/data/${NAME}`, { maxRedirects: 0 });
  expect(anonymous.status()).toBe(403);
  expect(anonymous.headers()["content-type"]).toMatch(/^application\/json/);
  expect((await anonymous.json()).errors).toEqual(expect.arrayContaining([expect.stringContaining("permission denied")]));

  const unknown = await request.get("/v1/no-such-mount/nothing/here", { maxRedirects: 0, headers: { "x-vault-token": token } });
  expect(unknown.status()).toBe(404);
  expect(Array.isArray((await unknown.json()).errors)).toBe(true);

  // A trailing slash is dropped before Next.js, which would otherwise answer 308.
  const health = await request.get("/v1/sys/health/", { maxRedirects: 0 });
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ initialized: true, sealed: false });
});

test("hvac writes, reads and lists a secret against the running server", async () => {
  const story = await runHvacStory("short", { VAULT_ADDR: ORIGIN, VAULT_TOKEN: token, COFFER_NAME: NAME, COFFER_VALUE: VALUE });
  for (const [step, entry] of Object.entries(story)) expect(entry.error, `hvac step ${step}: ${entry.message}`).toBeUndefined();
  expect(story.write!.ok.data).toMatchObject({ version: 1 });
  expect(story.read!.ok.data).toMatchObject({ data: { password: VALUE }, metadata: { version: 1 } });
  // hvac's list_secrets sends the LIST verb, which Node's HTTP parser alone would refuse.
  expect(story.list!.ok.data.keys).toContain(NAME);
  expect(story.health!.ok).toMatchObject({ initialized: true, sealed: false });
});

test("a raw LIST on the metadata root answers the keys, with the connection closed after it", async ({ request }) => {
  const listed = await request.fetch("/v1/secret/metadata/", { method: "LIST", headers: { "x-vault-token": token }, maxRedirects: 0 });
  expect(listed.status()).toBe(200);
  expect((await listed.json()).data.keys).toContain(NAME);
  expect(listed.headers()["connection"]).toBe("close");
});

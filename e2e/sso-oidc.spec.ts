// Single sign-on against a real OpenID provider (npm's oidc-provider, run
// by this spec on a loopback port) and a second Coffer configured for it:
// an owner maps group `platform` to editor in `prod`; a member in that
// group signs in and holds it, one in no group holds nothing; forged and
// replayed callbacks are refused with a message and an audit event.
import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { SSO_REFUSALS } from "../lib/auth/oidc/sso-refusal";
import { OIDC_USERS, startOidcProvider } from "./support/oidc-provider";
import { SSO_URL, startSsoCoffer } from "./support/sso-instance";

const OWNER = { email: "root@example.com", password: "CANARY-sso-owner-pass-41c", name: "Root Owner" } as const;

test.describe.configure({ mode: "serial" });

let stopProvider: (() => Promise<void>) | undefined;
let stopCoffer: (() => Promise<void>) | undefined;
let http: APIRequestContext;
let ownerToken = "";
let replayableCallback = "";

async function api(method: "GET" | "POST", path: string, data?: unknown) {
  const response = await http.fetch(path, { method, data, headers: { authorization: `Bearer ${ownerToken}` } });
  return { status: response.status(), body: await response.json().catch(() => null) };
}

async function grantsOf(email: string): Promise<string[]> {
  const { body } = await api("GET", "/api/v1/role-bindings");
  return (body.roleBindings as { email: string; role: string; namespace: string | null }[])
    .filter((g) => g.email === email)
    .map((g) => `${g.role}@${g.namespace ?? "all"}`);
}

async function ssoPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: SSO_URL });
  return context.newPage();
}

/** The provider's own login and consent pages, as a person would click through them. */
async function signInThroughProvider(page: Page, login: keyof typeof OIDC_USERS) {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${OIDC_USERS[login].name}` })).toBeVisible();
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  stopProvider = (await startOidcProvider(`${SSO_URL}/api/auth/callback/oidc`)).stop;
  const coffer = await startSsoCoffer();
  stopCoffer = coffer.stop;
  http = await playwrightRequest.newContext({ baseURL: SSO_URL });
  const setup = await http.post("/api/v1/setup", {
    data: { token: coffer.setupToken(), name: OWNER.name, email: OWNER.email, password: OWNER.password },
  });
  expect(setup.status(), await setup.text()).toBe(201);
  // COFFER_PASSWORD_LOGIN=owners: the owner still gets a token with a password.
  const token = await http.post("/api/v1/auth/token", { data: { email: OWNER.email, password: OWNER.password } });
  expect(token.status(), await token.text()).toBe(201);
  ownerToken = (await token.json()).token;
  expect((await api("POST", "/api/v1/namespaces", { name: "prod" })).status).toBe(201);
});

test.afterAll(async () => {
  await http?.dispose();
  await stopCoffer?.();
  await stopProvider?.();
});

test("an owner maps the group platform to editor in prod", async ({ browser }) => {
  const page = await ssoPage(browser);
  await page.goto("/login");
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${OWNER.name}` })).toBeVisible();

  await page.goto("/team/sso");
  const form = page.getByRole("form", { name: "Add group mapping" });
  await form.getByLabel("Group").fill("platform");
  await form.getByLabel("Role").selectOption("editor");
  await form.getByLabel("Scope").selectOption("prod");
  await form.getByRole("button", { name: "Add mapping" }).click();
  await expect(page.getByTestId("mapping-platform-editor-prod")).toBeVisible();
  await page.context().close();
});

test("a member of platform signs in through the provider and holds editor in prod", async ({ browser }) => {
  const page = await ssoPage(browser);
  page.on("request", (request) => {
    if (request.url().includes("/api/auth/callback/oidc")) replayableCallback = request.url();
  });
  await signInThroughProvider(page, "grace");
  expect(await grantsOf(OIDC_USERS.grace.email)).toEqual(["editor@prod"]);
  const { body } = await api("GET", "/api/v1/audit?action=sso.grant_add");
  expect(body.events).toEqual([expect.objectContaining({ action: "sso.grant_add", namespace: "prod" })]);
  await page.context().close();
});

test("a member in no group signs in and holds nothing", async ({ browser }) => {
  const page = await ssoPage(browser);
  await signInThroughProvider(page, "linus");
  expect(await grantsOf(OIDC_USERS.linus.email)).toEqual([]);
  await page.context().close();
});

test("a forged callback and a replayed one are refused with a message and an audit event", async ({ browser }) => {
  const page = await ssoPage(browser);
  await page.goto("/api/auth/callback/oidc?code=forged-code&state=forged-state");
  await expect(page).toHaveURL(/\/login\?/);
  await expect(page.getByText(SSO_REFUSALS.failed)).toBeVisible();

  expect(replayableCallback).toContain("state=");
  await page.goto(replayableCallback);
  await expect(page).toHaveURL(/\/login\?/);
  await expect(page.getByText(SSO_REFUSALS.failed)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  const { body } = await api("GET", "/api/v1/audit?action=auth.sso_refused");
  expect(body.events.length).toBeGreaterThanOrEqual(2);
  for (const event of body.events) expect(event).toMatchObject({ outcome: "denied" });
  await page.context().close();
});

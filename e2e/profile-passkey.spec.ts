// A member adds a passkey in the profile (Chromium's DevTools virtual
// authenticator plays the device), signs out, signs in with password and
// passkey, and removes the passkey again. WebAuthn refuses an IP address as
// its relying party, and the shared e2e instance runs at 127.0.0.1: this
// story runs its own Coffer at http://localhost:3212 (built server, fresh
// embedded database, its own log), as the SSO story does.
import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";
import { startSideCoffer, type SideCoffer } from "./support/side-instance";

const PORT = 3212;
const URL = `http://localhost:${PORT}`;
const OWNER = { email: "pia.passkey@example.com", password: "CANARY-passkey-story-pass-7e1b", name: "Pia Passkey" } as const;

let coffer: SideCoffer | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  coffer = await startSideCoffer("passkey", PORT);
  const http = await playwrightRequest.newContext({ baseURL: URL });
  const setup = await http.post("/api/v1/setup", {
    data: { token: coffer.setupToken(), name: OWNER.name, email: OWNER.email, password: OWNER.password },
  });
  expect(setup.status(), await setup.text()).toBe(201);
  await http.dispose();
});

test.afterAll(async () => {
  await coffer?.stop();
});

async function passwordStep(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("a member adds a passkey in the profile, signs in with password and passkey, and removes it", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: URL });
  const page = await context.newPage();
  // The device: a platform authenticator with user verification, as a laptop's fingerprint reader is.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });

  await passwordStep(page);
  await expect(page.getByRole("heading", { name: `Welcome, ${OWNER.name}` })).toBeVisible();

  await page.goto("/profile");
  const card = page.getByRole("region", { name: "Passkeys" });
  await expect(card.getByText("None yet.")).toBeVisible();
  // A name is asked for before the device is.
  await card.getByRole("button", { name: "Add a passkey" }).click();
  await expect(card.getByText("give the passkey a name")).toBeVisible();
  await card.getByLabel("Passkey name").fill("Story laptop");
  await card.getByLabel("Passkey name").press("Enter");
  const list = card.getByRole("list", { name: "Your passkeys" });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list.getByText("Story laptop")).toBeVisible();
  await expect(list.getByText("never used")).toBeVisible();
  expect((await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials).toHaveLength(1);

  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);

  // The password alone no longer opens a session; with no authenticator app there is no code field.
  await passwordStep(page);
  await expect(page.getByRole("heading", { name: "Two-factor sign-in" })).toBeVisible();
  await expect(page.getByLabel("Code")).toHaveCount(0);
  expect(await page.goto("/profile").then((r) => r?.url())).toMatch(/\/login/);

  await passwordStep(page);
  const usePasskey = page.getByRole("button", { name: "Use a passkey" });
  await expect(usePasskey).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: `Welcome, ${OWNER.name}` })).toBeVisible();

  await page.goto("/profile");
  await expect(list.getByText("last used")).toBeVisible();
  await list.getByRole("button", { name: "Remove passkey Story laptop" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove the passkey “Story laptop”?" });
  await dialog.getByRole("button", { name: "Remove passkey" }).click();
  await expect(page.getByTestId("toasts")).toContainText("Passkey removed.");
  await expect(card.getByText("None yet.")).toBeVisible();

  // Without a second factor the password signs in again.
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await passwordStep(page);
  await expect(page.getByRole("heading", { name: `Welcome, ${OWNER.name}` })).toBeVisible();
  await context.close();
});

// The story of a new instance: the operator sets it up with the token from
// the log, signs in and out, mistypes, gets locked out, and picks a theme.
import { expect, test, type Page } from "@playwright/test";
import { LOCKOUT_SECONDS, LOGIN_MAX_FAILURES, setupTokenFromLog } from "./support/instance";
import { OWNER } from "./support/owner";

// A password no log line, page or audit detail may ever contain
// (checked for every canary in zz-no-leaks.spec.ts).
const PASSWORD = OWNER.password;
const EMAIL = OWNER.email;

async function signIn(page: Page, password: string = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

// The form's own alert, not Next's (empty) route announcer.
const formAlert = (page: Page) => page.locator("form").getByRole("alert");

async function signOut(page: Page) {
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
}

test.describe.configure({ mode: "serial" });

test("a fresh instance sends visitors to sign-in and offers setup", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText("This instance has no users yet.")).toBeVisible();
  await page.getByRole("link", { name: "Set it up" }).click();
  await expect(page.getByRole("heading", { name: "Set up Coffer" })).toBeVisible();
});

test("setup needs the token from the log and creates the owner", async ({ page }) => {
  await page.goto("/setup");
  await page.getByLabel("Setup token").fill("not-the-token");
  await page.getByLabel("Your name").fill("Ada Lovelace");
  await page.getByLabel("Email").fill(EMAIL);
  // Issue 17: a short password hid the wrong token (one error at a time),
  // and every failure emptied the token. Both errors now come back at once;
  // the token, name and email stay, the password is emptied.
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create owner and sign in" }).click();
  await expect(page.getByText("the setup token is not valid")).toBeVisible();
  await expect(page.getByText("password must be at least 12 characters")).toBeVisible();
  await expect(page.getByLabel("Setup token")).toHaveValue("not-the-token");
  await expect(page.getByLabel("Email")).toHaveValue(EMAIL);
  await expect(page.getByLabel("Password")).toHaveValue("");

  await page.getByLabel("Setup token").fill(setupTokenFromLog());
  await expect(page.getByText("the setup token is not valid")).toBeHidden();
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create owner and sign in" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Ada Lovelace" })).toBeVisible();
  await expect(page.getByTestId("stat-database")).toHaveText("Embedded (PGlite)");
  await expect(page.getByTestId("stat-users")).toHaveText("1");
  // setup.complete (denied), setup.complete, auth.login
  await expect(page.getByTestId("stat-audit-events")).toHaveText("3");

  // Setup is gone for good.
  const again = await page.goto("/setup");
  expect(again?.status()).toBe(404);
});

test("the owner signs out and back in", async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole("heading", { name: "Welcome, Ada Lovelace" })).toBeVisible();
  await signOut(page);
  // The session is over on the server too: the console sends us back.
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
});

test("a wrong password gets one generic message, then a lockout", async ({ page }) => {
  await signIn(page, "wrong password one");
  await expect(formAlert(page)).toHaveText("Wrong email or password.");
  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByLabel("Password").fill("wrong password two");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(formAlert(page)).toHaveText("Wrong email or password.");

  for (let i = 1; i < LOGIN_MAX_FAILURES; i++) await signIn(page, `wrong password ${i + 2}`);
  await expect(formAlert(page)).toContainText("Too many failed sign-ins. Try again in");

  // Locked means locked: the right password does not get in either.
  await signIn(page);
  await expect(formAlert(page)).toContainText("Too many failed sign-ins");

  // The endpoint itself answers 429 with Retry-After.
  const direct = await page.request.post("/api/auth/callback/credentials", {
    form: { email: EMAIL, password: PASSWORD },
    maxRedirects: 0,
  });
  expect(direct.status()).toBe(429);
  expect(Number(direct.headers()["retry-after"])).toBeGreaterThan(0);

  // A malformed body is a 400 naming the field.
  const malformed = await page.request.post("/api/auth/callback/credentials", { form: { email: EMAIL }, maxRedirects: 0 });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.message).toBe("password is required");

  // After the lockout the right password works again.
  await page.waitForTimeout(LOCKOUT_SECONDS * 1000 + 500);
  await signIn(page);
  await expect(page.getByRole("heading", { name: "Welcome, Ada Lovelace" })).toBeVisible();
});

test("dark mode follows the system until chosen, and the choice persists", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await signIn(page);
  await expect(page.getByRole("heading", { name: "Welcome, Ada Lovelace" })).toBeVisible();
  await expect(page.locator("html")).toHaveClass(/\bsystem\b/);
  const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitemradio", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(darkBackground).not.toBe(lightBackground);

  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(darkBackground);

  // "System" with a dark OS is dark too.
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitemradio", { name: "System" }).click();
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(darkBackground);
});

test("responses carry the security headers", async ({ request }) => {
  const response = await request.get("/login");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  const health = await request.get("/api/health");
  expect(await health.json()).toEqual({ status: "ok", db: "ok" });
});

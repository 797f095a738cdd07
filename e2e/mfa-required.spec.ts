// An owner makes the editor role require a second factor. An editor
// without one signs in with the password, is sent to their profile's
// two-factor section (every other page sends them back there), enrolls an
// authenticator app and reaches the secrets page. They lose the phone: the
// owner resets their two-factor, which signs them out, and at the next
// sign-in they are sent to enrollment again.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { base32Decode, hotp, timeStep } from "../lib/auth/mfa/totp";
import { inviteMember, ownerApi } from "./support/console-actions";
import { signInAsOwner } from "./support/owner";

const EDITOR = {
  email: "erin.enrolls@example.com",
  name: "Erin Enrolls",
  password: "CANARY-mfa-required-pass-81c4",
  role: "editor",
  namespace: null,
};
const BANNER = "Your role editor requires a second factor. Set up an authenticator app or a passkey to continue.";

const appCode = (secret: string, offset = 0) => hotp(base32Decode(secret), timeStep(new Date()) + offset);

test.afterAll(async ({ request }) => {
  // Later specs sign in as editors: leave the built-in role as it was.
  await (await ownerApi(request)).send("PATCH", "/roles/editor", { requireSecondFactor: false }, 200);
});

async function signInWithPassword(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(EDITOR.email);
  await page.getByLabel("Password").fill(EDITOR.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function expectSentToEnrollment(page: Page) {
  await expect(page).toHaveURL(/\/profile#two-factor-heading$/);
  await expect(page.getByTestId("enrollment-required")).toContainText(BANNER);
  await expect(page.getByRole("region", { name: "Two-factor sign-in" })).toBeVisible();
}

async function ownerPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await signInAsOwner(page);
  return page;
}

test("a role that requires a second factor sends its members to enroll, and an owner can reset it", async ({ browser, request, page }) => {
  const api = await ownerApi(request);
  const editorId = await inviteMember(api, request, EDITOR);

  const owner = await ownerPage(browser);
  await owner.goto("/team/roles");
  await owner.getByRole("button", { name: "Edit role editor" }).click();
  const dialog = owner.getByRole("dialog", { name: "Edit role editor" });
  await dialog.getByLabel("Members with this role must use a second factor").check();
  await dialog.getByRole("button", { name: "Save role" }).click();
  await expect(owner.getByText("Role editor saved.")).toBeVisible();
  await expect(owner.getByTestId("role-editor")).toContainText("second factor required");

  // The password signs in, but the console shows only the profile until a second factor is set up.
  await signInWithPassword(page);
  await expectSentToEnrollment(page);
  await page.goto("/secrets");
  await expectSentToEnrollment(page);
  await expect(page.getByRole("heading", { name: "Secrets" })).toHaveCount(0);
  // The server sends them on too (requireActor: a redirect streamed inside the
  // console's shell), so no other page's content reaches the browser.
  const secretsHtml = await (await page.request.get("/secrets")).text();
  expect(secretsHtml).toMatch(/NEXT_REDIRECT|http-equiv="refresh"/);
  expect(secretsHtml).not.toContain('tracking-tight">Secrets</h1>');

  const card = page.getByRole("region", { name: "Two-factor sign-in" });
  await card.getByRole("button", { name: "Set up authenticator app" }).click();
  const secret = ((await card.getByTestId("totp-secret").textContent()) ?? "").trim();
  await card.getByLabel("Code from the app").fill(appCode(secret));
  await card.getByRole("button", { name: "Turn on" }).click();
  await expect(card.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await card.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByTestId("enrollment-required")).toHaveCount(0);

  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Secrets" }).click();
  await expect(page.getByRole("heading", { name: "Secrets", level: 1 })).toBeVisible();

  // The phone is lost: the owner resets the member's two-factor from the member's page.
  await owner.goto(`/team/members/${editorId}`);
  await owner.getByRole("button", { name: "Reset two-factor" }).click();
  const confirm = owner.getByRole("dialog", { name: `Reset two-factor sign-in for ${EDITOR.email}?` });
  await expect(confirm).toContainText("signs them out everywhere");
  await confirm.getByRole("button", { name: "Reset two-factor" }).click();
  await expect(owner.getByText(`Two-factor sign-in for ${EDITOR.email} is reset.`)).toBeVisible();
  await expect(owner.getByRole("button", { name: "Reset two-factor" })).toHaveCount(0);

  // Signed out by the reset; the password alone signs in again, straight to enrollment.
  await page.goto("/secrets");
  await expect(page).toHaveURL(/\/login/);
  await signInWithPassword(page);
  await expectSentToEnrollment(page);
  await owner.close();
});

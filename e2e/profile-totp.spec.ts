// A member turns on two-factor sign-in in their profile with an
// authenticator app (the test computes the app's codes from the key shown
// for manual entry), signs out, and signs in again with password and code;
// a wrong code is refused on the way.
import { expect, test, type Page } from "@playwright/test";
import { base32Decode, hotp, timeStep } from "../lib/auth/mfa/totp";
import { inviteMember, ownerApi } from "./support/console-actions";

const MEMBER = {
  email: "tess.totp@example.com",
  name: "Tess Totp",
  password: "CANARY-totp-story-pass-5d2a",
  role: "viewer",
  namespace: null,
};

/** What the authenticator app shows `offset` steps from now (+1 is still accepted, and newer than any code used before). */
const appCode = (secret: string, offset = 0) => hotp(base32Decode(secret), timeStep(new Date()) + offset);

async function passwordStep(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(MEMBER.email);
  await page.getByLabel("Password").fill(MEMBER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a member enrolls TOTP in the profile and signs in with password and code", async ({ page, request }) => {
  await inviteMember(await ownerApi(request), request, MEMBER);
  await passwordStep(page);
  await expect(page.getByRole("heading", { name: `Welcome, ${MEMBER.name}` })).toBeVisible();

  await page.goto("/profile");
  const card = page.getByRole("region", { name: "Two-factor sign-in" });
  await card.getByRole("button", { name: "Set up authenticator app" }).click();
  await expect(card.getByRole("img", { name: "QR code of the authenticator key" })).toBeVisible();
  const secret = ((await card.getByTestId("totp-secret").textContent()) ?? "").trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  // A wrong code is refused next to the field, and nothing is turned on.
  await card.getByLabel("Code from the app").fill(appCode(secret, 5));
  await card.getByRole("button", { name: "Turn on" }).click();
  await expect(card.getByText("that code does not match")).toBeVisible();

  await card.getByLabel("Code from the app").fill(appCode(secret));
  await card.getByRole("button", { name: "Turn on" }).click();
  await expect(card.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await card.getByRole("button", { name: "I have saved them" }).click();
  await expect(card.getByText("10 of 10 recovery codes left")).toBeVisible();

  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);

  // The password alone no longer opens a session: the form asks for the code.
  await passwordStep(page);
  await expect(page.getByRole("heading", { name: "Two-factor sign-in" })).toBeVisible();
  await page.getByLabel("Code").fill(appCode(secret, 9));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("Wrong or expired code.")).toBeVisible();
  expect(await page.goto("/profile").then((r) => r?.url())).toMatch(/\/login/);

  await passwordStep(page);
  await page.getByLabel("Code").fill(appCode(secret, 1));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${MEMBER.name}` })).toBeVisible();
});

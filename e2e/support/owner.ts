// The owner first-run.spec.ts creates through /setup; every later spec on
// the same fresh instance signs in as them. The password is a canary: the
// last spec checks that no "CANARY-" string ever reached the server log.
import { expect, type Page } from "@playwright/test";

export const OWNER = { email: "ada@example.com", password: "CANARY-pass-7c1e9a-horse", name: "Ada Lovelace" } as const;

export async function signInAsOwner(page: Page): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${OWNER.name}` })).toBeVisible();
}

// Signing in through /login as any member, waiting for the console's
// welcome so the next step runs on a signed-in page.
import { expect, type Page } from "@playwright/test";

export async function signIn(page: Page, email: string, password: string, name: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${name}` })).toBeVisible();
}

// What the two team specs share: team-invite.spec.ts invites and joins the
// viewer, team-manage.spec.ts (run after it, alphabetically, on the same
// instance) manages that same viewer, so both name them the same way.
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { OWNER } from "./owner";

// The owner that first-run.spec.ts creates (same values as there: that
// spec runs first on the same fresh instance and leaves it unlocked).
export const OWNER_EMAIL = OWNER.email;
export const OWNER_PASSWORD = OWNER.password;

export const VIEWER_EMAIL = "viewer@example.com";
export const VIEWER_NAME = "Vera Viewer";
// Passwords and values no log line may contain (zz-no-leaks.spec.ts checks "CANARY-").
export const VIEWER_PASSWORD = "CANARY-team-viewer-pass-3b9d";
export const RESET_PASSWORD = "CANARY-team-reset-pass-6e1f";
export const CHANGED_PASSWORD = "CANARY-team-changed-pass-2a7c";
export const DEFAULT_VALUE = "CANARY-team-default-value-41d0";
export const STAGING_VALUE = "CANARY-team-staging-value-9c3e";
export const FORCED_VALUE = "CANARY-team-forced-value-77aa";

export const DEFAULT_SECRET = "team_shared_config";
export const STAGING_SECRET = "team_staging_key";

export async function newPage(browser: Browser): Promise<[BrowserContext, Page]> {
  const context = await browser.newContext();
  return [context, await context.newPage()];
}

export const toast = (page: Page) => page.getByTestId("toasts");

export async function createSecret(page: Page, ns: string, name: string, value: string) {
  await page.goto(`/secrets?ns=${ns}`);
  await page.getByRole("button", { name: "Create secret" }).first().click();
  const create = page.getByRole("dialog", { name: "Create secret" });
  await create.getByLabel("Name").fill(name);
  await create.getByLabel(/^Value 1/).fill(value);
  await create.getByRole("button", { name: "Create secret" }).click();
  await expect(page).toHaveURL(`/secrets/${name}?ns=${ns}`);
}

/** A personal API token made on /settings/tokens by whoever is signed in on `page`. */
export async function createPersonalToken(page: Page, name: string): Promise<string> {
  await page.goto("/settings/tokens");
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  return ((await page.getByTestId("new-token").textContent()) ?? "").trim();
}

export async function openViewerPage(owner: Page) {
  await owner.goto("/team");
  await owner.getByRole("link", { name: VIEWER_NAME }).click();
  await expect(owner.getByRole("heading", { name: VIEWER_NAME })).toBeVisible();
}

// The team story, second half, on the viewer team-invite.spec.ts invited
// (it runs just before this file on the same instance, which keeps what it
// made: the viewer with an editor grant in staging and a secret there).
// Namespaces and custom roles in use cannot be deleted; a reset link and a
// password change work; disabling the viewer ends their open session.
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { signIn } from "./support/sign-in";
import {
  CHANGED_PASSWORD,
  createPersonalToken,
  newPage,
  openViewerPage,
  OWNER_EMAIL,
  OWNER_PASSWORD,
  RESET_PASSWORD,
  toast,
  VIEWER_EMAIL,
  VIEWER_NAME,
  VIEWER_PASSWORD,
} from "./support/team-story";

let owner: Page;
let viewerContext: BrowserContext;
let viewer: Page;
let viewerToken = "";

test.describe.configure({ mode: "serial" });

// The viewer's open session and API token, which the reset and the disable
// below must end, as the first half left them.
test.beforeAll(async ({ browser }) => {
  owner = await browser.newPage();
  await signIn(owner, OWNER_EMAIL, OWNER_PASSWORD, "Ada Lovelace");
  [viewerContext, viewer] = await newPage(browser);
  await signIn(viewer, VIEWER_EMAIL, VIEWER_PASSWORD, VIEWER_NAME);
  viewerToken = await createPersonalToken(viewer, "team e2e manage");
  expect(viewerToken).toMatch(/^cfp_/);
});

test.afterAll(async () => {
  await owner?.close();
  await viewerContext?.close();
});

test("an unknown member is a 404 inside the console", async () => {
  expect((await owner.goto("/team/members/usr_no_such_member"))?.status()).toBe(404);
  await expect(owner.getByText("There is no such member")).toBeVisible();
  await owner.getByRole("link", { name: "Back to the team" }).click();
  await expect(owner.getByTestId(`member-row-${VIEWER_EMAIL}`)).toBeVisible();
});

test("a namespace that still holds secrets cannot be deleted", async () => {
  await owner.goto("/team/namespaces");
  await expect(owner.getByRole("button", { name: "Delete namespace default" })).toHaveCount(0);
  await owner.getByRole("button", { name: "Delete namespace staging" }).click();
  const confirm = owner.getByRole("dialog", { name: "Delete namespace staging?" });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Delete namespace" }).click();
  await expect(confirm.getByRole("alert")).toContainText("namespace 'staging' is not empty: it still holds 1 secret");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(owner.getByTestId("namespace-row-staging")).toBeVisible();
});

test("a custom role in use cannot be deleted until its grant is revoked", async () => {
  await owner.goto("/team/roles");
  await expect(owner.getByTestId("role-owner")).toContainText("built-in");
  await expect(owner.getByRole("button", { name: "Delete role owner" })).toHaveCount(0);
  await expect(owner.getByText("No custom roles yet")).toBeVisible();

  await owner.getByRole("button", { name: "New role" }).first().click();
  const dialog = owner.getByRole("dialog", { name: "New role" });
  await dialog.getByLabel("Name", { exact: true }).fill("ci-reader");
  await dialog.getByLabel("Description").fill("Lists secrets for CI");
  await dialog.getByLabel("Select all secrets permissions").check();
  await expect(dialog.getByLabel("secret:reveal")).toBeChecked();
  await dialog.getByLabel("secret:reveal").uncheck();
  await expect(dialog.getByLabel("Select all secrets permissions")).not.toBeChecked();
  // secret:bind too: binding grants reading, which a CI lister must not have.
  for (const p of ["secret:create", "secret:update", "secret:delete", "secret:purge", "secret:bind"]) await dialog.getByLabel(p).uncheck();
  await dialog.getByRole("button", { name: "Create role" }).click();
  await expect(dialog).toBeHidden();
  const card = owner.getByTestId("role-ci-reader");
  await expect(card).toContainText("Lists secrets for CI");
  await expect(card).toContainText("list");
  await expect(card).toContainText("inspect");
  await expect(card).not.toContainText("reveal");

  await openViewerPage(owner);
  const add = owner.getByRole("form", { name: "Add grant" });
  await add.getByLabel("Role").selectOption("ci-reader");
  await add.getByRole("button", { name: "Add grant" }).click();
  await expect(owner.getByTestId("grant-ci-reader · all namespaces")).toBeVisible();

  await owner.goto("/team/roles");
  await owner.getByRole("button", { name: "Delete role ci-reader" }).click();
  const confirm = owner.getByRole("dialog", { name: "Delete role ci-reader?" });
  await confirm.getByRole("button", { name: "Delete role" }).click();
  await expect(confirm.getByRole("alert")).toContainText(`role 'ci-reader' is in use by: ${VIEWER_EMAIL}`);
  await confirm.getByRole("button", { name: "Cancel" }).click();

  await openViewerPage(owner);
  await owner.getByRole("button", { name: "Revoke ci-reader · all namespaces" }).click();
  await owner.getByRole("dialog", { name: "Revoke ci-reader · all namespaces?" }).getByRole("button", { name: "Revoke grant" }).click();
  await expect(owner.getByTestId("grant-ci-reader · all namespaces")).toHaveCount(0);

  await owner.goto("/team/roles");
  await owner.getByRole("button", { name: "Delete role ci-reader" }).click();
  await owner.getByRole("dialog", { name: "Delete role ci-reader?" }).getByRole("button", { name: "Delete role" }).click();
  await expect(toast(owner)).toContainText("Role ci-reader deleted.");
  await expect(owner.getByTestId("role-ci-reader")).toHaveCount(0);
});

test("a reset link sets a new password once and ends the viewer's sessions", async ({ browser }) => {
  await openViewerPage(owner);
  await owner.getByRole("button", { name: "Reset password link" }).click();
  const dialog = owner.getByRole("dialog", { name: `Reset the password of ${VIEWER_EMAIL}?` });
  await dialog.getByRole("button", { name: "Create reset link" }).click();
  const resetUrl = ((await dialog.getByTestId("reset-link").textContent()) ?? "").trim();
  expect(resetUrl).toMatch(/\/reset-password\/cfr_/);
  await dialog.getByRole("button", { name: "Done" }).click();

  const [context, page] = await newPage(browser);
  await page.goto(resetUrl);
  await page.getByLabel("New password", { exact: true }).fill(RESET_PASSWORD);
  await page.getByLabel("Confirm new password").fill(RESET_PASSWORD);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/login\?notice=password-reset$/);

  // Spent: the page says so up front instead of offering a form that fails
  // (a reset link can be checked before use).
  await page.goto(resetUrl);
  await expect(page.getByRole("heading", { name: "This link is not valid or has expired" })).toBeVisible();
  await expect(page.getByLabel("New password", { exact: true })).toHaveCount(0);
  await context.close();

  await viewer.reload();
  await expect(viewer).toHaveURL(/\/login/);
  await signIn(viewer, VIEWER_EMAIL, RESET_PASSWORD, VIEWER_NAME);
});

test("the viewer's profile shows their access and changes their password", async () => {
  await viewer.goto("/profile");
  await expect(viewer.getByRole("heading", { name: "Profile" })).toBeVisible();
  await expect(viewer.getByText(VIEWER_EMAIL)).toBeVisible();
  await expect(viewer.getByRole("heading", { name: "In all namespaces" })).toBeVisible();
  await expect(viewer.getByRole("heading", { name: "Also in namespace staging" })).toBeVisible();
  // The reset above revoked the viewer's API token: a password reset ends them.
  await expect(viewer.getByText("You have no active API tokens.", { exact: false })).toBeVisible();
  await expect(viewer.getByRole("link", { name: "Manage API tokens" })).toHaveAttribute("href", "/settings/tokens");

  await viewer.getByLabel("Current password").fill("not the password");
  await viewer.getByLabel("New password", { exact: true }).fill(CHANGED_PASSWORD);
  await viewer.getByLabel("Confirm new password").fill(CHANGED_PASSWORD);
  await viewer.getByRole("button", { name: "Change password" }).click();
  await expect(viewer.getByText("The current password is not correct.")).toBeVisible();

  await viewer.getByLabel("Current password").fill(RESET_PASSWORD);
  await viewer.getByLabel("New password", { exact: true }).fill(CHANGED_PASSWORD);
  await viewer.getByLabel("Confirm new password").fill(CHANGED_PASSWORD);
  await viewer.getByRole("button", { name: "Change password" }).click();
  await expect(viewer.getByText("Password changed. Your other sessions were signed out")).toBeVisible();
  // This session stays.
  await viewer.reload();
  await expect(viewer.getByRole("heading", { name: "Profile" })).toBeVisible();

  await owner.goto("/profile");
  await expect(owner.getByText("owner · all namespaces")).toBeVisible();
});

test("the last owner cannot be disabled, and a disabled viewer is signed out at once", async () => {
  await owner.goto("/team");
  await owner.getByRole("link", { name: "Ada Lovelace" }).click();
  await owner.getByRole("button", { name: "Disable" }).click();
  const self = owner.getByRole("dialog", { name: `Disable ${OWNER_EMAIL}?` });
  await self.getByRole("button", { name: "Disable member" }).click();
  await expect(self.getByRole("alert")).toContainText("cannot disable this member: this is the last owner");
  await self.getByRole("button", { name: "Cancel" }).click();

  await openViewerPage(owner);
  await owner.getByRole("button", { name: "Disable" }).click();
  const confirm = owner.getByRole("dialog", { name: `Disable ${VIEWER_EMAIL}?` });
  await confirm.getByRole("button", { name: "Disable member" }).click();
  await expect(confirm).toBeHidden();
  await expect(toast(owner)).toContainText(`${VIEWER_EMAIL} is disabled.`);
  await expect(owner.getByRole("button", { name: "Enable" })).toBeVisible();

  // The viewer's open page: the next navigation lands on sign-in, and their API token is dead too.
  await viewer.getByRole("link", { name: "Secrets" }).first().click();
  await expect(viewer).toHaveURL(/\/login/);
  const withToken = await viewer.request.get("/api/v1/namespaces/default/secrets", { headers: { Authorization: `Bearer ${viewerToken}` } });
  expect(withToken.status()).toBe(401);
});

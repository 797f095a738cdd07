// The team story of issue 6 (part 6): the owner invites a viewer by
// one-time link; the viewer joins in another browser and sees secrets'
// metadata but cannot change them (the console hides the buttons and the
// server refuses a forced request); an editor grant for one namespace lets
// them create secrets there only; a reset link and a password change work;
// disabling the viewer ends their open session.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { OWNER } from "./support/owner";

// The owner that first-run.spec.ts creates (same values as there: that
// spec runs first on the same fresh instance and leaves it unlocked).
const OWNER_EMAIL = OWNER.email;
const OWNER_PASSWORD = OWNER.password;

const VIEWER_EMAIL = "viewer@example.com";
const VIEWER_NAME = "Vera Viewer";
// Passwords and values no log line may contain (zz-no-leaks.spec.ts checks "CANARY-").
const VIEWER_PASSWORD = "CANARY-team-viewer-pass-3b9d";
const RESET_PASSWORD = "CANARY-team-reset-pass-6e1f";
const CHANGED_PASSWORD = "CANARY-team-changed-pass-2a7c";
const DEFAULT_VALUE = "CANARY-team-default-value-41d0";
const STAGING_VALUE = "CANARY-team-staging-value-9c3e";
const FORCED_VALUE = "CANARY-team-forced-value-77aa";

const DEFAULT_SECRET = "team_shared_config";
const STAGING_SECRET = "team_staging_key";

let owner: Page;
let viewerContext: BrowserContext;
let viewer: Page;
let inviteUrl = "";
let viewerToken = "";

async function signIn(page: Page, email: string, password: string, name: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${name}` })).toBeVisible();
}

async function newPage(browser: Browser): Promise<[BrowserContext, Page]> {
  const context = await browser.newContext();
  return [context, await context.newPage()];
}

const toast = (page: Page) => page.getByTestId("toasts");

async function createSecret(page: Page, ns: string, name: string, value: string) {
  await page.goto(`/secrets?ns=${ns}`);
  await page.getByRole("button", { name: "Create secret" }).first().click();
  const create = page.getByRole("dialog", { name: "Create secret" });
  await create.getByLabel("Name").fill(name);
  await create.getByLabel(/^Value 1/).fill(value);
  await create.getByRole("button", { name: "Create secret" }).click();
  await expect(page).toHaveURL(`/secrets/${name}?ns=${ns}`);
}

async function openViewerPage() {
  await owner.goto("/team");
  await owner.getByRole("link", { name: VIEWER_NAME }).click();
  await expect(owner.getByRole("heading", { name: VIEWER_NAME })).toBeVisible();
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  owner = await browser.newPage();
  await signIn(owner, OWNER_EMAIL, OWNER_PASSWORD, "Ada Lovelace");
});

test.afterAll(async () => {
  await owner?.close();
  await viewerContext?.close();
});

test("the owner creates namespace staging and a secret in default", async () => {
  await owner.goto("/team/namespaces");
  await expect(owner.getByTestId("namespace-row-default")).toBeVisible();
  await owner.getByLabel("Namespace name").fill("Not A Label!");
  await owner.getByRole("button", { name: "Create namespace" }).click();
  await expect(owner.getByText(/^name must be a DNS label/)).toBeVisible();
  await owner.getByLabel("Namespace name").fill("staging");
  await owner.getByRole("button", { name: "Create namespace" }).click();
  await expect(owner.getByTestId("namespace-row-staging")).toBeVisible();
  await expect(toast(owner)).toContainText("Namespace staging created.");

  await createSecret(owner, "default", DEFAULT_SECRET, DEFAULT_VALUE);
});

test("the owner invites a viewer for all namespaces and gets the link once", async () => {
  await owner.goto("/team");
  await expect(owner.getByTestId(`member-row-${OWNER_EMAIL}`)).toContainText("owner · all namespaces");
  await owner.getByRole("button", { name: "Invite member" }).click();
  const dialog = owner.getByRole("dialog", { name: "Invite member" });
  await expect(dialog.getByLabel("Email")).toBeFocused();
  await dialog.getByLabel("Email").fill(OWNER_EMAIL);
  await dialog.getByLabel("Role").selectOption("viewer");
  await dialog.getByLabel("Scope").selectOption({ label: "All namespaces" });
  await dialog.getByRole("button", { name: "Create invite link" }).click();
  await expect(dialog.getByText(`${OWNER_EMAIL} is already a member`)).toBeVisible();

  await dialog.getByLabel("Email").fill(VIEWER_EMAIL);
  await dialog.getByRole("button", { name: "Create invite link" }).click();
  const link = dialog.getByTestId("invite-link");
  await expect(link).toContainText("/invite/cfi_");
  await expect(dialog).toContainText("Shown once");
  inviteUrl = (await link.textContent()) ?? "";
  expect(inviteUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invite\/cfi_/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();

  await owner.getByRole("link", { name: "Invites" }).click();
  const row = owner.getByTestId(`invite-row-${VIEWER_EMAIL}`);
  await expect(row).toContainText("viewer");
  await expect(row).toContainText("all namespaces");
  await expect(row).toContainText("pending");
  // The list never shows a link again.
  expect(await owner.content()).not.toContain(new URL(inviteUrl).pathname);
});

test("the viewer joins from the link in another browser and is signed in", async ({ browser }) => {
  [viewerContext, viewer] = await newPage(browser);
  await viewer.goto(inviteUrl);
  await expect(viewer.getByRole("heading", { name: "Join Coffer" })).toBeVisible();
  await expect(viewer.getByLabel("Email")).toHaveValue(VIEWER_EMAIL);
  await expect(viewer.getByText("You are invited as viewer for all namespaces")).toBeVisible();

  await viewer.getByLabel("Your name").fill(VIEWER_NAME);
  await viewer.getByLabel("Password", { exact: true }).fill(VIEWER_PASSWORD);
  await viewer.getByLabel("Confirm password").fill(`${VIEWER_PASSWORD}x`);
  await viewer.getByRole("button", { name: "Join and sign in" }).click();
  await expect(viewer.getByText("the two passwords do not match")).toBeVisible();

  await viewer.getByLabel("Password", { exact: true }).fill(VIEWER_PASSWORD);
  await viewer.getByLabel("Confirm password").fill(VIEWER_PASSWORD);
  await viewer.getByRole("button", { name: "Join and sign in" }).click();
  await expect(viewer.getByRole("heading", { name: `Welcome, ${VIEWER_NAME}` })).toBeVisible();

  // One-time: the link is spent.
  await owner.goto(inviteUrl);
  await expect(owner.getByRole("heading", { name: "This invite link is not valid or has expired" })).toBeVisible();
  await owner.goto("/team/invites");
  await expect(owner.getByTestId(`invite-row-${VIEWER_EMAIL}`)).toContainText("used");
});

test("the viewer sees secrets' metadata but no way to change them", async () => {
  await viewer.goto("/secrets?ns=default");
  await expect(viewer.getByTestId(`secret-row-${DEFAULT_SECRET}`)).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Create secret" })).toHaveCount(0);
  await viewer.getByRole("link", { name: DEFAULT_SECRET }).click();
  await expect(viewer.getByRole("heading", { name: DEFAULT_SECRET })).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Delete", exact: true })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Rotate" })).toHaveCount(0);

  // The Team lists need member:list, which a viewer does not hold.
  await viewer.goto("/team");
  await expect(viewer.getByText("You do not have permission to see the team.")).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Invite member" })).toHaveCount(0);
});

test("the server refuses the viewer's forced create: 401 without a token, 403 with the viewer's own", async () => {
  const body = { name: "team_forced", stringData: { value: FORCED_VALUE } };
  const anonymous = await viewer.request.post("/api/v1/namespaces/default/secrets", { data: body });
  expect(anonymous.status()).toBe(401);

  await viewer.goto("/settings/tokens");
  await viewer.getByLabel("Token name").fill("team e2e");
  await viewer.getByRole("button", { name: "Create token" }).click();
  viewerToken = ((await viewer.getByTestId("new-token").textContent()) ?? "").trim();
  expect(viewerToken).toMatch(/^cfp_/);

  const forced = await viewer.request.post("/api/v1/namespaces/default/secrets", {
    data: body,
    headers: { Authorization: `Bearer ${viewerToken}` },
  });
  expect(forced.status()).toBe(403);
  expect((await forced.json()).error.code).toBe("forbidden");
  const list = await viewer.request.get("/api/v1/namespaces/default/secrets", { headers: { Authorization: `Bearer ${viewerToken}` } });
  expect((await list.json()).secrets.map((s: { name: string }) => s.name)).not.toContain("team_forced");
});

test("the owner grants editor for staging only; the viewer can create secrets there and nowhere else", async () => {
  await openViewerPage();
  await expect(owner.getByTestId("grant-viewer · all namespaces")).toBeVisible();
  const add = owner.getByRole("form", { name: "Add grant" });
  await add.getByLabel("Role").selectOption("editor");
  await add.getByLabel("Scope").selectOption("staging");
  await add.getByRole("button", { name: "Add grant" }).click();
  await expect(owner.getByTestId("grant-editor · staging")).toBeVisible();
  await expect(toast(owner)).toContainText("Granted editor · staging.");

  await owner.goto("/team");
  const row = owner.getByTestId(`member-row-${VIEWER_EMAIL}`);
  await expect(row).toContainText("viewer · all namespaces");
  await expect(row).toContainText("editor · staging");

  await createSecret(viewer, "staging", STAGING_SECRET, STAGING_VALUE);
  await expect(viewer.getByRole("button", { name: "Delete", exact: true })).toBeVisible();
  await viewer.goto("/secrets?ns=default");
  await expect(viewer.getByTestId(`secret-row-${DEFAULT_SECRET}`)).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Create secret" })).toHaveCount(0);
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

  await openViewerPage();
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

  await openViewerPage();
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
  await openViewerPage();
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
  // (issue 11 finding 12: a reset link can be checked before use).
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
  // The reset above revoked the viewer's API token (issue 11 finding 5).
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

  await openViewerPage();
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

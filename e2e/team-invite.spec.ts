// The team story, first half: the owner invites a viewer by one-time
// link; the viewer joins in another browser and sees secrets' metadata but
// cannot change them (the console hides the buttons and the server refuses
// a forced request); an editor grant for one namespace lets them create
// secrets there only. team-manage.spec.ts goes on with the same viewer.
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { signIn } from "./support/sign-in";
import {
  createPersonalToken,
  createSecret,
  DEFAULT_SECRET,
  DEFAULT_VALUE,
  FORCED_VALUE,
  newPage,
  openViewerPage,
  OWNER_EMAIL,
  OWNER_PASSWORD,
  STAGING_SECRET,
  STAGING_VALUE,
  toast,
  VIEWER_EMAIL,
  VIEWER_NAME,
  VIEWER_PASSWORD,
} from "./support/team-story";

let owner: Page;
let viewerContext: BrowserContext;
let viewer: Page;
let inviteUrl = "";
let viewerToken = "";

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
  expect((await viewer.goto("/team"))?.status(), "the refused Team page answers 403").toBe(403);
  await expect(viewer.getByTestId("status-403")).toContainText("Permission required");
  await expect(viewer.getByRole("button", { name: "Invite member" })).toHaveCount(0);
});

test("the server refuses the viewer's forced create: 401 without a token, 403 with the viewer's own", async () => {
  const body = { name: "team_forced", stringData: { value: FORCED_VALUE } };
  const anonymous = await viewer.request.post("/api/v1/namespaces/default/secrets", { data: body });
  expect(anonymous.status()).toBe(401);

  viewerToken = await createPersonalToken(viewer, "team e2e");
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
  await openViewerPage(owner);
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

// The console's Integrations page as an owner uses it: give a Docker Swarm
// a credential (an integration of kind docker-swarm), see its token once
// with the command that runs the plugin, find it listed (and the token gone
// after a reload), renew its token (the old one refused at once), then
// revoke it through the confirmation dialog. A viewer
// sees neither the section in the nav nor the create button.
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { anonymousContext, inviteMember, ORIGIN, ownerApi } from "./support/console-actions";
import { OWNER, signInAsOwner } from "./support/owner";
import { signIn } from "./support/sign-in";

// The password is a canary: zz-no-leaks.spec.ts checks none reached the log.
const VIEWER = {
  email: "integrations-viewer@example.com",
  name: "Ivy Viewer",
  password: "CANARY-integrations-viewer-3f7a",
  role: "viewer",
  namespace: "default",
};
const NAME = "prod-swarm";

let anonymous: APIRequestContext;
let page: Page;
/** The token as the dialog showed it; it must never be shown again. */
let token = "";

const row = () => page.getByTestId(`integration-row-${NAME}`);

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  anonymous = await anonymousContext();
  // Sets the instance up when this spec runs alone.
  const owner = await ownerApi(anonymous);
  await inviteMember(owner, anonymous, VIEWER);
  page = await browser.newPage();
  await signInAsOwner(page);
});

test.afterAll(async () => {
  await page?.close();
  await anonymous?.dispose();
});

test("the Integrations section starts empty and says what an integration is for", async () => {
  await page.getByRole("navigation", { name: "Sections" }).first().getByRole("link", { name: "Integrations" }).click();
  await expect(page).toHaveURL(/\/integrations/);
  await page.goto("/integrations?ns=default");
  await expect(page.getByRole("heading", { name: "Integrations", exact: true })).toBeVisible();
  await expect(page.getByText("No integrations in namespace default yet")).toBeVisible();
  await expect(page.getByText("coffer docker-plugin --server URL --token-file FILE")).toBeVisible();
  await expect(page.getByText("coffer kms-plugin --server URL --token-file FILE --socket PATH")).toBeVisible();
});

test("an owner creates a docker-swarm integration and sees its token once, with the command to run", async () => {
  await page.getByRole("button", { name: "New integration" }).click();
  const create = page.getByRole("dialog", { name: "New integration" });
  await expect(create.getByLabel("Kind")).toHaveValue("docker-swarm");
  await expect(create.getByText("docker secret create --driver coffer", { exact: false })).toBeVisible();
  await create.getByLabel("Name").fill(NAME);
  await create.getByLabel("Expires").selectOption("90");
  await create.getByRole("button", { name: "Create integration" }).click();

  const shown = create.getByTestId("new-integration-token");
  await expect(shown).toHaveText(/^cfi_[A-Za-z0-9_-]{20,}$/);
  token = (await shown.textContent()) ?? "";
  await expect(create.getByTestId("plugin-command")).toHaveText(
    `coffer docker-plugin --server ${ORIGIN} --token-file /etc/coffer/${NAME}.token --socket /run/docker/plugins/coffer.sock`,
  );
  await expect(create.getByRole("button", { name: "Copy token" })).toBeVisible();
  await create.getByRole("button", { name: "Done" }).click();
  await expect(create).toBeHidden();

  await expect(row()).toContainText("docker-swarm");
  await expect(row()).toContainText(OWNER.email);
  await expect(row().getByTestId("status")).toHaveText("active");
  // The listed prefix is the token's start: enough to recognise it, never the token.
  const prefix = (await row().getByTestId("token-prefix").textContent())?.replace(/…$/, "") ?? "";
  expect(prefix.length).toBeGreaterThan(3);
  expect(token.startsWith(prefix)).toBe(true);
});

test("after a reload the token is gone: only its prefix is listed", async () => {
  await page.reload();
  await expect(row()).toBeVisible();
  expect(await page.content()).not.toContain(token);
  const html = await page.request.get("/integrations?ns=default");
  expect(await html.text()).not.toContain(token);
});

/**
 * What the Swarm driver endpoint answers a token: 401 once it is replaced or
 * revoked. Names no other spec uses: a live token's refused request is a
 * denied secret.read of that name, which services-cli.spec.ts would count.
 */
async function deliveryStatus(credential: string): Promise<number> {
  const answer = await anonymous.post("/api/v1/integrations/docker-swarm/deliveries", {
    headers: { authorization: `Bearer ${credential}` },
    data: { SecretName: "integrations-spec-secret", ServiceName: "integrations-spec-service" },
  });
  return answer.status();
}

test("renewing the token warns that the old one stops now, then shows the new one once", async () => {
  await row()
    .getByRole("button", { name: `Renew token of integration ${NAME}` })
    .click();
  const renew = page.getByRole("dialog", { name: `Renew the token of integration ${NAME}?` });
  await expect(renew).toContainText("stops working now");
  await expect(renew.getByRole("button", { name: "Cancel" })).toBeFocused();
  await renew.getByLabel("New token expires").selectOption("30");
  await renew.getByRole("button", { name: "Renew token", exact: true }).click();

  const shown = renew.getByTestId("new-integration-token");
  await expect(shown).toHaveText(/^cfi_[A-Za-z0-9_-]{20,}$/);
  const renewed = (await shown.textContent()) ?? "";
  expect(renewed).not.toBe(token);
  await expect(renew).toContainText(`The token of integration ${NAME} was renewed: the old token no longer works`);
  await expect(renew.getByTestId("plugin-command")).toContainText(`--token-file /etc/coffer/${NAME}.token`);
  await renew.getByRole("button", { name: "Done" }).click();
  await expect(renew).toBeHidden();

  // The same row (same integration), now listing the new token's prefix.
  await expect(row().getByTestId("status")).toHaveText("active");
  const prefix = (await row().getByTestId("token-prefix").textContent())?.replace(/…$/, "") ?? "";
  expect(renewed.startsWith(prefix)).toBe(true);
  // The old token is refused; the new one is known (no Coffer service 'web' here, hence not 200).
  expect(await deliveryStatus(token)).toBe(401);
  expect(await deliveryStatus(renewed)).not.toBe(401);
  token = renewed;
});

test("revoking asks in the console's own dialog, then the row says revoked", async () => {
  await row()
    .getByRole("button", { name: `Revoke integration ${NAME}` })
    .click();
  const confirm = page.getByRole("dialog", { name: `Revoke integration ${NAME}?` });
  await expect(confirm).toContainText("stops working at once");
  // The safe choice has the focus.
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Revoke integration" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId("toasts")).toContainText(`Integration ${NAME} revoked.`);
  await expect(row().getByTestId("status")).toHaveText("revoked");
  await expect(row().getByRole("button", { name: `Revoke integration ${NAME}` })).toHaveCount(0);
});

async function viewerPage(browser: Browser): Promise<Page> {
  const viewer = await (await browser.newContext()).newPage();
  await signIn(viewer, VIEWER.email, VIEWER.password, VIEWER.name);
  return viewer;
}

test("a viewer sees no Integrations section and no create button", async ({ browser }) => {
  const viewer = await viewerPage(browser);
  await expect(viewer.getByRole("link", { name: "Services" }).first()).toBeVisible();
  await expect(viewer.getByRole("link", { name: "Integrations" })).toHaveCount(0);
  const refused = await viewer.goto("/integrations?ns=default");
  expect(refused?.status(), "the refused page answers 403").toBe(403);
  await expect(viewer.getByTestId("status-403")).toContainText("Permission required");
  await expect(viewer.getByRole("button", { name: "New integration" })).toHaveCount(0);
  await viewer.context().close();
});

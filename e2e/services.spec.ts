// The services console as an owner uses it: create
// a service, bind a secret to it the way `docker service create --secret
// source=,target=,mode=` does, see that a bound secret cannot be deleted,
// give the service's agent a token (shown once), let the "agent" read, and
// find that read again from both sides: the secret's Reads and the
// service's Recent reads. Throughout, no page may hold the secret's value.
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { watchForLeaks } from "./support/leak-watch";
import { signInAsOwner } from "./support/owner";

// The secret's value: typed once into the password field, then only ever
// delivered to the service's agent through the runtime API.
const CANARY = "CANARY-svc-77d0";
const CANARY_BASE64 = Buffer.from(CANARY).toString("base64");
// A second secret that sorts first in the Add binding form's secret list.
const OTHER_CANARY = "CANARY-svc-cache-19";
const NEEDLES = [CANARY, CANARY_BASE64, OTHER_CANARY];

const SECRET = "orders_db_pw";
const SERVICE = "orders";
const TARGET = "db_password";

let page: Page;
/** The service token, read from the page once; it stands in for the agent's token file. */
let serviceToken = "";
let leaks: ReturnType<typeof watchForLeaks>;

async function signIn(browser: Browser) {
  page = await browser.newPage();
  leaks = watchForLeaks(page);
  await signInAsOwner(page);
}

/** No value in the page as rendered, its URL, or any response so far. */
const expectNoValueLeaked = () => leaks.expectNone(NEEDLES);

const dialog = (name: string | RegExp) => page.getByRole("dialog", { name });
const toast = () => page.getByTestId("toasts");
const bindingRow = () => page.getByTestId(`binding-row-${TARGET}`);

/** What the agent does: GET /api/v1/runtime/secrets with the service token (outside the page). */
function fetchAsAgent(token: string) {
  return page.request.get("/api/v1/runtime/secrets", { headers: { Authorization: `Bearer ${token}` } });
}

async function openAddBinding(): Promise<Locator> {
  await page.getByRole("button", { name: "Add binding" }).click();
  const add = dialog(`Bind a secret to ${SERVICE}`);
  await expect(add).toBeVisible();
  return add;
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  await signIn(browser);
});

test.afterAll(async () => {
  await page?.close();
});

test("the Services section starts empty and says what a service is", async () => {
  await page.goto("/services?ns=default");
  await expect(page.getByRole("heading", { name: "Services", exact: true })).toBeVisible();
  await expect(page.getByText("No services in namespace default yet")).toBeVisible();
  await expect(page.getByText("a service is a workload that receives the secrets you bind to it", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Namespace")).toHaveValue("default");
});

async function createSecret(name: string, value: string) {
  await page.goto("/secrets?ns=default");
  await page.getByRole("button", { name: "Create secret" }).first().click();
  const create = dialog("Create secret");
  await create.getByLabel("Name").fill(name);
  await create.getByLabel(/^Value 1/).fill(value);
  await create.getByRole("button", { name: "Create secret" }).click();
  await expect(page).toHaveURL(`/secrets/${name}?ns=default`);
}

test("secrets and a service are created; a bad service name is refused on its field", async () => {
  await createSecret("cache_password", OTHER_CANARY);
  await createSecret(SECRET, CANARY);

  await page.goto("/services?ns=default");
  await page.getByRole("button", { name: "Create service" }).first().click();
  const create = dialog("Create service");
  await expect(create.getByLabel("Name")).toBeFocused();
  await create.getByLabel("Name").fill("-orders");
  await create.getByLabel(/^Description/).fill("Order API and its workers");
  await create.getByLabel("Label 1 key").fill("team");
  await create.getByLabel("Label 1 value").fill("shop");
  await create.getByRole("button", { name: "Create service" }).click();
  await expect(create.getByLabel("Name")).toHaveAccessibleDescription(/^name must be 1-64 characters/);
  // What was typed stays.
  await expect(create.getByLabel(/^Description/)).toHaveValue("Order API and its workers");

  await create.getByLabel("Name").fill(SERVICE);
  await create.getByRole("button", { name: "Create service" }).click();
  await expect(page).toHaveURL(`/services/${SERVICE}?ns=default`);
  await expect(page.getByRole("heading", { name: SERVICE, level: 1 })).toBeVisible();
  await expect(toast()).toContainText(`Service ${SERVICE} created.`);
  await expect(page.getByText("Order API and its workers")).toBeVisible();
  await expect(page.getByText("team=shop")).toBeVisible();
  await expect(page.getByText("No secrets bound yet")).toBeVisible();
  await expectNoValueLeaked();
});

test("binding like --secret source=,target=,mode=: server errors land on their field", async () => {
  const add = await openAddBinding();
  await add.getByLabel("Secret", { exact: true }).selectOption(SECRET);
  await add.getByLabel("Target").fill("../etc/passwd");
  await add.getByLabel("Mode").fill("999");
  await add.getByRole("button", { name: "Add binding" }).click();
  await expect(add.getByLabel("Mode")).toHaveAccessibleDescription(/^mode must be an octal number/);

  await add.getByLabel("Mode").fill("0400");
  await add.getByRole("button", { name: "Add binding" }).click();
  await expect(add.getByLabel("Target")).toHaveAccessibleDescription(/^target must not contain '\.\.'/);

  await add.getByLabel("Target").fill(TARGET);
  await add.getByLabel(/^Pinned version/).fill("7");
  await add.getByRole("button", { name: "Add binding" }).click();
  await expect(add.getByLabel(/^Pinned version/)).toHaveAccessibleDescription(`pinnedVersion: secret '${SECRET}' has no version 7`);
  // Everything typed is still there. Regression: React's reset after a form
  // action showed the first secret again (cache_password) while the form
  // still meant orders_db_pw, so the next submit bound the wrong secret.
  await expect(add.getByLabel("Secret", { exact: true })).toHaveValue(SECRET);
  await expect(add.getByLabel("Target")).toHaveValue(TARGET);
  await expect(add.getByLabel("Mode")).toHaveValue("0400");
  await expect(add.getByText(`--secret source=${SECRET},target=${TARGET},uid=0,gid=0,mode=0400`)).toBeVisible();

  await add.getByLabel(/^Pinned version/).fill("");
  await add.getByLabel(/^Env name/).fill("DB_PASSWORD");
  await add.getByRole("button", { name: "Add binding" }).click();
  await expect(add).toBeHidden();

  const row = bindingRow();
  await expect(row.getByRole("link", { name: SECRET })).toHaveAttribute("href", `/secrets/${SECRET}?ns=default`);
  await expect(row.getByTestId("mode")).toHaveText("0400");
  await expect(row).toContainText("DB_PASSWORD_FILE");
  await expect(row).toContainText("current");
  await expectNoValueLeaked();
});

test("a bound secret cannot be deleted: the console names the service", async () => {
  await bindingRow().getByRole("link", { name: SECRET }).click();
  await expect(page).toHaveURL(`/secrets/${SECRET}?ns=default`);
  const usedBy = page.getByTestId(`used-by-${SERVICE}`);
  await expect(usedBy).toContainText(TARGET);
  await expect(usedBy.getByRole("link", { name: SERVICE })).toHaveAttribute("href", `/services/${SERVICE}?ns=default`);
  await expect(page.getByText("Never read", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const confirm = dialog(`Delete ${SECRET}?`);
  await confirm.getByLabel(/to confirm/).fill(SECRET);
  await confirm.getByRole("button", { name: "Delete secret" }).click();
  await expect(confirm.getByRole("alert")).toHaveText(`secret '${SECRET}' is in use by the following service: ${SERVICE}`);
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(`/secrets/${SECRET}?ns=default`);
  await expectNoValueLeaked();
});

test("a service token is shown once, with the agent's command line", async () => {
  await page.goto(`/services/${SERVICE}?ns=default`);
  await expect(page.getByText("No tokens yet")).toBeVisible();
  await page.getByRole("button", { name: "Create token" }).click();
  const create = dialog(`New token for ${SERVICE}`);
  await create.getByLabel("Token name").fill("web-1");
  await create.getByRole("button", { name: "Create token" }).click();

  const shown = create.getByTestId("new-service-token");
  await expect(shown).toHaveText(/^cfs_[A-Za-z0-9_-]{43}$/);
  serviceToken = (await shown.textContent()) ?? "";
  await expect(create.getByText("it is shown once")).toBeVisible();
  const origin = new URL(page.url()).origin;
  await expect(create.getByTestId("agent-command")).toHaveText(
    `coffer agent --server ${origin} --token-file /etc/coffer/${SERVICE}.token --dir /run/secrets --watch`,
  );
  await create.getByRole("button", { name: "Done" }).click();
  await expect(create).toBeHidden();

  // Listed by its prefix only; the token itself is gone from the page.
  const row = page.locator("[data-testid^=token-row-]");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("web-1");
  await expect(row).toContainText(`${serviceToken.slice(0, 10)}…`);
  await expect(row).toContainText("active");
  await expect(row).toContainText("never");
  expect(await page.content()).not.toContain(serviceToken);
  await page.reload();
  expect(await page.content()).not.toContain(serviceToken);
  await expectNoValueLeaked();
});

test("the agent's read shows on the secret's page and on the service's page", async () => {
  const response = await fetchAsAgent(serviceToken);
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  const delivery = await response.json();
  expect(delivery.service).toEqual({ name: SERVICE, namespace: "default" });
  expect(delivery.secrets).toHaveLength(1);
  const [secret] = delivery.secrets;
  expect(secret).toMatchObject({
    secret: SECRET,
    target: TARGET,
    mode: "0400",
    uid: 0,
    gid: 0,
    envName: "DB_PASSWORD",
    kind: "file",
    version: 1,
  });
  expect(Buffer.from(secret.files[0].data, "base64").toString("utf8")).toBe(CANARY);

  await page.goto(`/secrets/${SECRET}?ns=default`);
  const reader = page.getByTestId(`reader-default/${SERVICE}`);
  await expect(reader).toBeVisible();
  await expect(reader.getByTestId("count")).toHaveText("1");
  await expect(reader.getByRole("link", { name: `default/${SERVICE}` })).toHaveAttribute("href", `/services/${SERVICE}?ns=default`);
  // Relative times with the exact time on hover.
  await expect(reader.locator("time").first()).toHaveAttribute("title", /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
  await expectNoValueLeaked();

  await reader.getByRole("link", { name: `default/${SERVICE}` }).click();
  await expect(page).toHaveURL(`/services/${SERVICE}?ns=default`);
  const read = page.getByTestId(`read-row-${SECRET}`);
  await expect(read.getByTestId("count")).toHaveText("1");
  await expect(page.locator("[data-testid^=token-row-]")).not.toContainText("never");
  await expectNoValueLeaked();
});

test("the list shows the counts; Stale only is a filter in the URL", async () => {
  await page.goto("/services?ns=default");
  const row = page.getByTestId(`service-row-${SERVICE}`);
  await expect(row.getByTestId("bindings")).toHaveText("1");
  await expect(row.getByTestId("tokens")).toHaveText("1");
  await expect(row).toContainText("Order API and its workers");

  await page.goto("/secrets?ns=default");
  await expect(page.getByTestId(`secret-row-${SECRET}`)).toBeVisible();
  await expect(page.getByTestId(`secret-row-${SECRET}`).getByTestId("stale-badge")).toHaveCount(0);
  await page.getByLabel("Stale only").check();
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/stale=true/);
  // Just read by the agent, so not stale.
  await expect(page.getByText("No secrets match these filters")).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).first().click();
  await expect(page.getByLabel("Stale only")).not.toBeChecked();
  await expect(page.getByTestId(`secret-row-${SECRET}`)).toBeVisible();
  await expectNoValueLeaked();
});

test("removing the binding, revoking the token and deleting the service are confirmed; renaming follows", async () => {
  await page.goto(`/services/${SERVICE}?ns=default`);
  await bindingRow()
    .getByRole("button", { name: `Remove binding ${TARGET}` })
    .click();
  const remove = dialog(`Remove ${SECRET} from ${SERVICE}?`);
  await expect(remove.getByRole("button", { name: "Cancel" })).toBeFocused();
  await remove.getByRole("button", { name: "Remove binding" }).click();
  await expect(remove).toBeHidden();
  await expect(page.getByText("No secrets bound yet")).toBeVisible();

  await page.getByRole("button", { name: "Revoke token web-1" }).click();
  const revoke = dialog("Revoke token web-1?");
  await expect(revoke.getByRole("button", { name: "Cancel" })).toBeFocused();
  await revoke.getByRole("button", { name: "Revoke token" }).click();
  await expect(revoke).toBeHidden();
  await expect(page.locator("[data-testid^=token-row-]")).toContainText("revoked");
  expect((await fetchAsAgent(serviceToken)).status()).toBe(401);

  // Renaming follows the service to its new address.
  await page.getByRole("button", { name: "Edit" }).click();
  const edit = dialog(`Edit ${SERVICE}`);
  await expect(edit.getByLabel("Label 1 key")).toHaveValue("team");
  await edit.getByLabel("Name").fill(`${SERVICE}-api`);
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit).toBeHidden();
  await expect(page).toHaveURL(`/services/${SERVICE}-api?ns=default`);
  await expect(page.getByRole("heading", { name: `${SERVICE}-api`, level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const confirm = dialog(`Delete ${SERVICE}-api?`);
  const button = confirm.getByRole("button", { name: "Delete service" });
  await expect(button).toBeDisabled();
  await confirm.getByLabel(/to confirm/).fill(`${SERVICE}-api`);
  await button.click();
  await expect(page).toHaveURL("/services?ns=default");
  await expect(toast()).toContainText(`Service ${SERVICE}-api deleted`);
  await expect(page.getByText("No services in namespace default yet")).toBeVisible();

  // Nothing binds the secret now: it shows no user, and can be deleted.
  await page.goto(`/secrets/${SECRET}?ns=default`);
  await expect(page.getByText("Not bound to any service")).toBeVisible();
  await expectNoValueLeaked();
});

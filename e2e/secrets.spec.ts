// The secrets console as an owner uses it: create from text, inspect,
// rotate, roll back, label, filter, delete, restore, purge, and create from
// a generated value and a file. Throughout, it is also the console's leak
// test: no value may reach a page's HTML or any response the browser gets.
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { serverLog } from "./support/instance";
import { watchForLeaks } from "./support/leak-watch";
import { signInAsOwner } from "./support/owner";

// Values no page, response or log line may ever contain.
const CANARY = "CANARY-secret-5f2a91";
const ROTATED = "CANARY-rotated-8d3b07";
const FILE_CANARY = "CANARY-file-41c6e2";
const CANARIES = [CANARY, ROTATED, FILE_CANARY];

const NAME = "db_password";

let page: Page;
let leaks: ReturnType<typeof watchForLeaks>;

async function signIn(browser: Browser) {
  page = await browser.newPage();
  leaks = watchForLeaks(page);
  await signInAsOwner(page);
}

/** No value in the page as rendered, its URL, or any response so far. */
const expectNoValueLeaked = () => leaks.expectNone(CANARIES);

const dialog = (name: string | RegExp) => page.getByRole("dialog", { name });
const toast = () => page.getByTestId("toasts");
const versionRow = (version: number) => page.getByTestId(`version-row-${version}`);

async function openCreateDialog(): Promise<Locator> {
  await page.goto("/secrets?ns=default");
  await page.getByRole("button", { name: "Create secret" }).first().click();
  const create = dialog("Create secret");
  await expect(create).toBeVisible();
  await expect(create.getByLabel("Name")).toBeFocused();
  return create;
}

/** The mode radios are visually hidden inside their labels: click the label, as a user does. */
async function pickMode(create: Locator, mode: "Text" | "File" | "Generate") {
  await create.locator("label", { hasText: mode }).click();
  await expect(create.getByRole("radio", { name: mode })).toBeChecked();
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  await signIn(browser);
});

test.afterAll(async () => {
  await page?.close();
});

test("the Secrets section starts empty and says what to do", async () => {
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Secrets" }).click();
  await expect(page.getByRole("heading", { name: "Secrets", exact: true })).toBeVisible();
  await expect(page.getByText("No secrets in namespace default yet")).toBeVisible();
  await expect(page.getByLabel("Namespace")).toHaveValue("default");

  // The create dialog is a real modal: focus on its first field, Escape closes it.
  const create = await openCreateDialog();
  await page.keyboard.press("Escape");
  await expect(create).toBeHidden();
  await expect(page.getByRole("button", { name: "Create secret" }).first()).toBeFocused();
});

test("a secret created from text is listed with version 1; a bad name keeps the form but not the value", async () => {
  const create = await openCreateDialog();
  await create.getByLabel("Name").fill("-not a name");
  await expect(create.getByLabel("Key 1", { exact: true })).toHaveValue("value");
  await create.getByLabel(/^Value 1/).fill(CANARY);
  await create.getByLabel("Label 1 key").fill("team");
  await create.getByLabel("Label 1 value").fill("core");
  await create.getByLabel("Immutable").check();
  await create.getByRole("button", { name: "Create secret" }).click();

  await expect(create.getByText(/^name must be 1-64 characters/)).toBeVisible();
  // Non-secret fields stay; the value field is empty again.
  await expect(create.getByLabel("Name")).toHaveValue("-not a name");
  await expect(create.getByLabel("Label 1 key")).toHaveValue("team");
  await expect(create.getByLabel("Immutable")).toBeChecked();
  await expect(create.getByLabel(/^Value 1/)).toHaveValue("");
  await expectNoValueLeaked();

  await create.getByLabel("Immutable").uncheck();
  await create.getByLabel("Name").fill(NAME);
  await create.getByLabel(/^Value 1/).fill(CANARY);
  await create.getByRole("button", { name: "Create secret" }).click();

  await expect(page).toHaveURL(`/secrets/${NAME}?ns=default`);
  await expect(page.getByRole("heading", { name: NAME })).toBeVisible();
  await expect(toast()).toContainText(`Secret ${NAME} created.`);
  await expect(versionRow(1)).toContainText("current");

  await page.getByRole("link", { name: "Secrets", exact: true }).first().click();
  const row = page.getByTestId(`secret-row-${NAME}`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId("version")).toHaveText("1");
  await expect(row).toContainText("team=core");
  await expect(row).toContainText("Opaque");
  await expectNoValueLeaked();
});

test("inspect shows the pretty and the JSON view", async () => {
  await page.getByRole("link", { name: NAME }).click();
  const pretty = page.getByRole("tab", { name: "Pretty" });
  const json = page.getByRole("tab", { name: "JSON" });
  await expect(pretty).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tabpanel")).toContainText("Created at");
  await expect(page.getByRole("tabpanel")).toContainText("value");

  await json.click();
  await expect(json).toHaveAttribute("aria-selected", "true");
  await expect(pretty).toHaveAttribute("aria-selected", "false");
  const document = JSON.parse((await page.getByTestId("inspect-json").textContent()) ?? "");
  expect(document[0].Spec).toEqual({ Name: NAME, Labels: { team: "core" } });
  expect(document[0].Type).toBe("Opaque");
  expect(document[0].Keys).toEqual([{ Name: "value", Size: CANARY.length }]);

  // Keyboard: arrows move between the tabs.
  await json.press("ArrowLeft");
  await expect(pretty).toBeFocused();
  await expect(pretty).toHaveAttribute("aria-selected", "true");
  await expectNoValueLeaked();
});

test("rotating adds version 2; rolling back to 1 adds version 3", async () => {
  await page.getByRole("button", { name: "Rotate" }).click();
  const rotate = dialog(`Rotate ${NAME}`);
  await expect(rotate.getByLabel(/^Value 1/)).toBeFocused();
  await page.keyboard.type(ROTATED);
  await rotate.getByRole("button", { name: "Rotate" }).click();
  await expect(rotate).toBeHidden();
  await expect(toast()).toContainText("Rotated");
  await expect(versionRow(2)).toContainText("current");
  await expect(versionRow(1)).not.toContainText("current");

  await versionRow(1).getByRole("button", { name: "Roll back to version 1" }).click();
  const confirm = dialog("Roll back to version 1?");
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Roll back to version 1" }).click();
  await expect(confirm).toBeHidden();
  await expect(versionRow(3)).toContainText("current");
  await expect(versionRow(3)).toContainText("ada@example.com");
  await expectNoValueLeaked();
});

test("labels are edited and the list filters by them", async () => {
  await page.getByRole("button", { name: "Edit labels" }).click();
  const labels = dialog(`Labels of ${NAME}`);
  await expect(labels.getByLabel("Label 1 key")).toHaveValue("team");
  await labels.getByRole("button", { name: "Add label" }).click();
  await labels.getByLabel("Label 2 key").fill("env");
  await labels.getByLabel("Label 2 value").fill("prod");
  await labels.getByRole("button", { name: "Save labels" }).click();
  await expect(labels).toBeHidden();
  await expect(page.getByRole("tabpanel")).toContainText("env=prod");

  await page.goto("/secrets?ns=default");
  await page.getByLabel("Label", { exact: true }).fill("env=prod");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/label=env%3Dprod/);
  await expect(page.getByTestId(`secret-row-${NAME}`)).toBeVisible();

  await page.getByLabel("Label", { exact: true }).fill("env=dev");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No secrets match these filters")).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).first().click();
  await expect(page.getByTestId(`secret-row-${NAME}`)).toBeVisible();
  await expectNoValueLeaked();
});

test("deleting needs the typed name; the secret comes back from Recently deleted", async () => {
  await page.getByRole("link", { name: NAME }).click();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const confirm = dialog(`Delete ${NAME}?`);
  const button = confirm.getByRole("button", { name: "Delete secret" });
  await expect(button).toBeDisabled();
  await confirm.getByLabel(/to confirm/).fill(NAME.slice(0, -1));
  await expect(button).toBeDisabled();
  await confirm.getByLabel(/to confirm/).fill(NAME);
  await expect(button).toBeEnabled();
  await button.click();

  await expect(page).toHaveURL("/secrets?ns=default");
  await expect(toast()).toContainText("can be restored from Recently deleted for 7 days");
  await expect(page.getByText("No secrets in namespace default yet")).toBeVisible();

  await page.getByRole("link", { name: "Recently deleted" }).click();
  const row = page.getByTestId(`deleted-row-${NAME}`);
  await expect(row).toContainText("ada@example.com");
  await row.getByRole("button", { name: `Restore ${NAME}` }).click();
  await expect(page).toHaveURL(`/secrets/${NAME}?ns=default`);
  await expect(toast()).toContainText(`Secret ${NAME} restored.`);
  await expect(versionRow(3)).toContainText("current");
  await expectNoValueLeaked();
});

test("a generated secret is created without anyone seeing its value, and can be purged", async () => {
  const create = await openCreateDialog();
  await create.getByLabel("Name").fill("api_token");
  await pickMode(create, "Generate");
  await create.getByLabel("Length").fill("32");
  await create.getByLabel("Alphabet").selectOption("base64");
  await create.getByRole("button", { name: "Create secret" }).click();

  await expect(page).toHaveURL("/secrets/api_token?ns=default");
  // 32 random bytes in base64 are 44 characters.
  await expect(page.getByRole("tabpanel")).toContainText("value (44B)");

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await dialog("Delete api_token?")
    .getByLabel(/to confirm/)
    .fill("api_token");
  await dialog("Delete api_token?").getByRole("button", { name: "Delete secret" }).click();
  await expect(page).toHaveURL("/secrets?ns=default");
  await page.goto("/secrets/deleted?ns=default");
  await page.getByRole("button", { name: "Purge api_token now" }).click();
  const purge = dialog("Purge api_token now?");
  await expect(purge.getByRole("button", { name: "Purge now" })).toBeDisabled();
  await purge.getByLabel(/to confirm/).fill("api_token");
  await purge.getByRole("button", { name: "Purge now" }).click();
  await expect(toast()).toContainText("Secret api_token purged for good.");
  await expect(page.getByText("Nothing deleted in namespace default")).toBeVisible();
  await expectNoValueLeaked();
});

test("a secret is created from an uploaded file", async () => {
  const create = await openCreateDialog();
  await create.getByLabel("Name").fill("tls_bundle");
  await pickMode(create, "File");
  await create
    .getByLabel("File 1", { exact: true })
    .setInputFiles({ name: "cert.pem", mimeType: "text/plain", buffer: Buffer.from(`${FILE_CANARY}\n`) });
  await create.getByRole("button", { name: "Create secret" }).click();

  await expect(page).toHaveURL("/secrets/tls_bundle?ns=default");
  await expect(page.getByRole("tabpanel")).toContainText(`cert.pem (${FILE_CANARY.length + 1}B)`);

  await page.goto("/secrets?ns=default&sort=name&dir=desc");
  const names = await page.locator("tbody tr td:nth-child(2)").allTextContents();
  expect(names).toEqual(["tls_bundle", NAME]);
  await expect(page.getByRole("columnheader", { name: /name/i })).toHaveAttribute("aria-sort", "descending");
  await expectNoValueLeaked();
});

test("unknown secrets and namespaces are 404s", async () => {
  expect((await page.goto("/secrets/no_such_secret?ns=default"))?.status()).toBe(404);
  await expect(page.getByText("There is no such secret or namespace")).toBeVisible();
  expect((await page.goto("/secrets?ns=no-such-namespace"))?.status()).toBe(404);
});

test("no value reached the server log either", async () => {
  await expectNoValueLeaked();
  // The leak check looked at real answers: pages, RSC payloads and server-action results.
  const seen = await leaks.seen();
  expect(seen.filter(({ body }) => body.includes(NAME)).length).toBeGreaterThan(10);
  const log = serverLog();
  for (const canary of CANARIES) expect(log).not.toContain(canary);
});

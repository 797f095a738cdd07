// Issue 17, layout and dialogs as a person at a laptop meets them: the
// new-role dialog's buttons were below the fold at 800 px and Tab walked out
// of dialogs into the page; toasts stacked for 6 s bottom-right over the
// button needed next; the audit table overflowed its card at 1280 px; an
// API token's revoke was a window.confirm() unlike every other destructive
// action. No page may log a Content-Security-Policy violation meanwhile
// (the dialogs are portalled by Radix under the nonce CSP).
import { expect, test, type Locator, type Page } from "@playwright/test";
import { anonymousContext, ownerApi, type Api } from "./support/console-actions";
import { signInAsOwner } from "./support/owner";

const NS = "layout-e2e";
const ROLE = "layout-e2e-role";
const TOKEN = "layout-e2e token";
// Long enough to widen the audit table's resource column, as real names do.
const LONG_SECRET = "layout_e2e_payments_gateway_primary_database_password_2026";

let page: Page;
let owner: Api;
const consoleProblems: string[] = [];

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  owner = await ownerApi(await anonymousContext());
  await owner.post("/namespaces", { name: NS });
  await owner.post(`/namespaces/${NS}/secrets`, { name: LONG_SECRET, stringData: { value: "layout-e2e-value" } });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on("console", (message) => {
    if (message.type() === "error" || /Content.Security.Policy/i.test(message.text())) consoleProblems.push(message.text());
  });
  page.on("pageerror", (error) => consoleProblems.push(error.message));
  // A native confirm() would be a regression: nothing here may open one.
  page.on("dialog", (dialog) => {
    consoleProblems.push(`native ${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await signInAsOwner(page);
});

test.afterAll(async () => {
  await page?.close();
});

type Box = { x: number; y: number; width: number; height: number };
const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  expect(box, "element has a box").not.toBeNull();
  return box!;
}

/** Whether focus is inside the open dialog (Radix portals it to the end of <body>). */
const focusInDialog = () => page.evaluate(() => Boolean(document.activeElement?.closest("[role=dialog]")));

test("the new-role dialog at 1280×800: its buttons on screen, Tab stays inside, Escape returns focus", async () => {
  await page.goto("/team/roles");
  const opener = page.getByRole("button", { name: "New role" }).first();
  await opener.click();
  const dialog = page.getByRole("dialog", { name: "New role" });
  await expect(dialog.getByLabel("Name", { exact: true })).toBeFocused();
  const submit = dialog.getByRole("button", { name: "Create role" });
  await expect(submit).toBeInViewport({ ratio: 1 });
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: test.info().outputPath("new-role-dialog-800.png") });

  // From the last control Tab wraps to the dialog's first, never the page.
  await submit.focus();
  await page.keyboard.press("Tab");
  expect(await focusInDialog()).toBe(true);
  await expect(dialog.getByRole("button", { name: "Close" })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(submit).toBeFocused();
  // A whole lap of the dialog by keyboard never leaves it.
  const stops = await dialog.locator("button:not([disabled]), input:not([type=hidden]):not([disabled]), select, textarea, a[href]").count();
  for (let i = 0; i < stops + 2; i++) {
    await page.keyboard.press("Tab");
    expect(await focusInDialog(), `Tab ${i + 1} stays in the dialog`).toBe(true);
  }

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test("toasts sit clear of the page's main buttons, stack at most three and pause under the pointer", async () => {
  await page.goto("/team/roles");
  await page.getByRole("button", { name: "New role" }).first().click();
  const create = page.getByRole("dialog", { name: "New role" });
  await create.getByLabel("Name", { exact: true }).fill(ROLE);
  await create.getByLabel("Description").fill("Layout checks");
  await create.getByLabel("secret:list").check();
  await create.getByRole("button", { name: "Create role" }).click();
  await expect(create).toBeHidden();

  const toasts = page.getByTestId("toasts");
  const created = toasts.getByTestId("toast").filter({ hasText: `Role ${ROLE} created.` });
  await expect(created).toBeVisible();
  await expect(toasts).toHaveAttribute("role", "status");
  await expect(toasts).toHaveAttribute("aria-live", "polite");
  const toastBox = await boxOf(created);
  // The page's primary action (header, top-right) and every row's own buttons.
  const mainButtons = [page.getByRole("button", { name: "New role" }).first(), page.getByRole("button", { name: /^(Edit|Delete) role / })];
  for (const group of mainButtons) {
    for (const button of await group.all()) {
      if (!(await button.isVisible())) continue;
      expect(intersects(toastBox, await boxOf(button)), `toast covers ${await button.getAttribute("aria-label")}`).toBe(false);
    }
  }

  // Pointing at it holds it past its six seconds.
  await created.hover();
  await page.waitForTimeout(7000);
  await expect(created).toBeVisible();
  await page.mouse.move(640, 20);

  // Three more: the oldest gives way, at most three at once.
  for (let i = 0; i < 3; i++) {
    await page.getByRole("button", { name: `Edit role ${ROLE}` }).click();
    const edit = page.getByRole("dialog", { name: `Edit role ${ROLE}` });
    await edit.getByRole("button", { name: "Save role" }).click();
    await expect(edit).toBeHidden();
  }
  await expect(toasts.getByTestId("toast").filter({ hasText: `Role ${ROLE} saved.` })).toHaveCount(3);
  await expect(toasts.getByTestId("toast")).toHaveCount(3);
  await expect(created).toHaveCount(0);

  // Each can be closed by hand.
  await toasts.getByRole("button", { name: "Dismiss" }).first().click();
  await expect(toasts.getByTestId("toast")).toHaveCount(2);

  // Leave no custom role behind for later specs.
  await page.getByRole("button", { name: `Delete role ${ROLE}` }).click();
  const confirm = page.getByRole("dialog", { name: `Delete role ${ROLE}?` });
  await confirm.getByRole("button", { name: "Delete role" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId(`role-${ROLE}`)).toHaveCount(0);
});

test("the audit table fits its card at 1280 px: no page overflow, long names truncated with a title", async () => {
  // The widest rows a log holds: long action names (a policy change, rejected credentials), a long resource name.
  await owner.send("PUT", `/namespaces/${NS}/approval-policy`, { actions: [], approvalMinutes: 30 }, 200);
  const bogus = { Authorization: "Bearer cfp_layout-e2e-not-a-real-token-000000000000" };
  expect((await page.request.get(`/api/v1/namespaces/${NS}/secrets`, { headers: bogus })).status()).toBe(401);
  expect((await page.request.get("/api/v1/runtime/secrets", { headers: { Authorization: "Bearer cst_layout-e2e-bogus" } })).status()).toBe(
    401,
  );
  await page.goto("/audit");
  await expect(page.locator("[data-testid^=audit-row-]").filter({ hasText: "approval.policy_update" }).first()).toBeVisible();
  const sizes = await page.evaluate(() => {
    const table = document.querySelector("table");
    const card = table?.parentElement;
    return {
      page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
      card: [card?.scrollWidth ?? 0, card?.clientWidth ?? 0],
    };
  });
  console.log(`audit at 1280 px: page ${sizes.page.join("/")}, card ${sizes.card.join("/")} (scrollWidth/clientWidth)`);
  expect(sizes.page[0], "the page does not scroll sideways").toBeLessThanOrEqual(sizes.page[1]!);
  expect(sizes.card[0], "the table fits its card").toBeLessThanOrEqual(sizes.card[1]!);

  await page.goto(`/audit?namespace=${NS}`);
  const created = page.locator("[data-testid^=audit-row-]").filter({ hasText: "secret.create" }).first();
  await expect(created.getByTestId("resource").locator("[title]")).toHaveAttribute("title", new RegExp(LONG_SECRET));
});

test("revoking an API token asks in the console's own dialog, not window.confirm()", async () => {
  await page.goto("/settings/tokens");
  await page.getByLabel("Token name").fill(TOKEN);
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("new-token")).toHaveText(/^cfp_/);

  await page.getByRole("button", { name: `Revoke token ${TOKEN}` }).click();
  const confirm = page.getByRole("dialog", { name: `Revoke token ${TOKEN}?` });
  await expect(confirm).toContainText("stops working at once");
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  // Cancel keeps it, and focus goes back to the row's button.
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("button", { name: `Revoke token ${TOKEN}` })).toBeFocused();

  await page.getByRole("button", { name: `Revoke token ${TOKEN}` }).click();
  await confirm.getByRole("button", { name: "Revoke token", exact: true }).click();
  await expect(confirm).toBeHidden();
  const row = page.getByRole("row").filter({ hasText: TOKEN });
  await expect(row).toContainText("revoked");
  await expect(page.getByRole("button", { name: `Revoke token ${TOKEN}` })).toHaveCount(0);
});

test("no page logged a CSP violation, an error or a native dialog", async () => {
  expect(consoleProblems).toEqual([]);
});

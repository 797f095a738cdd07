// Issue 18 in the console: an owner gives a secret a rotation policy from its
// page, rotates it now, sees the policy, the runs and an expiry warning, and
// stops it through the confirmation dialog. The rotator part of the form
// shows lib's refusals next to its inputs (a real PostgreSQL rotator is in
// tests/rotation).
import { expect, test, type Page } from "@playwright/test";
import { anonymousContext, ownerApi } from "./support/console-actions";
import { signInAsOwner } from "./support/owner";

const NAME = "rotated-api-key";
// A namespace of its own, so the specs that expect `default` to start empty still find it so.
const NS = "rotation-e2e";
let page: Page;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  const api = await ownerApi(await anonymousContext());
  const soon = new Date(Date.now() + 3 * 86_400_000 + 3_600_000).toISOString();
  await api.post("/namespaces", { name: NS });
  await api.post(`/namespaces/${NS}/secrets`, { name: NAME, stringData: { value: "CANARY-rotation-first-3b1d" }, expiresAt: soon });
  page = await browser.newPage();
  await signInAsOwner(page);
});

test.afterAll(async () => {
  await page?.close();
});

test("the list and the page warn that the secret expires in 3 days", async () => {
  await page.goto(`/secrets?ns=${NS}`);
  await expect(page.getByTestId("expiry-badge").first()).toHaveText("expires in 3 days");
  await page.goto(`/secrets/${NAME}?ns=${NS}`);
  await expect(page.getByRole("status").filter({ hasText: "expires in 3 days" })).toBeVisible();
});

test("the expiry dialog moves the date, and the warning goes once it is far enough", async () => {
  await page.goto(`/secrets/${NAME}?ns=${NS}`);
  await page.getByRole("button", { name: "Change expiry" }).click();
  const form = page.getByRole("dialog", { name: `Expiry of ${NAME}` });
  await form.getByLabel("Expires on").fill("2099-01-31");
  await form.getByRole("button", { name: "Save expiry" }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId("secret-expiry")).toHaveText(/Expires on 2099-01-31 \(UTC\)/);
  await expect(page.getByRole("status").filter({ hasText: "expires in 3 days" })).toBeHidden();
});

test("setting a policy from the secret page shows its schedule", async () => {
  await page.goto(`/secrets/${NAME}?ns=${NS}`);
  await expect(page.getByText("Not rotated automatically.")).toBeVisible();
  await page.getByRole("button", { name: "Schedule rotation" }).click();
  const form = page.getByRole("dialog", { name: `Schedule rotation of ${NAME}` });
  await form.getByLabel("Every").fill("30s");
  await form.getByRole("button", { name: "Save policy" }).click();
  await expect(form.getByText("every must be at least 1 minute (60s)")).toBeVisible();
  await form.getByLabel("Every").fill("12h");
  await form.getByLabel("Alphabet").selectOption("hex");
  await form.getByRole("button", { name: "Save policy" }).click();
  await expect(form).toBeHidden();
  const policy = page.getByTestId("rotation-policy");
  await expect(policy).toContainText("12h");
  await expect(policy).toContainText("32 × hex");
  await expect(policy).toContainText("not yet");
});

test("the rotator part names every problem at once and saves nothing", async () => {
  await page.getByRole("button", { name: "Change schedule" }).click();
  const form = page.getByRole("dialog", { name: `Rotation of ${NAME}` });
  await expect(form.getByLabel("Every")).toHaveValue("12h");
  await form.getByLabel("Every").fill("10s");
  await form.getByLabel("Blue role").fill("app_blue");
  await form.getByRole("button", { name: "Save policy" }).click();
  await expect(form.getByText("every must be at least 1 minute (60s)")).toBeVisible();
  await expect(form.getByText(/rotator.admin .* is required/)).toBeVisible();
  await expect(form.getByText(/rotator.roles must be two role names/)).toBeVisible();
  await form.getByLabel("Every").fill("12h");
  await form.getByLabel("Admin secret").fill("no-such-admin");
  await form.getByLabel("Green role").fill("app_green");
  await form.getByRole("button", { name: "Save policy" }).click();
  await expect(form.getByText(`rotator.admin: secret 'no-such-admin' not found in namespace '${NS}'`)).toBeVisible();
  await form.getByRole("button", { name: "Cancel" }).click();
  const policy = page.getByTestId("rotation-policy");
  await expect(policy).toContainText("32 × hex");
  await expect(policy).not.toContainText("Rotator");
});

test("rotate now writes version 2", async () => {
  await page.getByRole("button", { name: "Rotate now" }).click();
  await page
    .getByRole("dialog", { name: `Rotate ${NAME} now?` })
    .getByRole("button", { name: "Rotate now" })
    .click();
  await expect(page.getByTestId("rotation-policy")).toContainText("(version 2)");
});

test("stopping asks first, then the page says it is not rotated", async () => {
  await page.getByRole("button", { name: "Stop rotating" }).click();
  const confirm = page.getByRole("dialog", { name: `Stop rotating ${NAME}?` });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Stop rotating" }).click();
  await expect(page.getByText("Not rotated automatically.")).toBeVisible();
  expect(await page.content()).not.toContain("CANARY-rotation-first-3b1d");
});

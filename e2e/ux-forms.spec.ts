// Issue 17: forms disagreed. Some showed the browser's own bubbles, others
// the server's message for one field at a time (a mode error hid a `../`
// target, a short password hid a mismatch); a message stayed after its
// field was changed; a failed submit emptied what had been typed. One
// behaviour now, seen here on two forms: every field's error at once, an
// error gone as soon as its field is edited, typed values kept, passwords
// emptied. (The setup form's share is in first-run.spec.ts.)
import { expect, test, type Page } from "@playwright/test";
import { anonymousContext, ownerApi } from "./support/console-actions";
import { signInAsOwner } from "./support/owner";

const NS = "forms-e2e";
const SECRET = "forms_db";
const SERVICE = "forms-api";

const MODE_ERROR = "mode must be an octal number between 0 and 0777";
const TARGET_ERROR = "target must not contain '..', '.' or empty path segments";

let page: Page;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  const owner = await ownerApi(await anonymousContext());
  await owner.post("/namespaces", { name: NS });
  await owner.post(`/namespaces/${NS}/secrets`, { name: SECRET, stringData: { value: "forms-e2e-value-3b1f" } });
  await owner.post(`/namespaces/${NS}/services`, { name: SERVICE });
  page = await browser.newPage();
  await signInAsOwner(page);
});

test.afterAll(async () => {
  await page?.close();
});

test("a binding with a bad mode and a `../` target shows both errors, keeps what was typed, and clears an error on edit", async () => {
  await page.goto(`/services/${SERVICE}?ns=${NS}`);
  await page.getByRole("button", { name: "Add binding" }).click();
  const add = page.getByRole("dialog", { name: `Bind a secret to ${SERVICE}` });
  await expect(add).toBeVisible();
  // noValidate: the server's messages are the only ones, no native bubble can stop the submit.
  await expect(add.locator("form")).toHaveAttribute("novalidate", "");

  await add.getByLabel("Target").fill("../etc/passwd");
  await add.getByLabel("Mode").fill("999");
  await add.getByRole("button", { name: "Add binding" }).click();

  await expect(add.getByText(MODE_ERROR)).toBeVisible();
  await expect(add.getByText(TARGET_ERROR)).toBeVisible();
  await expect(add.getByLabel("Target")).toHaveValue("../etc/passwd");
  await expect(add.getByLabel("Mode")).toHaveValue("999");
  await expect(add.getByLabel("Mode")).toHaveAttribute("aria-invalid", "true");

  // Editing the mode takes its message away; the target's stays until the target changes.
  await add.getByLabel("Mode").fill("0440");
  await expect(add.getByLabel("Mode")).toHaveValue("0440");
  await expect(add.getByText(MODE_ERROR)).toBeHidden();
  await expect(add.getByLabel("Mode")).not.toHaveAttribute("aria-invalid", "true");
  await expect(add.getByText(TARGET_ERROR)).toBeVisible();

  // The next answer decides again: the target is still wrong, the mode is fine now.
  await add.getByRole("button", { name: "Add binding" }).click();
  await expect(add.getByText(TARGET_ERROR)).toBeVisible();
  await expect(add.getByText(MODE_ERROR)).toBeHidden();

  await add.getByLabel("Target").fill("db_password");
  await expect(add.getByText(TARGET_ERROR)).toBeHidden();
  await add.getByRole("button", { name: "Add binding" }).click();
  await expect(add).toBeHidden();
  await expect(page.getByTestId("binding-row-db_password")).toBeVisible();
});

test("changing the password with a short one typed differently twice shows both errors and empties every password", async () => {
  await page.goto("/profile");
  const current = page.getByLabel("Current password");
  const next = page.getByLabel("New password", { exact: true });
  const confirm = page.getByLabel("Confirm new password");
  await current.fill("not-the-current-password");
  await next.fill("short");
  await confirm.fill("shorter");
  await page.getByRole("button", { name: "Change password" }).click();

  await expect(page.getByText("password must be at least 12 characters")).toBeVisible();
  await expect(page.getByText("the two passwords do not match")).toBeVisible();
  // Never a password typed back into the page after a failure.
  await expect(current).toHaveValue("");
  await expect(next).toHaveValue("");
  await expect(confirm).toHaveValue("");

  await confirm.fill("x");
  await expect(page.getByText("the two passwords do not match")).toBeHidden();
  await expect(page.getByText("password must be at least 12 characters")).toBeVisible();
});

// An owner imports Kubernetes Secrets into the console: the create
// dialog's "Import manifest" mode takes what `kubectl create secret …
// --dry-run=client -o yaml` prints (here made by the real kubectl), shows
// a preview of names, types and keys without any value, names a bad item,
// and creates every Secret of the manifest at once. No value may reach a
// page's HTML or any response the browser gets.
import { execFileSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { watchForLeaks } from "./support/leak-watch";
import { OWNER, signInAsOwner } from "./support/owner";

const CANARY = "CANARY-import-3e8b14";
const BASIC_CANARY = "CANARY-import-basic-7a2d90";

const kubectl = (...args: string[]) => execFileSync("kubectl", args, { encoding: "utf8" });

// Two Secrets in one YAML stream, as kubectl writes them; the first with an annotation Coffer does not keep.
const generic = kubectl(
  "create",
  "secret",
  "generic",
  "import-db-pw",
  `--from-literal=password=${CANARY}`,
  "--dry-run=client",
  "-o",
  "yaml",
);
const annotated = execFileSync("kubectl", ["annotate", "--local", "-f", "-", "owner=alice", "--dry-run=client", "-o", "yaml"], {
  input: generic,
  encoding: "utf8",
});
const basic = kubectl(
  "create",
  "secret",
  "generic",
  "import-basic",
  "--type=kubernetes.io/basic-auth",
  "--from-literal=username=admin",
  `--from-literal=password=${BASIC_CANARY}`,
  "--dry-run=client",
  "-o",
  "yaml",
);
const MANIFEST = `${annotated}---\n${basic}`;

// A namespace of its own, so the specs that expect `default` to start empty still find it so.
const NS = "imports";

let page: Page;
let leaks: ReturnType<typeof watchForLeaks>;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  leaks = watchForLeaks(page);
  await signInAsOwner(page);
  const token = await page.request.post("/api/v1/auth/token", {
    data: { email: OWNER.email, password: OWNER.password, name: "import e2e" },
  });
  expect(token.status()).toBe(201);
  const created = await page.request.post("/api/v1/namespaces", {
    data: { name: NS },
    headers: { authorization: `Bearer ${(await token.json()).token}` },
  });
  expect(created.status()).toBe(201);
});

test.afterAll(async () => {
  await page?.close();
});

/**
 * While the dialog is open the box holds what the owner pasted, values
 * included (in their own page): then only what the server sent is checked.
 */
async function expectNoValueSent(values: string[]) {
  for (const { url, body } of await leaks.seen()) for (const value of values) expect(body, `response of ${url}`).not.toContain(value);
}

async function openImport() {
  await page.goto(`/secrets?ns=${NS}`);
  await page.getByRole("button", { name: "Create secret" }).first().click();
  const create = page.getByRole("dialog", { name: "Create secret" });
  await create.getByRole("tab", { name: "Import manifest" }).click();
  await expect(create.getByRole("tab", { name: "Import manifest" })).toHaveAttribute("aria-selected", "true");
  return create;
}

test("a manifest with a name Kubernetes refuses is named in the preview, and nothing is created", async () => {
  const create = await openImport();
  await create.getByLabel("Manifest", { exact: true }).fill(generic.replace("name: import-db-pw", "name: Bad_Name"));
  await create.getByRole("button", { name: "Preview" }).click();
  await expect(create.getByText("metadata.name 'Bad_Name' is not a valid name", { exact: false })).toBeVisible();
  await expect(create.getByRole("table", { name: "Secrets in the manifest" })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await leaks.expectNone([CANARY]);
});

test("a kubectl manifest picked as a file is previewed without values, then both Secrets are created", async () => {
  const create = await openImport();
  await create
    .getByLabel("Manifest file")
    .setInputFiles({ name: "secrets.yaml", mimeType: "application/yaml", buffer: Buffer.from(MANIFEST) });
  await expect(create.getByLabel("Manifest", { exact: true })).not.toHaveValue("");
  await create.getByRole("button", { name: "Preview" }).click();

  const preview = create.getByRole("table", { name: "Secrets in the manifest" });
  await expect(preview).toBeVisible();
  const rows = preview.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("import-db-pw");
  await expect(rows.nth(0)).toContainText("Opaque");
  await expect(rows.nth(0)).toContainText(`password (${CANARY.length} B)`);
  await expect(rows.nth(1)).toContainText("kubernetes.io/basic-auth");
  await expect(rows.nth(1)).toContainText("password, username".replace("password, username", "password ("));
  await expect(create.getByRole("list", { name: "Warnings" })).toContainText("ignored: owner");
  await expectNoValueSent([CANARY, BASIC_CANARY].flatMap((value) => [value, Buffer.from(value).toString("base64")]));

  // Editing the text hides the preview: what is created is what was shown.
  const box = create.getByLabel("Manifest", { exact: true });
  await box.press("End");
  await box.pressSequentially(" ");
  await expect(preview).toHaveCount(0);
  await create.getByRole("button", { name: "Preview" }).click();
  await expect(create.getByRole("table", { name: "Secrets in the manifest" })).toBeVisible();

  await create.getByRole("button", { name: "Create 2 secrets" }).click();
  await expect(page).toHaveURL(new RegExp(`/secrets\\?ns=${NS}$`));
  const list = page.getByRole("main");
  await expect(list.getByRole("link", { name: "import-db-pw" })).toBeVisible();
  await expect(list.getByRole("link", { name: "import-basic" })).toBeVisible();
  await leaks.expectNone([CANARY, BASIC_CANARY]);
});

test("importing the same manifest again says the name is taken, and creates neither", async () => {
  const create = await openImport();
  await create.getByLabel("Manifest", { exact: true }).fill(MANIFEST);
  await create.getByRole("button", { name: "Preview" }).click();
  await create.getByRole("button", { name: "Create 2 secrets" }).click();
  await expect(create.getByText(`secret 'import-db-pw' already exists in namespace '${NS}'`)).toBeVisible();
  await expectNoValueSent([CANARY, BASIC_CANARY]);
  await page.keyboard.press("Escape");
  await leaks.expectNone([CANARY, BASIC_CANARY]);
});

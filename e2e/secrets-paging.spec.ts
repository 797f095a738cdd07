// Issue 17: the secrets console rendered every row (14,000 secrets were
// 87 MB of HTML). An owner with 250 secrets (made through the API with a
// token, as a script would) pages through them in the console: 100 a page,
// the count shown, Next and Previous by keyboard, the last page short.
import { expect, test, type Page } from "@playwright/test";
import { anonymousContext, ownerApi, type Api } from "./support/console-actions";
import { signInAsOwner } from "./support/owner";

// A namespace of its own, so the specs that expect `default` to start empty still find it so.
const NS = "paging";
const TOTAL = 250;
const nameOf = (i: number) => `page_${String(i).padStart(3, "0")}`;

let page: Page;
let owner: Api;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  owner = await ownerApi(await anonymousContext());
  await owner.post("/namespaces", { name: NS });
  // Ten at a time: fast, and within what the server's pool likes.
  for (let start = 0; start < TOTAL; start += 10) {
    await Promise.all(
      Array.from({ length: 10 }, (_, j) =>
        owner.post(`/namespaces/${NS}/secrets`, {
          name: nameOf(start + j),
          labels: { batch: String(Math.floor((start + j) / 50)) },
          stringData: { value: `paging-${start + j}` },
        }),
      ),
    );
  }
  page = await browser.newPage();
  await signInAsOwner(page);
});

test.afterAll(async () => {
  await page?.close();
});

const rows = () => page.getByRole("row").filter({ has: page.getByRole("link", { name: /^page_\d{3}/ }) });
const range = () => page.getByTestId("page-range");

test("an owner pages through 250 secrets: 100 a page, the count shown, next, previous and the last page", async () => {
  const listed = await owner.get(`/namespaces/${NS}/secrets?limit=1000`);
  expect(listed.secrets).toHaveLength(TOTAL);

  await page.goto(`/secrets?ns=${NS}`);
  await expect(range()).toHaveText("1–100 of 250 secrets");
  await expect(rows()).toHaveCount(100);
  await expect(rows().first()).toContainText(nameOf(0));
  await expect(rows().last()).toContainText(nameOf(99));
  const pager = page.getByRole("navigation", { name: "Pages of secrets" });
  await expect(pager.getByText("Previous")).toHaveAttribute("aria-disabled", "true");

  // Next by keyboard: focus the link and press Enter.
  await pager.getByRole("link", { name: "Next" }).focus();
  await page.keyboard.press("Enter");
  await expect(range()).toHaveText("101–200 of 250 secrets");
  await expect(rows().first()).toContainText(nameOf(100));
  await expect(page).toHaveURL(/cursor=/);

  await pager.getByRole("link", { name: "Next" }).click();
  await expect(range()).toHaveText("201–250 of 250 secrets");
  await expect(rows()).toHaveCount(50);
  await expect(rows().last()).toContainText(nameOf(249));
  await expect(pager.getByText("Next")).toHaveAttribute("aria-disabled", "true");

  await pager.getByRole("link", { name: "Previous" }).click();
  await expect(range()).toHaveText("101–200 of 250 secrets");
  await expect(rows().first()).toContainText(nameOf(100));
  await expect(rows().last()).toContainText(nameOf(199));

  // A reload keeps the page: the cursor is in the address.
  await page.reload();
  await expect(range()).toHaveText("101–200 of 250 secrets");

  await pager.getByRole("link", { name: "Previous" }).click();
  await expect(range()).toHaveText("1–100 of 250 secrets");
  await expect(pager.getByText("Previous")).toHaveAttribute("aria-disabled", "true");
});

test("a filter pages and counts only what matches", async () => {
  await page.goto(`/secrets?ns=${NS}`);
  await page.getByRole("textbox", { name: "Label" }).fill("batch=2");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(range()).toHaveText("1–50 of 50 secrets");
  await expect(rows().first()).toContainText(nameOf(100));

  // Regression (issue 17): `_` in a name prefix was a wildcard.
  await page.goto(`/secrets?ns=${NS}&name=${encodeURIComponent("page_0")}`);
  await expect(range()).toHaveText("1–100 of 100 secrets");
  await page.goto(`/secrets?ns=${NS}&name=${encodeURIComponent("page%")}`);
  await expect(page.getByText("No secrets match these filters")).toBeVisible();
});

// The two-person rule as a team lives it (issue 16 §3, "done when"): an
// owner makes revealing values (and deleting secrets) in a namespace need
// a second person. A second owner's reveal through the API is refused with
// approval_required; they request it with a reason; the first owner sees
// the badge in the nav, opens the request and approves it; the reveal then
// returns the value, once. Nobody approves their own request: the console
// offers no button and the API refuses. A gated console action (delete)
// offers to request the approval in a dialog and goes through once approved.
import { expect, test, type Page } from "@playwright/test";
import { anonymousContext, Api, inviteMember, ownerApi, tokenFor } from "./support/console-actions";
import { signInAsOwner } from "./support/owner";
import { signIn } from "./support/sign-in";

const NS = "approvals-e2e";
const SECRET = "payments_db_password";
const DOOMED = "legacy_ftp_password";
const VALUE = "CANARY-approvals-reveal-value-8f3b";
const REASON = "Restore the payments replica after INC-2291";
const SECOND = {
  email: "olga.owner@example.com",
  name: "Olga Owner",
  password: "CANARY-approvals-second-owner-4c1d",
  role: "owner",
  namespace: null,
};

let owner: Api;
let second: Api;
let ownerPage: Page;

test.describe.configure({ mode: "serial" });

const valuePath = `/namespaces/${NS}/secrets/${SECRET}/value`;

async function reveal(api: Api) {
  return api.send("GET", valuePath);
}

test.beforeAll(async ({ browser }) => {
  const http = await anonymousContext();
  owner = await ownerApi(http);
  await inviteMember(owner, http, SECOND);
  second = new Api(http, await tokenFor(http, SECOND.email, SECOND.password));
  await owner.post("/namespaces", { name: NS });
  await owner.post(`/namespaces/${NS}/secrets`, { name: SECRET, stringData: { value: VALUE } });
  await owner.post(`/namespaces/${NS}/secrets`, { name: DOOMED, stringData: { value: "CANARY-approvals-doomed-value-1e7a" } });
  ownerPage = await browser.newPage();
  await signInAsOwner(ownerPage);
});

test.afterAll(async () => {
  await ownerPage?.close();
});

test("an owner makes reveal and delete need a second person in a namespace", async () => {
  // Before any policy the second owner reveals freely.
  expect((await reveal(second)).status).toBe(200);

  await ownerPage.goto("/team/namespaces");
  const row = ownerPage.getByTestId(`approval-policy-${NS}`);
  await expect(row).toContainText("Nothing");
  await row.getByRole("button", { name: `Edit approval policy of ${NS}` }).click();
  const dialog = ownerPage.getByRole("dialog", { name: `Approval policy of ${NS}` });
  await dialog.getByRole("checkbox", { name: /reveal/i }).check();
  await dialog.getByRole("checkbox", { name: /^delete/i }).check();
  await dialog.getByLabel("Approval usable for (minutes)").fill("30");
  await dialog.getByRole("button", { name: "Save policy" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText(/reveal/i);
  await expect(row).toContainText("30 minutes");
});

test("a reveal is refused until another owner approves the request, then works once", async () => {
  const refused = await reveal(second);
  expect(refused.status).toBe(403);
  expect(refused.body.error.code).toBe("approval_required");
  expect(refused.body.error.approval).toEqual({ action: "secret.reveal", namespace: NS, target: { secret: SECRET } });
  expect(JSON.stringify(refused.body)).not.toContain(VALUE);

  // A reason is required.
  expect((await second.send("POST", "/approvals", { ...refused.body.error.approval })).status).toBe(400);
  const request = await second.post("/approvals", { ...refused.body.error.approval, reason: REASON });
  expect(request).toMatchObject({ status: "pending", requester: { email: SECOND.email }, canDecide: false, canCancel: true });
  expect(request.url).toMatch(new RegExp(`/approvals/${request.id}$`));

  // The first owner: the badge, the list, the request.
  await ownerPage.goto("/");
  const nav = ownerPage.getByRole("navigation", { name: "Sections" }).first();
  await expect(nav.getByTestId("approvals-badge")).toHaveText(/^1/);
  await nav.getByRole("link", { name: /Approvals/ }).click();
  await expect(ownerPage.getByRole("heading", { name: "Approvals", level: 1 })).toBeVisible();
  await expect(ownerPage.getByRole("tab", { name: /To decide/ })).toHaveAttribute("aria-selected", "true");
  // The selected tab's panel: the others are in the page, hidden.
  const listed = ownerPage.getByRole("tabpanel").getByTestId(`approval-row-${request.id}`);
  await expect(listed).toContainText(SECOND.email);
  await expect(listed).toContainText(REASON);
  await listed.getByRole("link", { name: request.summary }).click();
  await expect(ownerPage).toHaveURL(`/approvals/${request.id}`);
  await expect(ownerPage.getByRole("heading", { name: request.summary, level: 1 })).toBeVisible();
  await expect(ownerPage.getByTestId("approval-reason")).toHaveText(REASON);
  await expect(ownerPage.getByTestId("approval-status").first()).toHaveText("Waiting for a decision");

  // Approve, by keyboard: the dialog opens with Cancel focused, a note is optional.
  await ownerPage.getByRole("button", { name: "Approve" }).click();
  const approve = ownerPage.getByRole("dialog", { name: "Approve this request?" });
  await expect(approve.getByRole("button", { name: "Cancel" })).toBeFocused();
  await approve.getByLabel(/Note/).fill("OK for the restore window");
  await approve.getByRole("button", { name: "Approve request" }).click();
  await expect(approve).toBeHidden();
  await expect(ownerPage.getByTestId("approval-status").first()).toHaveText("Approved");
  await expect(ownerPage.getByTestId("timeline-decision")).toContainText("Approved by ada@example.com");
  await expect(ownerPage.getByTestId("timeline-decision")).toContainText("OK for the restore window");
  await expect(ownerPage.getByRole("button", { name: "Approve" })).toHaveCount(0);

  // The requester's reveal now returns the value…
  const revealed = await reveal(second);
  expect(revealed.status).toBe(200);
  expect(Buffer.from(revealed.body.data.value, "base64").toString("utf8")).toBe(VALUE);
  // …once: the next one needs a new approval.
  const next = await reveal(second);
  expect(next.status).toBe(403);
  expect(next.body.error.code).toBe("approval_required");

  await ownerPage.reload();
  await expect(ownerPage.getByTestId("approval-status").first()).toHaveText("Used");
  await expect(ownerPage.getByTestId("timeline-used")).toContainText(`Used by ${SECOND.email}`);
  await expect(ownerPage.getByRole("link", { name: "Audit trail of this request" })).toHaveAttribute(
    "href",
    `/audit?resourceId=${request.id}`,
  );
});

test("nobody can approve their own request: no button in the console, a refusal from the API", async ({ browser }) => {
  const refused = await reveal(second);
  const request = await second.post("/approvals", { ...refused.body.error.approval, reason: "A second look at the replica" });

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, SECOND.email, SECOND.password, SECOND.name);
  await page.goto(`/approvals/${request.id}`);
  await expect(page.getByTestId("own-request-note")).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Deny" })).toHaveCount(0);
  await page.goto("/approvals?tab=mine");
  await expect(page.getByRole("tab", { name: "Mine" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tabpanel").getByTestId(`approval-row-${request.id}`)).toBeVisible();

  const own = await second.send("POST", `/approvals/${request.id}/approve`, {});
  expect(own.status).toBe(403);
  expect(own.body.error.message).toContain("you cannot approve your own request");
  expect((await second.get(`/approvals/${request.id}`)).status).toBe("pending");

  // The requester withdraws it in the console.
  await page.goto(`/approvals/${request.id}`);
  await page.getByRole("button", { name: "Cancel request" }).click();
  const cancel = page.getByRole("dialog", { name: "Cancel this request?" });
  await cancel.getByRole("button", { name: "Cancel request" }).click();
  await expect(page.getByTestId("approval-status").first()).toHaveText("Cancelled");
  await context.close();
});

test("a gated console action offers to request the approval, and goes through once approved", async () => {
  await ownerPage.goto(`/secrets/${DOOMED}?ns=${NS}`);
  await ownerPage.getByRole("button", { name: "Delete" }).click();
  const confirm = ownerPage.getByRole("dialog", { name: `Delete ${DOOMED}?` });
  await confirm.getByRole("textbox").fill(DOOMED);
  await confirm.getByRole("button", { name: "Delete secret" }).click();

  const ask = ownerPage.getByRole("dialog", { name: "This needs a second person's approval" });
  await expect(ask).toBeVisible();
  await expect(ask).toContainText(DOOMED);
  // The reason is required: the browser keeps the empty form.
  await ask.getByRole("button", { name: "Request approval" }).click();
  await expect(ask.getByLabel("Reason")).toBeFocused();
  await ask.getByLabel("Reason").fill("Decommissioned with the old FTP host");
  await ask.getByRole("button", { name: "Request approval" }).click();
  await expect(ask.getByTestId("approval-requested")).toBeVisible();
  const link = ask.getByRole("link", { name: "Open the request" });
  const href = (await link.getAttribute("href"))!;
  expect(href).toMatch(/^\/approvals\/apr_/);
  // Closing it leaves the delete dialog as it was, saying why.
  await ask.getByRole("button", { name: "Done" }).click();
  await expect(ask).toBeHidden();
  await expect(confirm.getByTestId("approval-needed")).toContainText("second person's approval");

  // The second owner approves; the same delete now just works.
  const id = href.split("/").at(-1)!;
  await second.post(`/approvals/${id}/approve`, {}, 200);
  await confirm.getByRole("button", { name: "Delete secret" }).click();
  await expect(ownerPage).toHaveURL(new RegExp(`/secrets\\?ns=${NS}`));
  expect((await owner.get(`/approvals/${id}`)).status).toBe("used");
});

// The audit review as an owner uses it: a service's
// agent reads a secret twice; on /audit the owner filters to exactly those
// reads, opens one and follows it to its page (its leaf in the signed tree),
// verifies the log, downloads the filtered CSV, watches a new read arrive
// live, pages through the log, and reads the charts. A member without
// audit:read gets a 403 page. The transparency log's own story (tree head,
// public key, a superuser's edit) is ux-audit-log.spec.ts.
// Named ux-audit so it runs after first-run.spec.ts, which creates the owner.
import { readFile } from "node:fs/promises";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { CSV_HEADER, createApiToken, parseCsv, type ApiEvent } from "./support/audit-review";
import { OWNER } from "./support/owner";
import { signIn } from "./support/sign-in";

const EMAIL = OWNER.email;
const PASSWORD = OWNER.password;

// The secret's value: it goes in through the API and out to the agent, and
// must never reach an audit page, detail or export.
const CANARY = "CANARY-audit-3e9b52";
const SECRET = "audit_demo_pw";
const SERVICE = "audit-demo";
const READS = `/audit?action=secret.read&resource=secret%3A${SECRET}`;

let page: Page;
let apiToken = "";
let serviceToken = "";
const bodies: Promise<{ url: string; body: string }>[] = [];

function collectResponses(target: Page) {
  target.on("response", (response) => {
    const type = response.headers()["content-type"] ?? "";
    if (!/html|x-component|json|text\/|ndjson/.test(type)) return;
    bodies.push(
      response
        .text()
        .then((body) => ({ url: response.url(), body }))
        .catch(() => ({ url: response.url(), body: "" })), // redirects and downloads have no body here
    );
  });
}

async function newSession(browser: Browser) {
  page = await browser.newPage();
  collectResponses(page);
  await signIn(page, EMAIL, PASSWORD, "Ada Lovelace");
}

/** The owner's API, with the personal token made on /settings/tokens. */
function api(method: "GET" | "POST", path: string, data?: unknown, token = apiToken) {
  return page.request.fetch(path, { method, data, headers: { Authorization: `Bearer ${token}` } });
}

const readAsAgent = () => page.request.get("/api/v1/runtime/secrets", { headers: { Authorization: `Bearer ${serviceToken}` } });

async function apiReads(): Promise<ApiEvent[]> {
  const response = await api("GET", `/api/v1/audit?action=secret.read&resource=secret:${SECRET}`);
  expect(response.status()).toBe(200);
  return (await response.json()).events;
}

const rows = () => page.locator("[data-testid^=audit-row-]");

async function shownSeqs(): Promise<string[]> {
  return rows().evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.seq ?? ""));
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  await newSession(browser);
});

test.afterAll(async () => {
  await page?.close();
});

test("an agent reads a secret twice; a narrowly scoped token is denied the audit", async () => {
  apiToken = await createApiToken(page, "audit e2e");
  const limited = await createApiToken(page, "audit e2e limited", ["secret:list"]);

  expect((await api("POST", "/api/v1/namespaces/default/secrets", { name: SECRET, stringData: { value: CANARY } })).status()).toBe(201);
  expect((await api("POST", "/api/v1/namespaces/default/services", { name: SERVICE })).status()).toBe(201);
  expect((await api("POST", `/api/v1/namespaces/default/services/${SERVICE}/bindings`, { secret: SECRET })).status()).toBe(201);
  const created = await api("POST", `/api/v1/namespaces/default/services/${SERVICE}/tokens`, {});
  expect(created.status()).toBe(201);
  serviceToken = (await created.json()).token;

  for (let i = 0; i < 2; i++) expect((await readAsAgent()).status()).toBe(200);
  // A denial for the chart: the limited token may list secrets, not read the audit.
  expect((await api("GET", "/api/v1/audit", undefined, limited)).status()).toBe(403);
  expect(await apiReads()).toHaveLength(2);
});

test("filtering to the secret's reads shows exactly those rows, each with its leaf on its page", async () => {
  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  await page.getByLabel("Action").selectOption("secret.read");
  await page.getByLabel("Resource", { exact: true }).fill(`secret:${SECRET}`);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(READS);

  const expected = await apiReads();
  await expect(rows()).toHaveCount(2);
  expect(await shownSeqs()).toEqual(expected.map((e) => e.seq));
  for (const row of await rows().all()) {
    await expect(row).toContainText("secret.read");
    await expect(row.getByTestId("resource")).toHaveText(`secret: ${SECRET}`);
    await expect(row).toContainText(`default/${SERVICE}`);
    await expect(row.getByTestId("outcome")).toHaveText("success");
    await expect(row.locator("time")).toHaveAttribute("title", /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
  }

  // Opened from the keyboard: the action is the row's button.
  const newest = expected[0]!;
  await page
    .getByTestId(`audit-row-${newest.seq}`)
    .getByRole("button", { name: /secret\.read/ })
    .focus();
  await page.keyboard.press("Enter");
  const detail = page.getByRole("dialog", { name: `Event #${newest.seq}` });
  await expect(detail).toBeVisible();
  await expect(detail.getByTestId("event-seq")).toHaveText(newest.seq);
  // New events carry no chain hashes, so the dialog shows no chain section.
  expect(newest.hash).toBeNull();
  await expect(detail.getByRole("region", { name: "Hash chain" })).toHaveCount(0);
  await expect(detail.getByTestId("event-details")).toContainText('"version": 1');
  await expect(detail.getByRole("button", { name: "Copy sequence id" })).toBeVisible();
  const toPage = detail.getByRole("region", { name: "Transparency log" }).getByRole("link", { name: "Open the event's page" });
  await expect(toPage).toHaveAttribute("href", `/audit/events/${newest.seq}`);
  await page.screenshot({ path: test.info().outputPath("audit-detail.png") });
  await page.keyboard.press("Escape");
  await expect(detail).toBeHidden();

  // A click anywhere on the row opens it too.
  await page.getByTestId(`audit-row-${expected[1]!.seq}`).getByTestId("outcome").click();
  await expect(page.getByRole("dialog", { name: `Event #${expected[1]!.seq}` })).toBeVisible();
  await page.keyboard.press("Escape");

  // The event's page: its leaf in the tree (sealed within a second) and its inclusion proof.
  await page.goto(`/audit/events/${newest.seq}`);
  await expect(page.getByRole("heading", { name: `Event #${newest.seq}`, level: 1 })).toBeVisible();
  const leaf = page.getByRole("region", { name: "Transparency log" });
  await expect(leaf.getByTestId("event-leaf-index")).toHaveText(/^\d+$/);
  await expect(leaf.getByTestId("event-leaf-hash")).toHaveText(/^[A-Za-z0-9+/]{43}=$/);
  const proof = await (await api("GET", `/api/v1/audit/events/${newest.seq}/proof`)).json();
  await expect(leaf.getByTestId("event-leaf-hash")).toHaveText(proof.leafHash);
  await page.getByRole("button", { name: "Check in this browser" }).click();
  await expect(page.getByTestId("proof-check")).toHaveText("The proof leads to the signed root: this event is in the tree.");
  expect((await page.goto("/audit/events/999999999"))?.status()).toBe(404);
});

test("Verify log checks every event against the signed tree and says it is intact", async () => {
  await page.goto(READS);
  // ux-audit-log.spec.ts may have verified already: wait for this run's finish time, not the last one's.
  const finished = page.getByTestId("verify-finished").locator("time");
  const before = (await finished.count()) ? await finished.getAttribute("datetime") : null;
  await page.getByRole("button", { name: "Verify log" }).click();
  await expect
    .poll(async () => ((await finished.count()) ? finished.getAttribute("datetime") : null), { timeout: 30_000 })
    .not.toBe(before);
  await expect(page.getByTestId("verify-result")).toContainText(/^Log intact: [\d,]+ events match the signed tree/);
  await expect(page.getByRole("button", { name: "Verify log" })).toBeEnabled();
});

test("the CSV download holds exactly the filtered reads", async () => {
  await page.goto(READS);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^coffer-audit-.+\.csv$/);
  const csv = parseCsv(await readFile((await download.path())!, "utf8"));
  expect(csv[0]).toEqual(CSV_HEADER);
  const records = csv.slice(1).map((fields) => Object.fromEntries(CSV_HEADER.map((name, i) => [name, fields[i]])));
  const expected = (await apiReads()).toReversed(); // the export is oldest first
  expect(records.map((r) => r.seq)).toEqual(expected.map((e) => e.seq));
  for (const [i, record] of records.entries()) {
    expect(record).toMatchObject({
      action: "secret.read",
      resource_type: "secret",
      resource_name: SECRET,
      actor_label: `default/${SERVICE}`,
      outcome: "success",
    });
    // An empty field for the old chain's hash on new events, never the text "null".
    expect(record.hash).toBe(expected[i]!.hash ?? "");
    expect(record.prev_hash).toBe(expected[i]!.prevHash ?? "");
    // Sealed long before the download: each read has its leaf.
    expect(record.leaf_index).toMatch(/^\d+$/);
    expect(record.leaf_hash).toMatch(/^'?[A-Za-z0-9+/]{43}=$/);
    expect(JSON.parse(record.details!)).toMatchObject({ version: 1 });
  }
  expect(csv.flat().join("\n")).not.toContain(CANARY);

  // JSONL from the same link; and no session, no export.
  const jsonl = await page.request.get(`/audit/export?format=jsonl&action=secret.read&resource=secret:${SECRET}`);
  expect(jsonl.headers()["content-disposition"]).toMatch(/^attachment; filename="coffer-audit-.+\.jsonl"$/);
  const lines = (await jsonl.text())
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
  expect(lines.map((e: ApiEvent) => e.seq)).toEqual(expected.map((e) => e.seq));
  const bad = await page.request.get("/audit/export?format=xml");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toBe("format must be csv or jsonl");
});

test("a new read shows up live as '1 new event'", async () => {
  await page.goto(READS);
  await expect(rows()).toHaveCount(2);
  expect((await readAsAgent()).status()).toBe(200);
  const indicator = page.getByTestId("new-events");
  await expect(indicator).toHaveText(/^1 new event/, { timeout: 15_000 });
  await indicator.click();
  await expect(rows()).toHaveCount(3);
  await expect(indicator).toBeHidden();
});

test("the charts draw the filtered data, and say so when there is none", async () => {
  const testInfo = test.info();
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/audit");
  for (const id of ["chart-per-day", "chart-most-read", "chart-denied"]) {
    await expect(page.getByTestId(id).locator("svg.recharts-surface").first()).toBeVisible();
  }
  await expect(page.getByTestId("chart-most-read")).toContainText(`default/${SECRET}`);
  await expect(page.getByTestId("chart-denied")).toContainText(EMAIL);
  await page.screenshot({ path: testInfo.outputPath("audit-light.png"), fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: testInfo.outputPath("audit-dark.png"), fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });

  // Reads only: nobody was denied a read, and the chart says so instead of drawing an empty axis.
  await page.goto(READS);
  await expect(page.getByTestId("chart-most-read").locator("svg.recharts-surface").first()).toBeVisible();
  await expect(page.getByTestId("chart-denied").getByTestId("chart-empty")).toHaveText("No denied attempts in this view.");
});

test("Older and Newest page by sequence id, with the filters kept", async () => {
  // Enough successful events for a second page of 50, whatever ran before: each read by the agent is one.
  let total = (await (await api("GET", "/api/v1/audit?outcome=success&limit=500")).json()).events.length;
  for (; total <= 55; total++) expect((await readAsAgent()).status()).toBe(200);

  await page.goto("/audit?outcome=success");
  await expect(rows()).toHaveCount(50);
  const first = await shownSeqs();
  await page.getByRole("link", { name: "Older" }).click();
  await expect(page).toHaveURL(`/audit?outcome=success&cursor=${first.at(-1)}`);
  const older = await shownSeqs();
  expect(older.length).toBeGreaterThan(0);
  expect(BigInt(older[0]!)).toBeLessThan(BigInt(first.at(-1)!));
  await expect(page.getByLabel("Outcome")).toHaveValue("success");
  await page.getByRole("link", { name: "Newest" }).click();
  await expect(page).toHaveURL("/audit?outcome=success");
  expect((await shownSeqs())[0]).toBe(first[0]);
});

test("a member without audit:read gets a 403 page", async ({ browser }) => {
  const invite = await api("POST", "/api/v1/invites", { email: "vera@example.com", role: "viewer" });
  expect(invite.status()).toBe(201);
  const accepted = await page.request.post("/api/v1/invites/accept", {
    data: { token: (await invite.json()).token, name: "Vera Viewer", password: "CANARY-pass-viewer-52ad" },
  });
  expect(accepted.status()).toBe(201);

  const viewer = await browser.newPage();
  collectResponses(viewer);
  await signIn(viewer, "vera@example.com", "CANARY-pass-viewer-52ad", "Vera Viewer");
  const refused = await viewer.goto(READS);
  expect(refused?.status(), "the refused audit page answers 403").toBe(403);
  await expect(viewer.getByTestId("status-403")).toContainText("Permission required");
  await expect(viewer.locator("[data-testid^=audit-row-]")).toHaveCount(0);
  const exported = await viewer.request.get("/audit/export?format=csv");
  expect(exported.status()).toBe(403);
  await viewer.close();
});

test("no audit page, detail or export carried the secret's value", async () => {
  for (const { url, body } of await Promise.all(bodies)) {
    // The agent's own delivery is the one place the value is meant to be.
    if (url.includes("/api/v1/runtime/secrets")) continue;
    expect(body, `response of ${url}`).not.toContain(CANARY);
    expect(body, `response of ${url}`).not.toContain(Buffer.from(CANARY).toString("base64"));
  }
});

// Every console page through axe-core, in light and dark mode, with data in
// it (issue 17: "a Playwright accessibility check (axe-core) passes on every
// console page with no serious violations"), plus open dialogs, the sign-in
// pages, the 404 and the 403. Also issue 17's honest status codes: a page a
// member may not see answers 403 (it answered 200 with a message), and /setup
// after setup is the same 404 as any unknown address (it was a broken-looking
// card of its own).
// Named ux-accessibility so it runs after first-run.spec.ts, which creates the owner.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { anonymousContext, inviteMember, ownerApi, type Api } from "./support/console-actions";
import { signInAsOwner } from "./support/owner";
import { signIn } from "./support/sign-in";

const NS = "a11y-e2e";
const SECRET = "a11y-database-url";
const DELETED = "a11y-old-token";
const SERVICE = "a11y-api";
// Passwords and values are canaries: zz-no-leaks.spec.ts checks none reached the log.
const VIEWER = {
  email: "a11y-viewer@example.com",
  name: "Ally Viewer",
  password: "CANARY-a11y-viewer-5e2b",
  role: "viewer",
  namespace: NS,
};

type Scheme = "light" | "dark";
/** Where axe looks, and what the page must show first so axe sees it rendered. */
type Stop = { path: string; heading: string | RegExp; status?: number };

let anonymous: APIRequestContext;
let owner: Api;
let viewerId = "";
let inviteToken = "";
let approvalId = "";
let auditSeq = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  anonymous = await anonymousContext();
  owner = await ownerApi(anonymous);
  await owner.post("/namespaces", { name: NS });
  const secrets = `/namespaces/${NS}/secrets`;
  await owner.post(secrets, { name: SECRET, stringData: { value: "CANARY-a11y-value-1-9c4d" }, labels: { team: "web" } });
  // A second version, so the secret page shows a history.
  await owner.send("POST", `${secrets}/${SECRET}/versions`, { stringData: { value: "CANARY-a11y-value-2-0d5e" } });
  await owner.post(secrets, { name: DELETED, stringData: { value: "CANARY-a11y-deleted-7f1a" } });
  await owner.delete(`${secrets}/${DELETED}`);
  await owner.post(`/namespaces/${NS}/services`, { name: SERVICE });
  await owner.post(`/namespaces/${NS}/services/${SERVICE}/bindings`, { secret: SECRET });
  await owner.post(`/namespaces/${NS}/services/${SERVICE}/tokens`, {});
  await owner.send("POST", `/namespaces/${NS}/integrations`, { kind: "docker-swarm", name: "a11y-swarm" });
  viewerId = await inviteMember(owner, anonymous, VIEWER);
  inviteToken = (await owner.post("/invites", { email: "a11y-invitee@example.com", role: "viewer", namespace: NS })).token;
  // A pending approval request, so /approvals lists one and its page has a subject.
  const policy = await owner.send("PUT", `/namespaces/${NS}/approval-policy`, { actions: ["secret.reveal"], approvalMinutes: 10 });
  expect(policy.status, JSON.stringify(policy.body)).toBe(200);
  approvalId = (
    await owner.post("/approvals", {
      action: "secret.reveal",
      namespace: NS,
      target: { secret: SECRET },
      reason: "Accessibility check of the approval page",
    })
  ).id;
  auditSeq = (await owner.get("/audit?limit=1")).events[0].seq;
});

test.afterAll(async () => {
  await anonymous?.dispose();
});

function consoleStops(): Stop[] {
  const ns = `ns=${NS}`;
  return [
    { path: "/", heading: /^Welcome, / },
    { path: `/secrets?${ns}`, heading: "Secrets" },
    { path: `/secrets/${SECRET}?${ns}`, heading: SECRET },
    { path: `/secrets/deleted?${ns}`, heading: /deleted/i },
    { path: `/services?${ns}`, heading: "Services" },
    { path: `/services/${SERVICE}?${ns}`, heading: SERVICE },
    { path: `/integrations?${ns}`, heading: "Integrations" },
    { path: "/audit", heading: "Audit log" },
    { path: `/audit/events/${auditSeq}`, heading: new RegExp(`#${auditSeq}`) },
    { path: "/approvals", heading: /Approvals/ },
    { path: `/approvals/${approvalId}`, heading: /./ },
    { path: "/team", heading: "Team" },
    { path: `/team/members/${viewerId}`, heading: VIEWER.name },
    { path: "/team/roles", heading: "Team" },
    { path: "/team/invites", heading: "Team" },
    { path: "/team/namespaces", heading: "Team" },
    { path: "/team/sso", heading: "Team" },
    { path: "/settings", heading: /./ },
    { path: "/settings/tokens", heading: /./ },
    { path: "/settings/encryption", heading: "Encryption at rest" },
    { path: "/profile", heading: /./ },
    { path: "/no-such-page", heading: "Page not found", status: 404 },
    { path: `/secrets/no-such-secret?${ns}`, heading: "Page not found", status: 404 },
  ];
}

function signedOutStops(): Stop[] {
  return [
    { path: "/login", heading: /sign in/i },
    { path: `/invite/${inviteToken}`, heading: /./ },
    { path: "/reset-password/not-a-real-token", heading: /./ },
    // Signed out, an unknown address sends to sign-in; signed in, it is the console's 404 above.
    { path: "/setup", heading: "Page not found", status: 404 },
  ];
}

/** The serious and critical violations on the page as it is now, one line each. */
async function violations(page: Page, label: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => {
      const where = v.nodes
        .slice(0, 4)
        .map((n) => `${n.target.join(" ")}${n.failureSummary ? ` (${n.failureSummary.split("\n").slice(1, 2).join("").trim()})` : ""}`)
        .join("; ");
      return `${label}: [${v.impact}] ${v.id}: ${v.help} — ${v.nodes.length} node(s): ${where}`;
    });
}

async function visit(page: Page, stop: Stop): Promise<void> {
  const response = await page.goto(stop.path);
  expect(response?.status(), `${stop.path} status`).toBe(stop.status ?? 200);
  await expect(page.getByRole("heading", { level: 1, name: stop.heading }).first()).toBeVisible();
}

async function pageIn(browser: Browser, scheme: Scheme): Promise<Page> {
  // The console follows the system colour scheme unless the member picked one.
  const context = await browser.newContext({ colorScheme: scheme });
  return context.newPage();
}

/** The page really is in the scheme axe is judging (the console follows the system's until a member picks one). */
async function expectScheme(page: Page, scheme: Scheme): Promise<void> {
  // app/globals.css sets color-scheme beside the dark variant, from the same media query and theme class.
  const shown = await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
  expect(shown, "the colour scheme the page is in").toBe(scheme);
}

function report(found: string[]): string {
  return `${found.length} serious or critical axe violation(s):\n${found.join("\n")}`;
}

for (const scheme of ["light", "dark"] as const) {
  test(`every console page has no serious axe violations (${scheme})`, async ({ browser }) => {
    test.setTimeout(240_000);
    const page = await pageIn(browser, scheme);
    await signInAsOwner(page);
    await expectScheme(page, scheme);
    const found: string[] = [];
    for (const stop of consoleStops()) {
      await visit(page, stop);
      found.push(...(await violations(page, `${scheme} ${stop.path}`)));
    }
    await page.context().close();
    expect(found, report(found)).toEqual([]);
  });

  test(`open dialogs have no serious axe violations (${scheme})`, async ({ browser }) => {
    const page = await pageIn(browser, scheme);
    await signInAsOwner(page);
    const found: string[] = [];
    const dialogs = [
      { path: `/secrets?ns=${NS}`, button: "Create secret", dialog: "Create secret" },
      { path: "/team/roles", button: "New role", dialog: "New role" },
      { path: "/team", button: "Invite member", dialog: "Invite member" },
    ];
    for (const { path, button, dialog } of dialogs) {
      await page.goto(path);
      await page.getByRole("button", { name: button }).first().click();
      await expect(page.getByRole("dialog", { name: dialog })).toBeVisible();
      found.push(...(await violations(page, `${scheme} ${path} dialog "${dialog}"`)));
    }
    await page.context().close();
    expect(found, report(found)).toEqual([]);
  });

  test(`signed-out pages, the 404 and the 403 have no serious axe violations (${scheme})`, async ({ browser }) => {
    const page = await pageIn(browser, scheme);
    const found: string[] = [];
    for (const stop of signedOutStops()) {
      await visit(page, stop);
      found.push(...(await violations(page, `${scheme} signed out ${stop.path}`)));
    }
    await signIn(page, VIEWER.email, VIEWER.password, VIEWER.name);
    await visit(page, { path: "/audit", heading: "Permission required", status: 403 });
    found.push(...(await violations(page, `${scheme} viewer /audit (403)`)));
    await page.context().close();
    expect(found, report(found)).toEqual([]);
  });
}

test("a page a member may not see answers 403 with the forbidden page, inside the console", async ({ browser }) => {
  const page = await pageIn(browser, "light");
  await signIn(page, VIEWER.email, VIEWER.password, VIEWER.name);
  // audit:read, key:manage and role:manage are not a viewer's; nor is namespace default (their grant is a11y-e2e).
  for (const path of ["/audit", `/audit/events/${auditSeq}`, "/settings/encryption", "/team/roles", "/secrets?ns=default"]) {
    const response = await page.goto(path);
    expect(response?.status(), `${path} answers 403`).toBe(403);
    await expect(page.getByTestId("status-403"), path).toContainText("You don't have access to this page.");
    await expect(page.getByTestId("status-403")).toContainText("Ask an owner or admin");
    // Inside the console shell: the viewer keeps the navigation to what they may see.
    await expect(page.getByRole("link", { name: "Services" }).first()).toBeVisible();
  }
  // What the viewer may see still answers 200.
  expect((await page.goto(`/secrets?ns=${NS}`))?.status()).toBe(200);
  await page.context().close();
});

test("/setup after setup is the same 404 as an unknown address", async ({ browser }) => {
  const page = await pageIn(browser, "light");
  // Signed in: signed out, an unknown address sends to sign-in instead.
  await signInAsOwner(page);
  const markup: Record<string, string> = {};
  for (const path of ["/setup", "/no-such-page"]) {
    const response = await page.goto(path);
    expect(response?.status(), `${path} answers 404`).toBe(404);
    await expect(page.getByTestId("status-404")).toBeVisible();
    markup[path] = await page.locator("main").evaluate((main) => main.outerHTML);
  }
  expect(markup["/setup"], "one 404 design").toBe(markup["/no-such-page"]);
  await page.context().close();
});

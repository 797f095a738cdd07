// The console's session routes in the authorization matrix. Every
// server action the build compiled (read from Next's server-action
// manifest, not matched by name) is POSTed the way the browser does, as a
// member holding only viewer in `default` — or signed out, for the
// member's own-account actions, or with a made-up credential, for the
// public ones — and must be refused: a `denied` audit event by that member,
// a redirect to sign-in, and nothing changed that the API can see. An
// action in the manifest without a row in tests/authz/action-table.ts
// fails. The session download /audit/export: 403 for the member, 200 for an
// auditor. Named ux-… so it runs after first-run.spec.ts has created the
// owner (files run in name order); run alone, it sets the instance up itself.
import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { ACTIONS } from "../tests/authz/action-table";
import {
  anonymousContext,
  fill,
  invokeAction,
  inviteMember,
  manifestActions,
  ownerApi,
  redirectOf,
  tokenFor,
  type Api,
} from "./support/console-actions";
import { OWNER } from "./support/owner";

// Passwords are canaries: zz-no-leaks.spec.ts checks none reached the log.
const MEMBER = {
  email: "authz-viewer@example.com",
  name: "Val Viewer",
  password: "CANARY-authz-viewer-pass-5d1c",
  role: "viewer",
  namespace: "default",
};
const AUDITOR = {
  email: "authz-auditor@example.com",
  name: "Aud Itor",
  password: "CANARY-authz-auditor-pass-8e2f",
  role: "auditor",
  namespace: null,
};
const BYSTANDER = {
  email: "authz-bystander@example.com",
  name: "Bea Bystander",
  password: "CANARY-authz-bystander-pass-1a9b",
  role: "viewer",
  namespace: "default",
};

const fresh = (prefix: string) => `${prefix}-${randomBytes(3).toString("hex")}`;

let owner: Api;
let anonymous: APIRequestContext;
let memberHttp: APIRequestContext;
let values: Record<string, string> = {};
const tally = { manifest: 0, denied: 0, signIn: 0, badCredential: 0 };

test.describe.configure({ mode: "serial" });

async function signedIn(browser: Browser, who: { email: string; password: string; name: string }) {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${who.name}` })).toBeVisible();
  return page;
}

const deniedBy = async (userId: string) => (await owner.get(`/audit?actor=${userId}&outcome=denied&limit=500`)).events.length as number;

const newestDenial = async (userId: string) =>
  (await owner.get(`/audit?actor=${userId}&outcome=denied&limit=1`)).events[0] as { namespace: string | null } | undefined;

/** Everything a refused action could have changed, as the owner sees it through the API. */
async function world(): Promise<string> {
  const ns = "/namespaces/default";
  const paths = [
    "/namespaces",
    `${ns}/secrets`,
    `${ns}/secrets/${values.secret}/versions`,
    `${ns}/deleted-secrets`,
    `${ns}/services`,
    `${ns}/services/${values.service}`,
    "/users",
    "/role-bindings",
    "/invites",
    "/roles",
    "/encryption",
    `/users/${values.self}/tokens`,
    `/users/${values.ownerId}/tokens`,
  ];
  const answers = [];
  for (const path of paths) answers.push([path, await owner.get(path)]);
  // The owner's own token is used by these very reads.
  return JSON.stringify(answers, (key, value) => (key === "lastUsedAt" ? undefined : value), 1);
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  anonymous = await anonymousContext();
  owner = await ownerApi(anonymous);
  const ownerId = (await owner.get("/users")).users.find((u: { email: string }) => u.email === OWNER.email).id;
  const self = await inviteMember(owner, anonymous, MEMBER);
  await inviteMember(owner, anonymous, AUDITOR);
  const otherId = await inviteMember(owner, anonymous, BYSTANDER);
  const grantId = (await owner.get("/role-bindings")).roleBindings.find((g: { userId: string }) => g.userId === otherId).id;

  const ns = "/namespaces/default";
  const secret = fresh("authz_secret").replace(/-/g, "_");
  await owner.post(`${ns}/secrets`, { name: secret, stringData: { value: "CANARY-authz-console-secret-value" } });
  const deletedSecret = fresh("authz_deleted").replace(/-/g, "_");
  await owner.post(`${ns}/secrets`, { name: deletedSecret, stringData: { value: "CANARY-authz-console-deleted-value" } });
  await owner.delete(`${ns}/secrets/${deletedSecret}`);
  const service = fresh("authz-svc");
  await owner.post(`${ns}/services`, { name: service });
  await owner.post(`${ns}/services/${service}/bindings`, { secret });
  const serviceTokenId = (await owner.post(`${ns}/services/${service}/tokens`, {})).id;
  const inviteId = (await owner.post("/invites", { email: `${fresh("pending")}@example.com`, role: "viewer" })).id;
  const role = (await owner.post("/roles", { name: fresh("authz-role"), permissions: ["secret:list"] })).name;
  const namespace = (await owner.post("/namespaces", { name: fresh("authz-ns") })).name;
  await tokenFor(anonymous, MEMBER.email, MEMBER.password);
  const memberTokenId = (await owner.get(`/users/${self}/tokens`)).tokens[0].id;
  const ownerTokenId = (await owner.get(`/users/${ownerId}/tokens`)).tokens[0].id;
  values = {
    self,
    ownerId,
    ownerTokenId,
    otherId,
    otherEmail: BYSTANDER.email,
    grantId,
    secret,
    deletedSecret,
    service,
    boundTarget: secret,
    serviceTokenId,
    inviteId,
    role,
    namespace,
    memberTokenId,
  };

  memberHttp = (await signedIn(browser, MEMBER)).request;
});

test("every server action in the build refuses a member who may not use it", async () => {
  test.setTimeout(600_000);
  const actions = manifestActions();
  tally.manifest = actions.length;
  expect(actions.length, "the build's server-action manifest lists the console's actions").toBeGreaterThan(20);
  const rows = new Map(ACTIONS.map((a) => [`${a.file}#${a.action}`, a]));
  for (const action of actions) {
    const key = `${action.file}#${action.exportedName}`;
    const row = rows.get(key);
    expect.soft(row, `${key} (action ${action.id}) has no row in tests/authz/action-table.ts`).toBeDefined();
    if (!row) continue;
    const drive = fill(row.drive, { ...values, newName: fresh("authz-new") });
    const before = await world();
    const deniedBefore = await deniedBy(values.self!);
    const http = drive.refusal === "denied" ? memberHttp : anonymous;
    const response = await invokeAction(http, action, drive);
    const text = await response.text();
    const label = `${row.action} (${drive.refusal}) → ${response.status()} ${redirectOf(response) ?? ""} ${text.slice(0, 200)}`;
    expect.soft(response.status(), `no 5xx: ${label}`).toBeLessThan(500);
    expect.soft(await world(), `nothing changed: ${label}`).toBe(before);
    const denials = (await deniedBy(values.self!)) - deniedBefore;
    if (drive.refusal === "denied") {
      tally.denied += 1;
      expect.soft(denials, `one denied audit event by the member: ${label}`).toBe(1);
      // The fields arrived: the refusal names the namespace the form named.
      if (typeof drive.form?.ns === "string")
        expect.soft((await newestDenial(values.self!))?.namespace, `denied in ${drive.form.ns}: ${label}`).toBe(drive.form.ns);
      expect.soft(redirectOf(response), `no redirect: ${label}`).toBeNull();
    } else if (drive.refusal === "sign-in") {
      tally.signIn += 1;
      expect.soft(redirectOf(response) ?? "", `redirected to sign-in: ${label}`).toContain("/login");
    } else {
      tally.badCredential += 1;
      expect.soft(response.headers()["set-cookie"] ?? "", `no session: ${label}`).not.toContain("session-token");
      expect.soft(redirectOf(response) ?? "/login", `stays on sign-in: ${label}`).toContain("/login");
    }
  }
  const compiled = new Set(actions.map((a) => `${a.file}#${a.exportedName}`));
  const unused = ACTIONS.filter((a) => !compiled.has(`${a.file}#${a.action}`)).map((a) => a.action);
  if (unused.length) console.info(`action table rows no page of this build uses: ${unused.join(", ")}`);
});

test("the session download /audit/export: 403 for the member, 200 for an auditor, sign-in when signed out", async ({ browser }) => {
  const before = await deniedBy(values.self!);
  const refused = await memberHttp.get("/audit/export?format=jsonl", { maxRedirects: 0 });
  expect(refused.status(), await refused.text()).toBe(403);
  expect(await deniedBy(values.self!), "the refused export is audited").toBe(before + 1);

  const auditor = await signedIn(browser, AUDITOR);
  const allowed = await auditor.request.get("/audit/export?format=jsonl&outcome=denied");
  expect(allowed.status()).toBe(200);
  const lines = (await allowed.text()).trim().split("\n");
  expect(lines.length).toBeGreaterThan(tally.denied);
  expect(JSON.parse(lines[0]!)).toHaveProperty("hash");

  // Signed out, the console sends the browser to sign-in before the route runs.
  const signedOut = await anonymous.get("/audit/export?format=jsonl", { maxRedirects: 0 });
  expect([307, 401], `signed out: ${signedOut.status()}`).toContain(signedOut.status());
  if (signedOut.status() === 307) expect(signedOut.headers().location).toContain("/login");
});

test.afterAll(() => {
  // The counts, for the record of a run.
  console.info(
    `console authorization: ${tally.manifest} server actions in the manifest; ${tally.denied} refused a viewer (denied event each), ` +
      `${tally.signIn} sent a signed-out caller to sign-in, ${tally.badCredential} refused a made-up credential; /audit/export 403/200/sign-in`,
  );
});

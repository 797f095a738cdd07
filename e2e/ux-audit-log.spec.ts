// The audit log as a transparency log, as an auditor uses it:
// the audit page shows the signed tree head and the public key, Verify log
// passes, and the CLI checks the live log against the server's checkpoint
// file and an export offline. Then, on an instance of its own on
// PostgreSQL, a database superuser edits one event with the append-only
// trigger disabled: Verify log in the console names that event, and so
// does `coffer audit verify`.
// Runs after first-run.spec.ts (name order), which creates the owner.
import { spawn, type ChildProcess } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createWriteStream, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from "@playwright/test";
import pg from "pg";
import { runBin } from "../packages/cli/src/test-support/run-bin";
import { serverProcess } from "../scripts/server-process.mjs";
import { Api, inviteMember, ownerApi, tokenFor } from "./support/console-actions";
import { ARTIFACTS, E2E_PORT } from "./support/instance";
import { OWNER } from "./support/owner";

const AUDITOR = { email: "iris@example.com", name: "Iris Auditor", password: "CANARY-pass-auditor-4d1f", role: "auditor", namespace: null };
const CHECKPOINT_FILE = join(ARTIFACTS, "audit-checkpoints.jsonl");

test.describe.configure({ mode: "serial" });

async function signIn(page: Page, email: string, password: string, name: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${name}` })).toBeVisible();
}

/** Runs Verify log from the audit page and waits for this run's verdict (not the last one's). */
async function verifyInConsole(page: Page) {
  await page.goto("/audit");
  const finished = page.getByTestId("verify-finished").locator("time");
  const before = (await finished.count()) ? await finished.getAttribute("datetime") : null;
  await page.getByRole("button", { name: "Verify log" }).click();
  await expect
    .poll(async () => ((await finished.count()) ? finished.getAttribute("datetime") : null), { timeout: 30_000 })
    .not.toBe(before);
  await expect(page.getByRole("button", { name: "Verify log" })).toBeEnabled();
  return page.getByTestId("verify-result");
}

test.describe("on the e2e instance", () => {
  let work: string;
  let owner: Api;
  let page: Page;
  let token: string;

  test.beforeAll(async ({ browser, playwright }) => {
    work = await mkdtemp(join(tmpdir(), "coffer-e2e-audit-log-"));
    const http = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${E2E_PORT}` });
    owner = await ownerApi(http);
    await inviteMember(owner, http, AUDITOR);
    token = await tokenFor(http, AUDITOR.email, AUDITOR.password);
    page = await browser.newPage();
    await signIn(page, AUDITOR.email, AUDITOR.password, AUDITOR.name);
  });
  test.afterAll(async () => {
    await page?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  test("an auditor sees the signed tree head and the public key, and Verify log passes", async () => {
    await page.goto("/audit");
    const panel = page.getByRole("region", { name: "Tamper check" });
    const head = panel.getByRole("region", { name: "Signed tree head" });
    await expect(head).toBeVisible();
    const latest = (await owner.get("/audit/checkpoints/latest")).checkpoint;
    const key = await owner.get("/audit/public-key");
    const shown = Number((await head.getByTestId("tree-size").textContent())!.replace(/\D/g, ""));
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(latest.size);
    await expect(head.getByTestId("tree-key-id")).toHaveText(key.keyId);
    await expect(head.getByTestId("tree-root")).toHaveAttribute("data-value", /^[A-Za-z0-9+/]{43}=$/);
    await expect(head.getByRole("button", { name: "Copy root hash" })).toBeVisible();

    // The public key sits in a disclosure, opened from the keyboard.
    const pem = panel.getByTestId("public-key-pem");
    const disclosure = panel.getByRole("button", { name: "Public key", exact: true });
    await expect(pem).toBeHidden();
    await expect(disclosure).toHaveAttribute("aria-expanded", "false");
    await disclosure.focus();
    await page.keyboard.press("Enter");
    await expect(disclosure).toHaveAttribute("aria-expanded", "true");
    await expect(pem).toHaveText(key.publicKeyPem.trim());
    await expect(panel.getByTestId("verifier-key")).toHaveText(key.verifierKey);
    await expect(panel.getByRole("button", { name: "Copy public key" })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("audit-tree-head.png") });

    const verdict = await verifyInConsole(page);
    await expect(verdict).toHaveAttribute("role", "status");
    await expect(verdict).toContainText(
      /^Log intact: [\d,]+ events match the signed tree, consistent with the checkpoint held outside the database/,
    );
  });

  test("the CLI checks the live log against the checkpoint file, and an export offline", async () => {
    const keyFile = join(work, "audit.pem");
    await writeFile(keyFile, (await owner.get("/audit/public-key")).publicKeyPem);
    const env = { HOME: work, COFFER_SERVER: `http://127.0.0.1:${E2E_PORT}`, COFFER_TOKEN: token };
    const live = await runBin(["audit", "verify", "--checkpoint", CHECKPOINT_FILE, "--public-key", keyFile], { cwd: work, env });
    expect(live.stderr).toBe("");
    expect(live.code).toBe(0);
    expect(live.stdout).toContain(`The server's tree is consistent with ${CHECKPOINT_FILE}.`);
    expect(live.stdout).toContain("Audit log intact");

    // The checkpoints first, the export after, so the export holds every event they sign.
    await copyFile(CHECKPOINT_FILE, join(work, "checkpoints.jsonl"));
    const exported = await runBin(["audit", "export", "--format", "jsonl", "-o", "audit.jsonl"], { cwd: work, env });
    expect(exported.code).toBe(0);
    const offline = ["audit", "verify", "--export", "audit.jsonl", "--checkpoint", "checkpoints.jsonl", "--public-key", "audit.pem"];
    // No server and no token: offline means offline.
    const passed = await runBin(offline, { cwd: work, env: { HOME: work } });
    expect(passed.stderr).toBe("");
    expect(passed.code).toBe(0);

    const lines = (await readFile(join(work, "audit.jsonl"), "utf8")).split("\n");
    const at = lines.findIndex((line) => line.includes('"action":"auth.login"') && !line.includes('"leafIndex":null'));
    const seq = JSON.parse(lines[at]!).seq as string;
    lines[at] = lines[at]!.replace('"outcome":"success"', '"outcome":"succes!"');
    await writeFile(join(work, "audit.jsonl"), lines.join("\n"));
    const failed = await runBin(offline, { cwd: work, env: { HOME: work } });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`Mismatch starts:    event #${seq}\nAudit log NOT intact: event #${seq} was changed: line ${at + 1}`);
  });
});

// A second Coffer on PostgreSQL, since the e2e instance's embedded database
// lives inside its process where no superuser can reach it.
test.describe("a superuser's edit, on an instance on PostgreSQL", () => {
  const PORT = E2E_PORT + 1;
  const ORIGIN = `http://127.0.0.1:${PORT}`;
  const DATABASE = `coffer_e2e_audit_log_${process.pid}`;
  const ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";
  const dir = join(ARTIFACTS, "audit-log-instance");
  let server: ChildProcess;
  let http: APIRequestContext;
  let owner: Api;
  let page: Page;

  async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
    const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:5432/${DATABASE}` });
    await client.connect();
    try {
      return (await client.query<T>(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  async function startServer() {
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${DATABASE}"`);
    await admin.query(`CREATE DATABASE "${DATABASE}"`);
    await admin.end();
    await mkdir(dir, { recursive: true });
    const logFile = join(dir, "server.log");
    const instance = serverProcess({
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${DATABASE}`,
      PORT: String(PORT),
      HOSTNAME: "127.0.0.1",
      COFFER_PUBLIC_URL: ORIGIN,
      COFFER_DATA_DIR: join(dir, "data"),
    });
    server = spawn(process.execPath, instance.args, { env: instance.env, stdio: ["ignore", "pipe", "pipe"] });
    const log = createWriteStream(logFile);
    server.stdout!.pipe(log);
    server.stderr!.pipe(log);
    for (let i = 0; i < 120; i++) {
      const up = await fetch(`${ORIGIN}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const setupToken = /enter this one-time setup token:\s+(\S+)/.exec(readFileSync(logFile, "utf8"))?.[1];
    expect(setupToken, "the second instance's setup token").toBeTruthy();
    return setupToken!;
  }

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    const setupToken = await startServer();
    http = await playwrightRequest.newContext({ baseURL: ORIGIN });
    const setup = await http.post("/api/v1/setup", {
      data: { token: setupToken, name: OWNER.name, email: OWNER.email, password: OWNER.password },
    });
    expect(setup.status(), await setup.text()).toBe(201);
    owner = new Api(http, await tokenFor(http, OWNER.email, OWNER.password));
    await inviteMember(owner, http, AUDITOR);
    const context = await browser.newContext({ baseURL: ORIGIN });
    page = await context.newPage();
    await signIn(page, AUDITOR.email, AUDITOR.password, AUDITOR.name);
  });
  test.afterAll(async () => {
    await page?.context().close();
    await http?.dispose();
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
    await admin.end();
  });

  test("Verify log names the event a superuser edited with the trigger disabled", async () => {
    await owner.post("/namespaces/default/secrets", { name: "ledger_pw", stringData: { value: "CANARY-audit-log-6a2c" } });
    await expect(await verifyInConsole(page)).toContainText(/^Log intact/);

    const [target] = await sql<{ seq: string }>(
      `SELECT "seq"::text AS "seq" FROM "AuditEvent" WHERE "action" = 'secret.create' AND "resourceName" = 'ledger_pw'`,
    );
    const sealed = await sql(`SELECT 1 FROM "AuditLeaf" WHERE "seq" = $1`, [target!.seq]);
    expect(sealed, "the event was sealed before the edit").toHaveLength(1);
    // What a superuser can do: switch the append-only trigger off for one statement.
    await sql(`
      BEGIN;
      ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_delete";
      UPDATE "AuditEvent" SET "details" = "details" || '{"version": 7}'::jsonb WHERE "seq" = ${Number(target!.seq)};
      ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_delete";
      COMMIT;`);

    const verdict = await verifyInConsole(page);
    await expect(verdict).toHaveAttribute("role", "alert");
    await expect(verdict.getByTestId("verify-problem")).toHaveText("An event was changed");
    const link = verdict.getByRole("link", { name: `event #${target!.seq}` });
    await expect(link).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("audit-tampered.png") });
    await link.click();
    await expect(page.getByRole("heading", { name: `Event #${target!.seq}`, level: 1 })).toBeVisible();
    await expect(page.getByTestId("event-details")).toContainText('"version": 7');

    const work = await mkdtemp(join(tmpdir(), "coffer-e2e-audit-log-cli-"));
    const cli = await runBin(["audit", "verify"], {
      cwd: work,
      env: { HOME: work, COFFER_SERVER: ORIGIN, COFFER_TOKEN: await tokenFor(http, AUDITOR.email, AUDITOR.password) },
    });
    await rm(work, { recursive: true, force: true });
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain(`Mismatch starts:    event #${target!.seq}\n`);
  });
});

// The setup of the `coffer agent` tests: a server for the file, and for every
// test a temporary directory, two secrets, the service "db" and its token
// file. Each test file calls registerAgentHooks() once; the bindings below
// are live, so they always name the current test's directory and server.
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { db } from "../../lib/db/client";
import { run } from "../../packages/cli/src/run";
import { memoryContext } from "../../packages/cli/src/test-support/memory-context";
import { runCli } from "../../packages/cli/src/test-support/run-cli";
import { clearSecretsAndServices, type CofferServer, revokeServiceTokens, startCoffer } from "./cli-server";

export const ROOT = process.getuid?.() === 0;
export const PW1 = "CANARY-agent-pw-1";
export const PW2 = "CANARY-agent-pw-2";

export let server: CofferServer;
export let dir: string;
export let out: string;
export let tokenFile: string;

export const cli = (argv: string[], options: Parameters<typeof runCli>[1] = {}) => runCli(argv, { server, cwd: dir, ...options });
export const agentArgs = (...extra: string[]) => ["agent", "--server", server.url, "--token-file", tokenFile, "--dir", out, ...extra];
export const agent = (...extra: string[]) => cli(agentArgs(...extra));
export const bind = (...specs: string[]) => cli(["service", "update", "db", ...specs.flatMap((s) => ["--secret-add", s])]);
export const unbind = (...items: string[]) => cli(["service", "update", "db", ...items.flatMap((s) => ["--secret-rm", s])]);
export const mode = async (path: string) => (await stat(join(out, path))).mode & 0o777;
export const content = (path: string) => readFile(join(out, path), "utf8");
/** The log without the warnings a non-root run adds for uid/gid it cannot apply. */
export const changes = (stderr: string) => stderr.replace(/^warning: not running as root: .*\n/gm, "");
export const manifest = async () => JSON.parse(await readFile(join(out, ".coffer-agent.json"), "utf8"));

/** Starts `coffer agent --watch` in-process; its stderr can be read while it runs. */
export function watchAgent(...extra: string[]) {
  const memory = memoryContext({ cwd: dir, env: {} });
  const exit = run(agentArgs("--watch", "--interval", "0.05", ...extra), memory.ctx);
  return { exit, stderr: memory.stderr };
}

export async function until(check: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function revokeAll() {
  await revokeServiceTokens(server, "default", "db");
}

/** Stores new data for a secret as its next version, as its owner would (`coffer secret rotate`). */
export async function rotate(name: string, data: Record<string, string | Buffer>) {
  const body = { data: Object.fromEntries(Object.entries(data).map(([key, value]) => [key, Buffer.from(value).toString("base64")])) };
  const response = await fetch(`${server.url}/api/v1/namespaces/default/secrets/${name}/versions`, {
    method: "POST",
    headers: { authorization: `Bearer ${server.token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`rotating ${name}: ${response.status} ${await response.text()}`);
}

/** A URL nothing listens on: a server that went away. */
export async function unreachableUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/**
 * Makes the audit trail refuse the server's read events, as a full disk or a
 * lost connection would: the product must then deliver nothing (503).
 */
export async function auditTrailDown(down: boolean) {
  if (down)
    await db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ADD CONSTRAINT "cli_test_audit_down" CHECK ("action" <> 'secret.read') NOT VALID`);
  else await db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DROP CONSTRAINT "cli_test_audit_down"`);
}

/** Runtime fetches the server answered with secrets (each one a read in the audit trail). */
export const deliveries = () => server.requests.filter((r) => r.url === "/api/v1/runtime/secrets" && r.status === 200).length;

/** The hooks of an agent test file: one server, and a fresh directory, secrets and service token for every test. */
export function registerAgentHooks(): void {
  beforeAll(async () => {
    server = await startCoffer();
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    await clearSecretsAndServices();
    dir = await mkdtemp(join(tmpdir(), "coffer-agent-"));
    out = join(dir, "secrets");
    await cli(["secret", "create", "db_pw", "-"], { stdin: PW1 });
    await cli(["secret", "create", "tls", "--from-literal", "tls.crt=CERT", "--from-literal", "tls.key=CANARY-agent-key"]);
    await cli(["service", "create", "db"]);
    const token = await cli(["service", "token", "create", "db"]);
    tokenFile = join(dir, "db.token");
    await writeFile(tokenFile, token.stdout, { mode: 0o600 });
    server.requests.length = 0;
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
}

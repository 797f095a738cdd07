// The setup of the secret commands' tests: one server and owner for the
// file, a directory of input files, and no secrets or services at the start
// of every test. Each test file calls registerSecretCommandHooks() once; the
// bindings below are live, so they name the file's server and directory.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { db } from "../../lib/db/client";
import { runCli } from "../../packages/cli/src/test-support/run-cli";
import { ensureNamespace } from "../support/factories";
import { CANARY } from "../support/leak-canary";
import { type CofferServer, startCoffer, twoMinutesOn } from "./cli-server";

export let server: CofferServer;
export let dir: string;
export const BINARY = Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0a, 0xc3, 0x28]); // not valid UTF-8

/** The hooks of a secret commands test file. */
export function registerSecretCommandHooks(): void {
  beforeAll(async () => {
    await ensureNamespace("ops");
    await ensureNamespace("dev");
    server = await startCoffer();
    dir = await mkdtemp(join(tmpdir(), "coffer-cli-cmd-"));
    await writeFile(join(dir, "blob.bin"), BINARY);
    // Whole PEM blocks: the server checks a kubernetes.io/tls secret holds them.
    await writeFile(join(dir, "cert.pem"), "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
    await writeFile(join(dir, "key.pem"), `-----BEGIN PRIVATE KEY-----\n${CANARY}\n-----END PRIVATE KEY-----\n`);
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });
  // One server and owner for the file; every test starts from no secrets and no services.
  beforeEach(async () => {
    await db.$executeRawUnsafe(`DELETE FROM "SecretBinding"`);
    await db.$executeRawUnsafe(`DELETE FROM "Service"`);
    await db.$executeRawUnsafe(`DELETE FROM "Secret"`);
    server.requests.length = 0;
  });
}

export const cli = (argv: string[], options: Parameters<typeof runCli>[1] = {}) =>
  runCli(argv, { server, cwd: dir, now: twoMinutesOn(), ...options });
export const lastRequest = () => server.requests.at(-1)!;

/** Three secrets, two of them labelled; the requests that made them are forgotten. */
export async function seed() {
  await cli(["secret", "create", "mysql_root_password", "-", "-l", "env=prod"], { stdin: "x" });
  await cli(["secret", "create", "mysql_password", "-", "-l", "env=dev", "-l", "team=db"], { stdin: "yy" });
  await cli(["secret", "create", "api_key", "-"], { stdin: "zzz" });
  server.requests.length = 0;
}

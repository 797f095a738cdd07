// `coffer kms-plugin` as a kube-apiserver meets it: the real CLI (bin/coffer.mjs)
// serving KMS v2 on a unix socket, driven by a stock grpc-js client that loads
// the upstream api.proto from disk, with the product's routes behind it.
import { lstat, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../lib/auth/actor";
import { db } from "../../lib/db/client";
import { createIntegration } from "../../lib/integrations/create-integration";
import { flushKmsUsage } from "../../lib/integrations/kms/kms-usage";
import { revokeIntegration } from "../../lib/integrations/revoke-integration";
import { processKeyring } from "../../lib/keys/process-keyring";
import { createNamespace } from "../../lib/namespaces/create-namespace";
import { runBin, startBin } from "../../packages/cli/src/test-support/run-bin";
import { until } from "./agent-fixture";
import { startCoffer, type CofferServer } from "./cli-server";

const PROTO = join(process.cwd(), "packages/contracts/src/kms/api.proto");
const SEED = Buffer.from("CANARY-kms-plugin-seed-0123456789");
const system = systemActor();

type KmsClient = grpc.Client &
  Record<"Status" | "Encrypt" | "Decrypt", (request: object, callback: (error: grpc.ServiceError | null, answer: never) => void) => void>;

let server: CofferServer;
let dir: string;
let socket: string;
let tokenFile: string;
let plugin: ReturnType<typeof startBin>;
let client: KmsClient;

function stockClient(path: string): KmsClient {
  const definition = protoLoader.loadSync(PROTO, { keepCase: true, defaults: true });
  const v2 = grpc.loadPackageDefinition(definition).v2 as unknown as Record<string, typeof grpc.Client>;
  return new v2.KeyManagementService!(`unix://${path}`, grpc.credentials.createInsecure()) as KmsClient;
}

function ask<T>(method: "Status" | "Encrypt" | "Decrypt", request: object, to = client): Promise<T> {
  return new Promise((resolve, reject) => to[method](request, (error, answer) => (error ? reject(error) : resolve(answer as T))));
}

async function refusal(method: "Status" | "Encrypt" | "Decrypt", request: object, to = client): Promise<grpc.ServiceError> {
  const error = await ask(method, request, to).then(
    () => null,
    (failed: grpc.ServiceError) => failed,
  );
  expect(error, `${method} should fail`).not.toBeNull();
  return error!;
}

async function integrationToken(name: string): Promise<string> {
  return (await createIntegration(system, "cluster", { kind: "kubernetes-kms", name })).token;
}

async function startPlugin(file: string, path: string) {
  const started = startBin(["kms-plugin", "--server", server.url, "--token-file", file, "--socket", path]);
  await until(() => started.output.stderr.includes("serving KMS v2") || started.child.exitCode !== null, "the plugin to listen", 20_000);
  return started;
}

beforeAll(async () => {
  server = await startCoffer();
  await createNamespace(system, { name: "cluster" });
  // Short: a unix socket path is limited to about 100 bytes.
  dir = await mkdtemp(join(tmpdir(), "ckms-"));
  socket = join(dir, "kms.sock");
  tokenFile = join(dir, "kms.token");
  await writeFile(tokenFile, `${await integrationToken("prod-apiserver")}\n`, { mode: 0o600 });
  plugin = await startPlugin(tokenFile, socket);
  client = stockClient(socket);
}, 60_000);

afterAll(async () => {
  client?.close();
  plugin?.child.kill("SIGTERM");
  await plugin?.exit;
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

type Encrypted = { ciphertext: Buffer; key_id: string; annotations: Record<string, Buffer> };

describe("coffer kms-plugin", () => {
  it("serves on a socket only its owner can use", async () => {
    expect(plugin.output.stderr).toContain(`serving KMS v2 on unix://${socket}`);
    const info = await lstat(socket);
    expect(info.isSocket()).toBe(true);
    expect(info.mode & 0o777).toBe(0o600);
  });

  it("reports healthz ok and the keyring's primary as the key id", async () => {
    expect(await ask("Status", {})).toEqual({ version: "v2", healthz: "ok", key_id: processKeyring().keyring.primary });
  });

  it("encrypts and decrypts a DEK seed through the Coffer server", async () => {
    const sealed = await ask<Encrypted>("Encrypt", { plaintext: SEED, uid: "4a3b9c2e-uid" });
    expect(sealed.key_id).toBe(processKeyring().keyring.primary);
    expect(sealed.ciphertext.includes(SEED)).toBe(false);
    expect(sealed.ciphertext.length).toBeLessThan(1024);
    const opened = await ask<{ plaintext: Buffer }>("Decrypt", {
      ciphertext: sealed.ciphertext,
      key_id: sealed.key_id,
      uid: "5d6e",
      annotations: sealed.annotations,
    });
    expect(Buffer.from(opened.plaintext).equals(SEED)).toBe(true);
    // The server did the work, and the plugin logged the calls without their data.
    expect(server.requests.some((r) => r.url === "/api/v1/integrations/kubernetes-kms/encrypt" && r.status === 200)).toBe(true);
    expect(plugin.output.stderr).toMatch(/Encrypt uid=4a3b9c2e-uid key_id=\S+\n/);
    expect(plugin.output.stderr).not.toContain("CANARY");
  });

  it("refuses an altered ciphertext with a gRPC error and no plaintext", async () => {
    const sealed = await ask<Encrypted>("Encrypt", { plaintext: SEED, uid: "u1" });
    const altered = Buffer.from(sealed.ciphertext);
    altered[altered.length - 1]! ^= 0x80;
    const error = await refusal("Decrypt", { ciphertext: altered, key_id: sealed.key_id, uid: "u2" });
    expect(error.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(error.details).toMatch(/integrity check failed/);
    expect(error.message).not.toContain("CANARY");
    expect(plugin.output.stderr).toMatch(/Decrypt uid=u2 failed: INVALID_ARGUMENT .*integrity check failed/);
  });

  it("refuses a key id Coffer does not have", async () => {
    const sealed = await ask<Encrypted>("Encrypt", { plaintext: SEED, uid: "u3" });
    const error = await refusal("Decrypt", {
      ciphertext: sealed.ciphertext,
      key_id: "projects/p/locations/l/keyRings/r/cryptoKeys/k",
      uid: "u4",
    });
    expect(error.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(error.details).toMatch(/^Coffer server: unknown key id 'projects\/p\/locations\/l\/keyRings\/r\/cryptoKeys\/k'/);
  });

  it("counts its calls into the integration's per-minute audit event", async () => {
    await flushKmsUsage({ all: true });
    const events = await db.auditEvent.findMany({ where: { action: "integration.kms_usage", resourceName: "prod-apiserver" } });
    const total = events.reduce((sum, e) => sum + Number((e.details as { encrypt: number }).encrypt), 0);
    expect(total).toBeGreaterThanOrEqual(3);
  });

  it("answers UNAUTHENTICATED once its integration is revoked", async () => {
    const file = join(dir, "revoked.token");
    await writeFile(file, await integrationToken("revoked-apiserver"), { mode: 0o600 });
    const path = join(dir, "revoked.sock");
    const second = await startPlugin(file, path);
    const other = stockClient(path);
    try {
      const sealed = await ask<Encrypted>("Encrypt", { plaintext: SEED, uid: "u5" }, other);
      const row = await db.integration.findFirstOrThrow({ where: { name: "revoked-apiserver" } });
      await revokeIntegration(system, "cluster", row.id);
      const error = await refusal("Decrypt", { ciphertext: sealed.ciphertext, key_id: sealed.key_id, uid: "u6" }, other);
      expect(error.code).toBe(grpc.status.UNAUTHENTICATED);
      expect(error.details).toBe("Coffer server: the integration token is revoked");
    } finally {
      other.close();
      second.child.kill("SIGTERM");
    }
    expect(await second.exit).toEqual({ code: 0, signal: null });
    // It removes its socket when it stops.
    await expect(stat(path)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("does not start with a refused token, or on a socket another process answers", async () => {
    const file = join(dir, "invented.token");
    await writeFile(file, "cfi_invented", { mode: 0o600 });
    const refused = await runBin(["kms-plugin", "--server", server.url, "--token-file", file, "--socket", join(dir, "x.sock")]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/the integration token is unknown/);

    const busy = await runBin(["kms-plugin", "--server", server.url, "--token-file", tokenFile, "--socket", socket]);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/another plugin is answering on/);
    expect((await ask<{ healthz: string }>("Status", {})).healthz).toBe("ok");
  });

  it("replaces a stale socket that nothing answers on", async () => {
    const path = join(dir, "stale.sock");
    // A crashed plugin leaves its socket file behind: a listener killed with SIGKILL does.
    const crashed = spawn(process.execPath, ["-e", `require("node:net").createServer().listen(${JSON.stringify(path)})`]);
    await until(
      () =>
        lstat(path).then(
          () => true,
          () => false,
        ),
      "the doomed listener's socket",
    );
    crashed.kill("SIGKILL");
    await once(crashed, "exit");
    expect((await lstat(path)).isSocket()).toBe(true);
    const revived = await startPlugin(tokenFile, path);
    const other = stockClient(path);
    try {
      expect((await ask<{ healthz: string }>("Status", {}, other)).healthz).toBe("ok");
    } finally {
      other.close();
      revived.child.kill("SIGTERM");
      await revived.exit;
    }
  });
});

// Start-up asks each KMS key's plugin for its Status and refuses to start,
// with one line naming the key and the socket, when the plugin is down or
// unhealthy: otherwise the first secret read would be the one to fail.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startLocalKms } from "../crypto";
import { StartupError } from "../errors";
import { preflight } from "../instance/preflight";
import { setProcessKeyring } from "./process-keyring";

const dir = mkdtempSync(join(tmpdir(), "coffer-preflight-kms-"));
const socketPath = join(dir, "kms.sock");
const keyringFile = join(dir, "keyring.json");
writeFileSync(keyringFile, JSON.stringify({ keys: [{ name: "kms1", kms: { socket: socketPath } }] }));

async function startWith(env: Record<string, string>): Promise<unknown> {
  return preflight({ COFFER_DATA_DIR: join(dir, "data"), ...env }).then(
    () => null,
    (error: unknown) => error,
  );
}

afterAll(() => {
  setProcessKeyring(undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe("preflight's KMS check", () => {
  it("refuses to start while the plugin is down or unhealthy, and starts once it answers ok", { timeout: 120_000 }, async () => {
    const down = await startWith({ COFFER_KEYRING_FILE: keyringFile });
    expect(down).toBeInstanceOf(StartupError);
    expect((down as Error).message).toMatch(
      new RegExp(`^COFFER_KEYRING_FILE: KMS provider "kms1" at ${socketPath} is unavailable: Status: [^\\n]*ENOENT[^\\n]*$`),
    );

    const kms = await startLocalKms({ socketPath, key: randomBytes(32) });
    try {
      kms.setHealthz("starting");
      const unhealthy = await startWith({ COFFER_KEYRING_FILE: keyringFile });
      expect(unhealthy).toBeInstanceOf(StartupError);
      expect((unhealthy as Error).message).toBe(
        `COFFER_KEYRING_FILE: KMS provider "kms1" failed: Status at ${socketPath}: healthz is "starting", not "ok"`,
      );

      kms.setHealthz("ok");
      expect(await startWith({ COFFER_KEYRING_FILE: keyringFile })).toBeNull();
    } finally {
      await kms.close();
    }
  });
});

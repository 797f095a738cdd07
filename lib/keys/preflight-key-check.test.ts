// Start-up refuses a keyring that lacks a key the stored data still uses,
// with one line naming the setting, the key and the count.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { connect } from "../db/client";
import { StartupError } from "../errors";
import { preflight } from "../instance/preflight";
import { setProcessKeyring } from "./process-keyring";

const dir = mkdtempSync(join(tmpdir(), "coffer-preflight-keys-"));
const dataDir = join(dir, "data");
const secrets = new Map<string, string>();

function keyringFile(...names: string[]): string {
  const path = join(dir, `keyring-${names.join("-")}.json`);
  const keys = names.map((name) => {
    if (!secrets.has(name)) secrets.set(name, randomBytes(32).toString("base64"));
    return { name, secret: secrets.get(name)! };
  });
  writeFileSync(path, JSON.stringify({ keys }));
  return path;
}

async function startWith(env: Record<string, string>): Promise<unknown> {
  return preflight({ COFFER_DATA_DIR: dataDir, ...env }).then(
    () => null,
    (error: unknown) => error,
  );
}

/** Two versions wrapped (in name only: the check reads key names) by `kekName`. */
async function storeVersions(kekName: string) {
  const connection = connect({ dataDir });
  try {
    for (const [i, id] of ["a", "b"].entries()) {
      const secretId = id.repeat(25);
      await connection.prisma.secret.create({ data: { id: secretId, namespaceId: "ns_default", name: `s-${id}`, currentVersion: 1 } });
      const bytes = new Uint8Array(16);
      await connection.prisma.secretVersion.create({
        data: { id: `sv_${i}`, secretId, version: 1, ciphertext: bytes, nonce: bytes, wrappedDek: bytes, kekName, keys: [], sizeBytes: 0 },
      });
    }
  } finally {
    await connection.close();
  }
}

afterAll(() => {
  setProcessKeyring(undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe("preflight's key check", () => {
  it("starts, then refuses a keyring without a key in use, and starts again once it is back", { timeout: 120_000 }, async () => {
    expect(await startWith({ COFFER_KEYRING_FILE: keyringFile("key1") })).toBeNull();
    await storeVersions("key1");

    const refused = await startWith({ COFFER_KEYRING_FILE: keyringFile("key2") });
    expect(refused).toBeInstanceOf(StartupError);
    expect((refused as Error).message).toBe(
      'COFFER_KEYRING_FILE: key "key1" was removed but 2 secret versions still use it; put it back (after the new primary key) and run the re-wrap first',
    );

    expect(await startWith({ COFFER_KEYRING_FILE: keyringFile("key2", "key1") })).toBeNull();
  });

  it("names the generated key file when no key is configured", { timeout: 120_000 }, async () => {
    const refused = await startWith({});
    expect(refused).toBeInstanceOf(StartupError);
    expect((refused as Error).message).toBe(
      `${join(dir, "master.key")}: key "key1" was removed but 2 secret versions still use it; put it back (after the new primary key) and run the re-wrap first`,
    );
  });

  it("turns a bad keyring setting into one line naming the variable", { timeout: 120_000 }, async () => {
    const refused = await startWith({ COFFER_KEYRING_FILE: join(dir, "missing.json") });
    expect(refused).toBeInstanceOf(StartupError);
    expect((refused as Error).message).toBe(`COFFER_KEYRING_FILE: cannot read ${join(dir, "missing.json")} (ENOENT)`);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../config/env";
import { db } from "../db/client";
import { StartupError } from "../errors";
import { assertKeyringCoversData } from "./assert-keyring-covers-data";
import { checkKeysAtStartup } from "./check-keys-at-startup";
import { keyUsage } from "./key-usage";
import { processKeyring, setProcessKeyring } from "./process-keyring";
import { createSealedVersions, localKeyring } from "./test-support/sealed-versions";

const dirs: string[] = [];
const tempDir = () => {
  dirs.push(mkdtempSync(join(tmpdir(), "coffer-keys-")));
  return dirs.at(-1)!;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function startupError(check: Promise<unknown>): Promise<StartupError> {
  const error = await check.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof StartupError)) throw new Error(`expected a StartupError, got ${String(error)}`);
  return error;
}

describe("key usage", () => {
  afterEach(() => setProcessKeyring(undefined));

  it("lists every keyring key, primary first, and every key the data names", async () => {
    await createSealedVersions(localKeyring("old"), 3, "old");
    await createSealedVersions(localKeyring("key1"), 2, "one");
    const usage = await keyUsage(db, localKeyring("key2", "key1").keyring);
    expect(usage).toEqual([
      { kekName: "key2", versions: 0, totpSecrets: 0, inKeyring: true, primary: true },
      { kekName: "key1", versions: 2, totpSecrets: 0, inKeyring: true, primary: false },
      { kekName: "old", versions: 3, totpSecrets: 0, inKeyring: false, primary: false },
    ]);
  });

  it("uses the process keyring by default", async () => {
    setProcessKeyring(localKeyring("key1"));
    expect((await keyUsage()).map((k) => [k.kekName, k.versions, k.primary])).toEqual([
      ["key1", 2, true],
      ["old", 3, false],
    ]);
  });
});

describe("the start-up key check", () => {
  afterEach(() => setProcessKeyring(undefined));

  it("names the removed key, the count and the setting in one line", async () => {
    const error = await startupError(assertKeyringCoversData(localKeyring("key2", "key1")));
    expect(error.message).toBe(
      'COFFER_KEYRING_FILE: key "old" was removed but 3 secret versions still use it; put it back (after the new primary key) and run the re-wrap first',
    );
  });

  it("lists every removed key and names the master key setting", async () => {
    const master = { ...localKeyring("master"), source: "master-key" as const };
    const error = await startupError(assertKeyringCoversData(master));
    expect(error.message).toMatch(/^COFFER_MASTER_KEY: keys "key1" \(2 secret versions\), "old" \(3 secret versions\) were removed/);
    expect(error.message).not.toContain("\n");
  });

  it("names the generated key file when no key is configured", async () => {
    const generated = { ...localKeyring("master"), source: "generated" as const, generatedPath: "/data/.coffer/master.key" };
    const error = await startupError(assertKeyringCoversData(generated));
    expect(error.message.startsWith("/data/.coffer/master.key: keys ")).toBe(true);
  });

  it("passes when the keyring holds every key in use", async () => {
    await assertKeyringCoversData(localKeyring("key2", "key1", "old"));
  });

  it("loads the keyring from the configuration and makes it the process keyring", async () => {
    const dir = tempDir();
    const file = join(dir, "keyring.json");
    const secret = Buffer.alloc(32, 7).toString("base64");
    writeFileSync(file, JSON.stringify({ keys: ["new", "key1", "old"].map((name) => ({ name, secret })) }));
    const cfg = parseConfig({ COFFER_KEYRING_FILE: file, COFFER_DATA_DIR: join(dir, "data") });
    const loaded = await checkKeysAtStartup(cfg);
    expect(loaded.keyring.names).toEqual(["new", "key1", "old"]);
    expect(processKeyring()).toBe(loaded);
  });

  it("turns a bad keyring setting into a one-line StartupError", async () => {
    const dir = tempDir();
    const cfg = parseConfig({ COFFER_KEYRING_FILE: join(dir, "missing.json"), COFFER_DATA_DIR: join(dir, "data") });
    const error = await startupError(checkKeysAtStartup(cfg));
    expect(error.message).toMatch(/^COFFER_KEYRING_FILE: cannot read .*missing\.json \(ENOENT\)$/);
  });

  it("refuses to start without a key the data still uses", async () => {
    const dir = tempDir();
    const cfg = parseConfig({ COFFER_MASTER_KEY: Buffer.alloc(32, 9).toString("base64"), COFFER_DATA_DIR: join(dir, "data") });
    const error = await startupError(checkKeysAtStartup(cfg));
    expect(error.message).toMatch(/^COFFER_MASTER_KEY: keys "key1" \(2 secret versions\), "old" \(3 secret versions\)/);
    expect(error.message).not.toContain(Buffer.alloc(32, 9).toString("base64"));
  });
});

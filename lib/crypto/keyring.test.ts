import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { decryptVersion, encryptVersion } from "./envelope";
import { IntegrityError, KeyringError, UnknownKeyError } from "./errors";
import { LocalKeyProvider } from "./key-provider";
import { createKeyring, loadKeyring, type LoadKeyringOptions } from "./keyring";
import { KmsKeyProvider } from "./kms";
import { assertNoLeak, CANARY } from "../../tests/support/leak-canary";

const tempDir = () => mkdtempSync(join(tmpdir(), "coffer-keyring-"));
const b64 = (bytes: Buffer) => bytes.toString("base64");
const row = { secretId: "k3j9x0p2m4q8r1t6v5w7y2z0a", version: 1 };
const plaintext = Buffer.from(CANARY);

function keyringFile(content: unknown): string {
  const path = join(tempDir(), "keyring.json");
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

function keyringError(options: Partial<LoadKeyringOptions>): KeyringError {
  try {
    loadKeyring({ stateDir: tempDir(), ...options });
  } catch (error) {
    if (error instanceof KeyringError) return error;
    throw error;
  }
  throw new Error("expected a KeyringError");
}

/** A one-line error naming the variable and showing none of the secrets. */
function expectConfigError(error: KeyringError, variable: string, ...secrets: (string | Buffer)[]) {
  expect(error.variable).toBe(variable);
  expect(error.message.startsWith(`${variable}: `)).toBe(true);
  expect(error.message).not.toContain("\n");
  assertNoLeak(error, CANARY, ...secrets);
}

describe("createKeyring", () => {
  const key1 = randomBytes(32);
  const key2 = randomBytes(32);

  it("wraps with the first key and unwraps with any", async () => {
    const keyring = createKeyring([new LocalKeyProvider("key2", key2), new LocalKeyProvider("key1", key1)]);
    expect(keyring.primary).toBe("key2");
    expect(keyring.names).toEqual(["key2", "key1"]);
    const aad = Buffer.from("aad");
    const wrapped = await new LocalKeyProvider("key1", key1).wrap(Buffer.from("dek"), aad);
    expect((await keyring.unwrap("key1", wrapped, aad)).toString()).toBe("dek");
    await expect(keyring.unwrap("key2", wrapped, aad)).rejects.toThrow(IntegrityError);
    await expect(keyring.unwrap("key1", wrapped, Buffer.from("other"))).rejects.toThrow(IntegrityError);
    await expect(keyring.wrap("key3", Buffer.from("dek"), aad)).rejects.toThrow(UnknownKeyError);
  });

  it("refuses an empty keyring, duplicate names and short keys", () => {
    expect(() => createKeyring([])).toThrow(RangeError);
    expect(() => createKeyring([new LocalKeyProvider("a", key1), new LocalKeyProvider("a", key2)])).toThrow(RangeError);
    expect(() => new LocalKeyProvider("a", randomBytes(16))).toThrow(RangeError);
  });

  it("never prints a key when a keyring or provider is logged", () => {
    const keyring = createKeyring([new LocalKeyProvider("key1", key1)]);
    for (const value of [keyring, new LocalKeyProvider("key1", key1)]) {
      const printed = `${inspect(value, { showHidden: true, depth: 9 })}${JSON.stringify(value)}`;
      expect(printed).not.toContain(key1.toString("hex"));
      expect(printed).not.toContain(b64(key1));
    }
  });
});

describe("loadKeyring from COFFER_KEYRING_FILE", () => {
  const key1 = randomBytes(32);
  const key2 = randomBytes(32);

  it("loads the keys in order, the first as primary, a kms entry as a KMS provider", async () => {
    const file = keyringFile({
      keys: [
        { name: "key2", secret: b64(key2) },
        { name: "key1", secret: `${b64(key1)}\n` },
        { name: "kms1", kms: { socket: "/run/coffer/kms.sock", timeoutMs: 2000 } },
      ],
    });
    const { keyring, source, generatedPath } = loadKeyring({ keyringFile: file, stateDir: tempDir() });
    expect(source).toBe("keyring-file");
    expect(generatedPath).toBeUndefined();
    expect(keyring.names).toEqual(["key2", "key1", "kms1"]);
    const sealed = await encryptVersion(keyring, { ...row, plaintext });
    expect(sealed.kekName).toBe("key2");
    const justKey2 = createKeyring([new LocalKeyProvider("key2", key2)]);
    expect(await decryptVersion(justKey2, { ...row, ...sealed })).toEqual(plaintext);
  });

  it.each([
    ["a missing file", () => "/nonexistent/keyring.json", /cannot read \/nonexistent\/keyring\.json/],
    ["bad JSON", () => keyringFile(`{"keys":[{"name":"k","secret":"${CANARY}`), /is not valid JSON$/],
    ["no keys list", () => keyringFile({ key: [] }), /"keys" list/],
    ["an empty keys list", () => keyringFile({ keys: [] }), /at least one key/],
    ["a bad name", () => keyringFile({ keys: [{ name: CANARY, secret: b64(key1) }] }), /keys\[0\]\.name must be/],
    [
      "duplicate names",
      () =>
        keyringFile({
          keys: [
            { name: "k", secret: b64(key1) },
            { name: "k", secret: b64(key2) },
          ],
        }),
      /key "k" is listed twice/,
    ],
    [
      "a 16-byte key",
      () => keyringFile({ keys: [{ name: "x", secret: b64(key1.subarray(0, 16)) }] }),
      /key "x" must be 32 bytes of base64$/,
    ],
    ["a key that is not base64", () => keyringFile({ keys: [{ name: "x", secret: `${CANARY}!` }] }), /"x" must be 32 bytes/],
    ["neither secret nor kms", () => keyringFile({ keys: [{ name: "x" }] }), /either "secret" or "kms"/],
    [
      "both secret and kms",
      () => keyringFile({ keys: [{ name: "x", secret: b64(key1), kms: { socket: "/s" } }] }),
      /either "secret" or "kms"/,
    ],
    ["a misspelt field", () => keyringFile({ keys: [{ name: "x", secert: b64(key1) }] }), /unknown field "secert"/],
    ["a kms entry without socket", () => keyringFile({ keys: [{ name: "x", kms: {} }] }), /kms\.socket must be a path/],
  ])("refuses %s in one line naming COFFER_KEYRING_FILE", (_, file, message) => {
    const error = keyringError({ keyringFile: file() });
    expectConfigError(error, "COFFER_KEYRING_FILE", key1, key2, key1.subarray(0, 16));
    expect(error.message).toMatch(message);
  });

  it("refuses a keyring file together with a master key", () => {
    const file = keyringFile({ keys: [{ name: "k", secret: b64(key1) }] });
    const error = keyringError({ keyringFile: file, masterKey: b64(key2) });
    expectConfigError(error, "COFFER_KEYRING_FILE", key1, key2);
  });
});

describe("loadKeyring from COFFER_MASTER_KEY[_FILE]", () => {
  const key = randomBytes(32);

  it("makes a one-key keyring named master from the variable or its file twin", async () => {
    const file = join(tempDir(), "master");
    writeFileSync(file, `${b64(key)}\n`);
    const fromVariable = loadKeyring({ masterKey: b64(key), stateDir: tempDir() });
    const fromFile = loadKeyring({ masterKeyFile: file, stateDir: tempDir() });
    for (const loaded of [fromVariable, fromFile]) {
      expect(loaded.source).toBe("master-key");
      expect(loaded.keyring.names).toEqual(["master"]);
    }
    const sealed = await encryptVersion(fromVariable.keyring, { ...row, plaintext });
    expect(await decryptVersion(fromFile.keyring, { ...row, ...sealed })).toEqual(plaintext);
  });

  it("treats empty strings as unset", () => {
    expect(loadKeyring({ keyringFile: "", masterKey: b64(key), masterKeyFile: "", stateDir: tempDir() }).source).toBe("master-key");
  });

  it("refuses a wrong-length or non-base64 key without echoing it", () => {
    const short = b64(key.subarray(0, 31));
    expectConfigError(keyringError({ masterKey: short }), "COFFER_MASTER_KEY", key.subarray(0, 31), short);
    expectConfigError(keyringError({ masterKey: `${b64(key)}${CANARY}` }), "COFFER_MASTER_KEY", key);
  });

  it("refuses an unreadable or malformed file twin, naming it", () => {
    expectConfigError(keyringError({ masterKeyFile: "/nonexistent/master" }), "COFFER_MASTER_KEY_FILE");
    const file = join(tempDir(), "master");
    writeFileSync(file, CANARY);
    expectConfigError(keyringError({ masterKeyFile: file }), "COFFER_MASTER_KEY_FILE");
  });

  it("refuses both the variable and its file twin", () => {
    const file = join(tempDir(), "master");
    writeFileSync(file, b64(key));
    expectConfigError(keyringError({ masterKey: b64(key), masterKeyFile: file }), "COFFER_MASTER_KEY_FILE", key);
  });
});

describe("loadKeyring with nothing configured", () => {
  it("generates <stateDir>/master.key with mode 0600 on first start and reuses it", async () => {
    const stateDir = join(tempDir(), "not", "yet", "there");
    const first = loadKeyring({ stateDir });
    expect(first.source).toBe("generated");
    expect(first.generatedPath).toBe(join(stateDir, "master.key"));
    expect(statSync(first.generatedPath!).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(first.generatedPath!, "utf8"), "base64")).toHaveLength(32);

    const sealed = await encryptVersion(first.keyring, { ...row, plaintext });
    const second = loadKeyring({ stateDir });
    expect(second.source).toBe("generated");
    expect(second.generatedPath).toBe(first.generatedPath);
    expect(await decryptVersion(second.keyring, { ...row, ...sealed })).toEqual(plaintext);
  });

  it("refuses a damaged master.key rather than replace it", () => {
    const stateDir = tempDir();
    writeFileSync(join(stateDir, "master.key"), CANARY);
    const error = keyringError({ stateDir });
    expect(error.message).toMatch(/master\.key: is not 32 bytes of base64/);
    assertNoLeak(error, CANARY);
    expect(readFileSync(join(stateDir, "master.key"), "utf8")).toBe(CANARY);
  });
});

describe("a kms keyring entry", () => {
  it("becomes a KmsKeyProvider on the given socket", () => {
    const file = keyringFile({ keys: [{ name: "kms1", kms: { socket: "/run/kms.sock" } }] });
    const { keyring } = loadKeyring({ keyringFile: file, stateDir: tempDir() });
    expect(keyring.primary).toBe("kms1");
    expect(new KmsKeyProvider("kms1", "/run/kms.sock").timeoutMs).toBe(5000);
  });
});

import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptVersion, encryptVersion, rewrapDek, type SealedVersion } from "./envelope";
import { DecryptionError, UnknownKeyError } from "./errors";
import { LocalKeyProvider, type KeyProvider } from "./key-provider";
import { createKeyring } from "./keyring";
import { assertNoLeak, CANARY } from "../../tests/support/leak-canary";

const key1 = randomBytes(32);
const key2 = randomBytes(32);
const local = (name: string, key: Buffer) => new LocalKeyProvider(name, key);
const ring = (...providers: KeyProvider[]) => createKeyring(providers);
const plaintext = Buffer.from(`password=${CANARY}`);
const row = { secretId: "k3j9x0p2m4q8r1t6v5w7y2z0a", version: 3 };

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection");
}

function flipByte(bytes: Buffer, index: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[index]! ^= 0x01;
  return copy;
}

describe("encryptVersion / decryptVersion", () => {
  const keyring = ring(local("key1", key1));

  it("round-trips a payload and reports the wrapping key", async () => {
    const sealed = await encryptVersion(keyring, { ...row, plaintext });
    expect(sealed.kekName).toBe("key1");
    expect(sealed.nonce).toHaveLength(12);
    expect(sealed.ciphertext).toHaveLength(plaintext.length + 16);
    expect(sealed.wrappedDek).toHaveLength(12 + 32 + 16);
    expect(await decryptVersion(keyring, { ...row, ...sealed })).toEqual(plaintext);
  });

  it("round-trips an empty payload and a 1 MiB one", async () => {
    for (const data of [Buffer.alloc(0), randomBytes(1024 * 1024)]) {
      const sealed = await encryptVersion(keyring, { ...row, plaintext: data });
      // Buffer.equals: toEqual walks a 1 MiB buffer byte by byte, slowly.
      expect((await decryptVersion(keyring, { ...row, ...sealed })).equals(data)).toBe(true);
    }
  });

  it("accepts stored columns as plain Uint8Array, as Prisma returns them", async () => {
    const sealed = await encryptVersion(keyring, { ...row, plaintext });
    const stored = {
      ciphertext: new Uint8Array(sealed.ciphertext),
      nonce: new Uint8Array(sealed.nonce),
      wrappedDek: new Uint8Array(sealed.wrappedDek),
      kekName: sealed.kekName,
    };
    expect(await decryptVersion(keyring, { ...row, ...stored })).toEqual(plaintext);
  });

  it("uses a fresh data key and nonce on every call", async () => {
    const a = await encryptVersion(keyring, { ...row, plaintext });
    const b = await encryptVersion(keyring, { ...row, plaintext });
    expect(a.nonce.equals(b.nonce)).toBe(false);
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false);
    expect(a.wrappedDek.equals(b.wrappedDek)).toBe(false);
  });

  it("never stores the plaintext in any column", async () => {
    const sealed = await encryptVersion(keyring, { ...row, plaintext });
    for (const column of [sealed.ciphertext, sealed.nonce, sealed.wrappedDek]) {
      expect(column.includes(Buffer.from(CANARY))).toBe(false);
    }
  });

  it("wipes the data key once it is wrapped", async () => {
    const seen: Buffer[] = [];
    const inner = local("spy", key1);
    const spy: KeyProvider = {
      name: "spy",
      wrap: (dek, aad) => (seen.push(dek), inner.wrap(dek, aad)),
      unwrap: (wrapped, aad) => inner.unwrap(wrapped, aad),
    };
    await encryptVersion(ring(spy), { ...row, plaintext });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.equals(Buffer.alloc(32))).toBe(true);
  });

  it("refuses ids and versions that would make the AAD ambiguous", async () => {
    await expect(encryptVersion(keyring, { secretId: "a:1", version: 2, plaintext })).rejects.toThrow(TypeError);
    await expect(encryptVersion(keyring, { secretId: "", version: 2, plaintext })).rejects.toThrow(TypeError);
    await expect(encryptVersion(keyring, { ...row, version: 1.5, plaintext })).rejects.toThrow(TypeError);
  });
});

describe("tampering", () => {
  const keyring = ring(local("key1", key1), local("key0", key2));
  let sealed: SealedVersion;

  async function expectRefused(changed: Partial<SealedVersion> & Partial<typeof row>) {
    const error = await rejection(decryptVersion(keyring, { ...row, ...sealed, ...changed }));
    expect(error).toBeInstanceOf(DecryptionError);
    const ref = { secretId: changed.secretId ?? row.secretId, version: changed.version ?? row.version };
    expect(error.message).toContain(`secret ${ref.secretId} version ${ref.version}`);
    expect(error.message).not.toContain("\n");
    assertNoLeak(error, CANARY, key1, key2);
  }

  it("refuses a change to any byte of ciphertext, nonce or wrapped key", async () => {
    sealed = await encryptVersion(keyring, { ...row, plaintext });
    for (const column of ["ciphertext", "nonce", "wrappedDek"] as const) {
      for (let index = 0; index < sealed[column].length; index++) {
        await expectRefused({ [column]: flipByte(sealed[column], index) });
      }
    }
  });

  it("refuses truncated or empty columns", async () => {
    sealed = await encryptVersion(keyring, { ...row, plaintext });
    await expectRefused({ ciphertext: sealed.ciphertext.subarray(0, -1) });
    await expectRefused({ ciphertext: sealed.ciphertext.subarray(0, 15) });
    await expectRefused({ nonce: sealed.nonce.subarray(0, 11) });
    await expectRefused({ wrappedDek: Buffer.alloc(0) });
    await expectRefused({ wrappedDek: sealed.wrappedDek.subarray(0, -1) });
  });

  it("refuses a row moved to another secret or version", async () => {
    sealed = await encryptVersion(keyring, { ...row, plaintext });
    await expectRefused({ secretId: "z0y1x2w3v4u5t6s7r8q9p0o1n" });
    await expectRefused({ version: row.version + 1 });
  });

  it("refuses a row whose key name was edited to another key of the ring", async () => {
    sealed = await encryptVersion(keyring, { ...row, plaintext });
    await expectRefused({ kekName: "key0" });
  });

  it("names an unknown key instead of crashing", async () => {
    sealed = await encryptVersion(keyring, { ...row, plaintext });
    const error = await rejection(decryptVersion(ring(local("key9", key2)), { ...row, ...sealed }));
    expect(error).toBeInstanceOf(UnknownKeyError);
    expect(error.message).toContain('"key1"');
    expect(error.message).toContain(row.secretId);
    assertNoLeak(error, CANARY, key1, key2);
  });
});

describe("key rotation", () => {
  it("re-wraps a key1 row under key2, payload untouched, and drops key1 afterwards", async () => {
    const old = await encryptVersion(ring(local("key1", key1)), { ...row, plaintext });
    const rotating = ring(local("key2", key2), local("key1", key1));
    expect(await decryptVersion(rotating, { ...row, ...old })).toEqual(plaintext);

    const moved = await rewrapDek(rotating, { secretId: row.secretId, wrappedDek: old.wrappedDek, kekName: old.kekName });
    expect(moved.kekName).toBe("key2");
    expect(moved.wrappedDek.equals(old.wrappedDek)).toBe(false);
    // Only the wrapped key and its name change: the stored payload bytes stay as they were.
    const rotated = { ciphertext: Buffer.from(old.ciphertext), nonce: Buffer.from(old.nonce), ...moved };
    expect(await decryptVersion(rotating, { ...row, ...rotated })).toEqual(plaintext);

    const afterRemoval = ring(local("key2", key2));
    expect(await decryptVersion(afterRemoval, { ...row, ...rotated })).toEqual(plaintext);
    await expect(decryptVersion(afterRemoval, { ...row, ...old })).rejects.toThrow(UnknownKeyError);
  });

  it("refuses to re-wrap a tampered or foreign key, naming the secret", async () => {
    const sealed = await encryptVersion(ring(local("key1", key1)), { ...row, plaintext });
    const rotating = ring(local("key2", key2), local("key1", key1));
    const wrappedDek = flipByte(sealed.wrappedDek, 20);
    const error = await rejection(rewrapDek(rotating, { secretId: row.secretId, wrappedDek, kekName: "key1" }));
    expect(error).toBeInstanceOf(DecryptionError);
    expect(error.message).toContain(row.secretId);
    await expect(
      rewrapDek(rotating, { secretId: "another0secret0id00000000", wrappedDek: sealed.wrappedDek, kekName: "key1" }),
    ).rejects.toThrow(DecryptionError);
  });
});

// Test fixtures for key rotation: local keyrings whose keys stay the same
// within a test file, and secret versions sealed under them, written
// straight to the database.
import { randomBytes } from "node:crypto";
import { createKeyring, encryptVersion, LocalKeyProvider, type LoadedKeyring } from "../../crypto";
import { db } from "../../db/client";
import { newSecretId } from "../../db/ids";

const keys = new Map<string, Buffer>();

/** The raw bytes of a test key, for leak assertions. */
export function testKey(name: string): Buffer {
  if (!keys.has(name)) keys.set(name, randomBytes(32));
  return keys.get(name)!;
}

/** A keyring of the named keys, primary first, as COFFER_KEYRING_FILE would give. */
export function localKeyring(...names: string[]): LoadedKeyring {
  const providers = names.map((name) => new LocalKeyProvider(name, testKey(name)));
  return { keyring: createKeyring(providers), source: "keyring-file" };
}

export const plaintextOf = (index: number) => Buffer.from(`CANARY-value-${index}`);

export type StoredRow = { id: string; secretId: string; ciphertext: Uint8Array; nonce: Uint8Array };

/** `count` secrets in the default namespace, each with one version sealed under the keyring's primary. */
export async function createSealedVersions(loaded: LoadedKeyring, count: number, prefix = "s"): Promise<StoredRow[]> {
  const rows = await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const id = newSecretId();
      const sealed = await encryptVersion(loaded.keyring, { secretId: id, version: 1, plaintext: plaintextOf(index) });
      return { id, index, sealed };
    }),
  );
  await db.secret.createMany({
    data: rows.map(({ id, index }) => ({ id, namespaceId: "ns_default", name: `${prefix}-${index}`, currentVersion: 1 })),
  });
  await db.secretVersion.createMany({
    data: rows.map(({ id, sealed }) => ({
      id: `sv_${id}`,
      secretId: id,
      version: 1,
      ciphertext: new Uint8Array(sealed.ciphertext),
      nonce: new Uint8Array(sealed.nonce),
      wrappedDek: new Uint8Array(sealed.wrappedDek),
      kekName: sealed.kekName,
      keys: [{ name: "value", size: 16 }],
      sizeBytes: 16,
    })),
  });
  return rows.map(({ id, sealed }) => ({ id: `sv_${id}`, secretId: id, ciphertext: sealed.ciphertext, nonce: sealed.nonce }));
}

// Decrypts one stored version. A wrong key or tampered row becomes an error
// that names the secret and version and carries no key or plaintext.
import { decryptVersion, DecryptionError, UnknownKeyError, type StoredVersion } from "../crypto";
import type { Tx } from "../db/client";
import { DomainError, NotFound } from "../errors";
import { processKeyring } from "../keys/process-keyring";
import { entriesFromPayload, type SecretEntries } from "./secret-data";

export class UndecryptableSecret extends DomainError {
  constructor(name: string, version: number, reason: string) {
    super(500, "undecryptable", `secret '${name}' version ${version} cannot be decrypted: ${reason}`);
  }
}

export async function readVersion(tx: Tx, secret: { id: string; name: string }, version: number): Promise<SecretEntries> {
  return (await readVersionWithTime(tx, secret, version)).entries;
}

/** readVersion, with when the version was written (a Vault client's answer shows it), in the same query. */
export async function readVersionWithTime(
  tx: Tx,
  secret: { id: string; name: string },
  version: number,
): Promise<{ entries: SecretEntries; createdAt: Date }> {
  const row = await tx.secretVersion.findUnique({ where: { secretId_version: { secretId: secret.id, version } } });
  if (!row) throw new NotFound(`secret '${secret.name}' has no version ${version} (only the newest versions are kept)`);
  return { entries: await openVersion(secret, version, row), createdAt: row.createdAt };
}

/** Decrypts a version row already loaded (the runtime fetch loads all of a service's in one query). */
export async function openVersion(secret: { id: string; name: string }, version: number, row: StoredVersion): Promise<SecretEntries> {
  try {
    const payload = await decryptVersion(processKeyring().keyring, { ...row, secretId: secret.id, version });
    try {
      return entriesFromPayload(payload);
    } finally {
      payload.fill(0);
    }
  } catch (error) {
    if (error instanceof UnknownKeyError) throw new UndecryptableSecret(secret.name, version, `key '${row.kekName}' is not in the keyring`);
    if (error instanceof DecryptionError) throw new UndecryptableSecret(secret.name, version, "the stored data failed its integrity check");
    throw error;
  }
}

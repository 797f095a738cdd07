// Seals a new version of a secret's data and keeps only the newest
// COFFER_MAX_VERSIONS versions.
import type { Actor } from "../auth/actor";
import { config } from "../config/env";
import { encryptVersion } from "../crypto";
import type { Tx } from "../db/client";
import { newId } from "../db/ids";
import { processKeyring } from "../keys/process-keyring";
import { keyInfo, sealablePayload, totalSize, type SecretEntries } from "./secret-data";

export async function writeVersion(tx: Tx, actor: Actor, secretId: string, version: number, entries: SecretEntries) {
  const plaintext = sealablePayload(entries);
  try {
    const sealed = await encryptVersion(processKeyring().keyring, { secretId, version, plaintext });
    await tx.secretVersion.create({
      data: {
        id: newId("sv"),
        secretId,
        version,
        // Prisma wants Uint8Array<ArrayBuffer>; Buffers may sit on a shared pool.
        ciphertext: new Uint8Array(sealed.ciphertext),
        nonce: new Uint8Array(sealed.nonce),
        wrappedDek: new Uint8Array(sealed.wrappedDek),
        kekName: sealed.kekName,
        keys: keyInfo(entries),
        sizeBytes: totalSize(entries),
        createdById: actor.id,
      },
    });
  } finally {
    plaintext.fill(0);
  }
  await tx.secretVersion.deleteMany({ where: { secretId, version: { lte: version - config().COFFER_MAX_VERSIONS } } });
}

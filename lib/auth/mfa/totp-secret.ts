// A TOTP secret at rest: sealed with the server's keyring in the envelope
// of secret versions (lib/crypto/envelope.ts), bound by its AAD to the
// user, so a row copied onto another user fails to open.
import { decryptVersion, encryptVersion } from "../../crypto";
import { processKeyring } from "../../keys/process-keyring";

export type SealedTotp = {
  ciphertext: Uint8Array<ArrayBuffer>;
  nonce: Uint8Array<ArrayBuffer>;
  wrappedDek: Uint8Array<ArrayBuffer>;
  kekName: string;
};

// The envelope's AAD names a secret and a version; a TOTP secret is one
// "secret" per user, always version 0.
export const totpEnvelopeId = (userId: string) => `totp.${userId}`;
const envelopeRef = (userId: string) => ({ secretId: totpEnvelopeId(userId), version: 0 });

export async function sealTotpSecret(userId: string, secret: Uint8Array): Promise<SealedTotp> {
  const sealed = await encryptVersion(processKeyring().keyring, { ...envelopeRef(userId), plaintext: secret });
  // Prisma wants Uint8Array<ArrayBuffer>; Buffers may sit on a shared pool.
  return {
    ciphertext: new Uint8Array(sealed.ciphertext),
    nonce: new Uint8Array(sealed.nonce),
    wrappedDek: new Uint8Array(sealed.wrappedDek),
    kekName: sealed.kekName,
  };
}

export async function openTotpSecret(
  userId: string,
  row: SealedTotp | { ciphertext: Uint8Array; nonce: Uint8Array; wrappedDek: Uint8Array; kekName: string },
): Promise<Buffer> {
  return decryptVersion(processKeyring().keyring, { ...envelopeRef(userId), ...row });
}

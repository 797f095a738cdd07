// AES-256-GCM, the one cipher of Coffer, for payloads, wrapped data keys
// and the reference KMS alike. Nonces are random: the NIST limit for
// random 96-bit nonces is 2^32 messages per key, far above the number of
// data keys one key-encryption key wraps, and every payload has its own key.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { IntegrityError } from "./errors";

export const KEY_BYTES = 32;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;

/** Encrypts; `sealed` is ciphertext ‖ tag(16), the nonce is returned apart. */
export function sealGcm(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): { nonce: Buffer; sealed: Buffer } {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const sealed = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { nonce, sealed };
}

/** Decrypts ciphertext ‖ tag; throws IntegrityError rather than return unauthenticated bytes. */
export function openGcm(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Buffer {
  if (nonce.length !== NONCE_BYTES || sealed.length < TAG_BYTES) throw new IntegrityError();
  const tagAt = sealed.length - TAG_BYTES;
  // authTagLength pins the tag to 16 bytes: Node would otherwise accept a
  // truncated tag as short as 4 bytes, which is much easier to forge.
  const decipher = createDecipheriv("aes-256-gcm", key, nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(tagAt));
  const head = decipher.update(sealed.subarray(0, tagAt));
  try {
    return Buffer.concat([head, decipher.final()]);
  } catch {
    // GCM yields plaintext before the tag is checked; wipe it when it fails.
    head.fill(0);
    throw new IntegrityError();
  }
}

/** Encrypts into one buffer: nonce(12) ‖ ciphertext ‖ tag(16). */
export function sealPacked(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Buffer {
  const { nonce, sealed } = sealGcm(key, plaintext, aad);
  return Buffer.concat([nonce, sealed]);
}

/** Opens what sealPacked made. */
export function openPacked(key: Uint8Array, packed: Uint8Array, aad: Uint8Array): Buffer {
  if (packed.length < NONCE_BYTES + TAG_BYTES) throw new IntegrityError();
  return openGcm(key, packed.subarray(0, NONCE_BYTES), packed.subarray(NONCE_BYTES), aad);
}

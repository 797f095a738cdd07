// Envelope encryption of one secret version. Each version gets
// its own random data key (DEK); the DEK is stored only wrapped by a
// key-encryption key (KEK) of the keyring, so rotating a KEK re-wraps 60
// bytes per row and never touches the payloads.
//
// Stored layout:
//   ciphertext = AES-256-GCM(dek, nonce, plaintext) ‖ tag(16)
//                AAD "coffer:v1:<secretId>:<version>"
//   nonce      = 12 random bytes
//   wrappedDek = whatever the KEK's provider returns; for local keys
//                nonce(12) ‖ AES-256-GCM(kek, dek)(32) ‖ tag(16)
//                AAD "coffer:dek:v1:<kekName>:<secretId>"
// The AADs tie a payload to its row and a wrapped key to its KEK and
// secret: a row copied elsewhere, or a key name edited, fails to decrypt.
//
// Node copies key bytes into OpenSSL, so wiping our DEK buffer is a best
// effort that shortens the time a key sits in the JS heap, not a guarantee.
import { randomBytes } from "node:crypto";
import { KEY_BYTES, openGcm, sealGcm } from "./aes-gcm";
import { DecryptionError, IntegrityError, UnknownKeyError } from "./errors";
import type { Keyring } from "./keyring";

export type VersionRef = { secretId: string; version: number };

export type SealedVersion = { ciphertext: Buffer; nonce: Buffer; wrappedDek: Buffer; kekName: string };

/** A stored row; Prisma returns Bytes columns as Uint8Array, hence not Buffer. */
export type StoredVersion = { ciphertext: Uint8Array; nonce: Uint8Array; wrappedDek: Uint8Array; kekName: string };

export async function encryptVersion(keyring: Keyring, input: VersionRef & { plaintext: Uint8Array }): Promise<SealedVersion> {
  checkRef(input.secretId, input.version);
  const kekName = keyring.primary;
  const dek = randomBytes(KEY_BYTES);
  try {
    const { nonce, sealed } = sealGcm(dek, input.plaintext, payloadAad(input.secretId, input.version));
    const wrappedDek = await keyring.wrap(kekName, dek, dekAad(kekName, input.secretId));
    return { ciphertext: sealed, nonce, wrappedDek, kekName };
  } finally {
    dek.fill(0);
  }
}

/** The plaintext, or DecryptionError / UnknownKeyError: never unauthenticated bytes. */
export async function decryptVersion(keyring: Keyring, input: VersionRef & StoredVersion): Promise<Buffer> {
  const { secretId, version } = input;
  checkRef(secretId, version);
  const dek = await unwrapDek(keyring, input.kekName, input.wrappedDek, secretId, version);
  try {
    return openGcm(dek, input.nonce, input.ciphertext, payloadAad(secretId, version));
  } catch (error) {
    throw error instanceof IntegrityError ? new DecryptionError(secretId, version) : error;
  } finally {
    dek.fill(0);
  }
}

/**
 * Moves a wrapped DEK to the keyring's primary key, for key rotation. The
 * payload and its nonce stay as they are; the caller stores the result in
 * the same row. A row already on the primary is re-wrapped too, which
 * re-checks it.
 */
export async function rewrapDek(
  keyring: Keyring,
  input: { secretId: string; wrappedDek: Uint8Array; kekName: string },
): Promise<{ wrappedDek: Buffer; kekName: string }> {
  checkRef(input.secretId, 0);
  const dek = await unwrapDek(keyring, input.kekName, input.wrappedDek, input.secretId);
  try {
    const kekName = keyring.primary;
    return { wrappedDek: await keyring.wrap(kekName, dek, dekAad(kekName, input.secretId)), kekName };
  } finally {
    dek.fill(0);
  }
}

async function unwrapDek(keyring: Keyring, kekName: string, wrappedDek: Uint8Array, secretId: string, version?: number): Promise<Buffer> {
  if (!keyring.has(kekName)) {
    throw new UnknownKeyError(kekName, `secret ${secretId}${version === undefined ? "" : ` version ${version}`}`);
  }
  let dek: Buffer;
  try {
    dek = await keyring.unwrap(kekName, asBuffer(wrappedDek), dekAad(kekName, secretId));
  } catch (error) {
    // Other failures (a KMS that is down) keep their own, truer, error.
    throw error instanceof IntegrityError ? new DecryptionError(secretId, version) : error;
  }
  if (dek.length !== KEY_BYTES) {
    dek.fill(0);
    throw new DecryptionError(secretId, version);
  }
  return dek;
}

function payloadAad(secretId: string, version: number): Buffer {
  return Buffer.from(`coffer:v1:${secretId}:${version}`, "utf8");
}

function dekAad(kekName: string, secretId: string): Buffer {
  return Buffer.from(`coffer:dek:v1:${kekName}:${secretId}`, "utf8");
}

/**
 * The AAD strings are only unambiguous if the id cannot contain the
 * separator and the version is a plain integer; refuse anything else.
 */
function checkRef(secretId: string, version: number): void {
  if (typeof secretId !== "string" || secretId === "" || secretId.includes(":")) {
    throw new TypeError("secretId must be a non-empty string without ':'");
  }
  if (!Number.isSafeInteger(version) || version < 0) {
    throw new TypeError("version must be a non-negative integer");
  }
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

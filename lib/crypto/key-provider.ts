// Where a key-encryption key lives. Like the providers of a Kubernetes
// EncryptionConfiguration, the keyring only asks a provider to wrap and
// unwrap data keys, so a KMS can hold a key that never enters this process.
import { KEY_BYTES, openPacked, sealPacked } from "./aes-gcm";

export interface KeyProvider {
  readonly name: string;
  /** Encrypts a data key, binding it to `aad`. */
  wrap(dek: Buffer, aad: Buffer): Promise<Buffer>;
  /** Decrypts what wrap made; throws IntegrityError when it does not authenticate. */
  unwrap(wrapped: Buffer, aad: Buffer): Promise<Buffer>;
}

/**
 * A 32-byte key held in memory. Wrapped data keys are
 * nonce(12) ‖ ciphertext(32) ‖ tag(16), AES-256-GCM.
 */
export class LocalKeyProvider implements KeyProvider {
  // A private field, not a property: console.log, util.inspect and
  // JSON.stringify of a provider or keyring cannot show the key.
  readonly #key: Buffer;

  constructor(
    readonly name: string,
    key: Uint8Array,
  ) {
    if (key.length !== KEY_BYTES) throw new RangeError(`key "${name}" must be ${KEY_BYTES} bytes`);
    // A copy, so the caller may wipe its buffer.
    this.#key = Buffer.from(key);
  }

  async wrap(dek: Buffer, aad: Buffer): Promise<Buffer> {
    return sealPacked(this.#key, dek, aad);
  }

  async unwrap(wrapped: Buffer, aad: Buffer): Promise<Buffer> {
    return openPacked(this.#key, wrapped, aad);
  }
}

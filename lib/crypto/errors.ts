// Errors of the encryption module. Their messages end up in logs, in the
// console and in start-up output, so they name a secret, a key or a
// variable, and never carry key material or plaintext.

/** A keyring setting is wrong; `variable` names the setting (or file) at fault. */
export class KeyringError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = "KeyringError";
  }
}

/** A row names a key-encryption key that the configured keyring lacks. */
export class UnknownKeyError extends Error {
  constructor(
    readonly keyName: string,
    context?: string,
  ) {
    const where = context ? ` (${context})` : "";
    super(`key "${keyName}" is not in the keyring${where}; add it back to the keyring to read this data`);
    this.name = "UnknownKeyError";
  }
}

/**
 * Stored data failed to authenticate: tampered, truncated, moved from
 * another secret or version, or wrapped by a different key than its row
 * says. Decryption never returns unauthenticated bytes instead.
 */
export class DecryptionError extends Error {
  constructor(
    readonly secretId: string,
    readonly version?: number,
  ) {
    const what = version === undefined ? `the data key of secret ${secretId}` : `secret ${secretId} version ${version}`;
    super(`cannot decrypt ${what}: it does not authenticate (tampered, moved from another row, or wrong key)`);
    this.name = "DecryptionError";
  }
}

/**
 * Low-level: an AES-GCM tag did not verify. Key providers throw it on a
 * failed unwrap, and the envelope turns it into a DecryptionError that
 * names the secret. A custom provider should throw it for the same case.
 */
export class IntegrityError extends Error {
  constructor() {
    super("data does not authenticate under this key and context");
    this.name = "IntegrityError";
  }
}

/** The KMS could not be reached or did not answer in time. */
export class KmsUnavailableError extends Error {
  constructor(
    readonly provider: string,
    readonly socketPath: string,
    reason: string,
  ) {
    super(`KMS provider "${provider}" at ${socketPath} is unavailable: ${reason}`);
    this.name = "KmsUnavailableError";
  }
}

/** The KMS answered, but with an error or with something unreadable. */
export class KmsError extends Error {
  constructor(
    readonly provider: string,
    reason: string,
  ) {
    super(`KMS provider "${provider}" failed: ${reason}`);
    this.name = "KmsError";
  }
}

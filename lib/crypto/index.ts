// Encryption at rest: envelope encryption of secret versions
// under a keyring of key-encryption keys held locally or in a KMS.
export { decryptVersion, encryptVersion, rewrapDek } from "./envelope";
export type { SealedVersion, StoredVersion, VersionRef } from "./envelope";
export { DecryptionError, IntegrityError, KeyringError, KmsError, KmsUnavailableError, UnknownKeyError } from "./errors";
export { GENERATED_KEY_FILE } from "./generated-key";
export { LocalKeyProvider } from "./key-provider";
export type { KeyProvider } from "./key-provider";
export { createKeyring, loadKeyring, MASTER_KEY_NAME } from "./keyring";
export type { Keyring, LoadedKeyring, LoadKeyringOptions } from "./keyring";
export { KmsKeyProvider, startLocalKms } from "./kms";
export type { KmsKeyProviderOptions, LocalKms, LocalKmsOptions } from "./kms";

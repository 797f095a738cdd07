// The keyring, modelled on Kubernetes' EncryptionConfiguration: an ordered
// list of named key-encryption keys. The first wraps new data keys; every
// one can unwrap, so a new key is added first and the old one stays until
// a re-wrap job has moved every row off it.
import { readFileSync } from "node:fs";
import { KeyringError, UnknownKeyError } from "./errors";
import { loadGeneratedKey } from "./generated-key";
import { LocalKeyProvider, type KeyProvider } from "./key-provider";
import { parseKeyringFile } from "./keyring-file";
import { readMasterKey } from "./master-key";

export interface Keyring {
  /** The name of the key that wraps new data keys. */
  readonly primary: string;
  /** Every key name, primary first. */
  readonly names: string[];
  /** The providers, primary first: start-up asks the KMS ones for their Status. */
  readonly providers: readonly KeyProvider[];
  wrap(name: string, dek: Buffer, aad: Buffer): Promise<Buffer>;
  unwrap(name: string, wrapped: Buffer, aad: Buffer): Promise<Buffer>;
  has(name: string): boolean;
}

export function createKeyring(providers: KeyProvider[]): Keyring {
  const byName = new Map(providers.map((provider) => [provider.name, provider]));
  const first = providers[0];
  if (!first) throw new RangeError("a keyring needs at least one key");
  if (byName.size !== providers.length) throw new RangeError("key names in a keyring must be unique");
  const provider = (name: string) => {
    const found = byName.get(name);
    if (!found) throw new UnknownKeyError(name);
    return found;
  };
  return {
    primary: first.name,
    get names() {
      return providers.map((p) => p.name);
    },
    providers: [...providers],
    has: (name) => byName.has(name),
    // async, so an unknown name rejects like every other failure instead of throwing.
    wrap: async (name, dek, aad) => provider(name).wrap(dek, aad),
    unwrap: async (name, wrapped, aad) => provider(name).unwrap(wrapped, aad),
  };
}

export type LoadKeyringOptions = {
  /** COFFER_KEYRING_FILE */
  keyringFile?: string;
  /** COFFER_MASTER_KEY */
  masterKey?: string;
  /** COFFER_MASTER_KEY_FILE */
  masterKeyFile?: string;
  /** Where a generated master.key lives when nothing is configured. */
  stateDir: string;
};

export type LoadedKeyring = {
  keyring: Keyring;
  source: "keyring-file" | "master-key" | "generated";
  /** Set when source is "generated": the key file to back up. */
  generatedPath?: string;
};

/** The name of the single key of COFFER_MASTER_KEY[_FILE] or a generated key. */
export const MASTER_KEY_NAME = "master";

/**
 * Builds the keyring from configuration; every problem is a one-line
 * KeyringError naming the variable. Empty strings count as unset, as in
 * lib/config. Synchronous: it only reads small local files at start-up.
 */
export function loadKeyring(options: LoadKeyringOptions): LoadedKeyring {
  const keyringFile = options.keyringFile || undefined;
  const masterKey = options.masterKey || undefined;
  const masterKeyFile = options.masterKeyFile || undefined;
  if (keyringFile) {
    // Two sources of truth for the wrapping key would make the primary a guess.
    if (masterKey || masterKeyFile) {
      const other = masterKey ? "COFFER_MASTER_KEY" : "COFFER_MASTER_KEY_FILE";
      throw new KeyringError("COFFER_KEYRING_FILE", `cannot be set together with ${other}`);
    }
    return { keyring: createKeyring(parseKeyringFile(readKeyringFile(keyringFile))), source: "keyring-file" };
  }
  if (masterKey || masterKeyFile) {
    return { keyring: masterKeyring(readMasterKey({ masterKey, masterKeyFile })), source: "master-key" };
  }
  const generated = loadGeneratedKey(options.stateDir);
  return { keyring: masterKeyring(generated.key), source: "generated", generatedPath: generated.path };
}

function readKeyringFile(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new KeyringError("COFFER_KEYRING_FILE", `cannot read ${path} (${code})`);
  }
}

function masterKeyring(key: Buffer): Keyring {
  const provider = new LocalKeyProvider(MASTER_KEY_NAME, key);
  // The provider keeps its own copy.
  key.fill(0);
  return createKeyring([provider]);
}

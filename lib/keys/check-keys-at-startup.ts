// Start-up's key check, called by preflight() once migrations are applied:
// load the keyring (a bad setting becomes a one-line StartupError) and make
// sure it still holds every key the stored data needs, and that every KMS
// key's plugin answers Status healthy (lib/crypto/kms-status.ts).
// No `server-only` here: lib/instance/preflight.ts runs outside Next.
import type { Config } from "../config/env";
import { KeyringError, KmsError, KmsUnavailableError, type LoadedKeyring } from "../crypto";
import { checkKmsKeys } from "../crypto/kms-status";
import { StartupError } from "../errors";
import { assertKeyringCoversData } from "./assert-keyring-covers-data";
import { keyringSetting } from "./keyring-setting";
import { loadProcessKeyring } from "./process-keyring";

export async function checkKeysAtStartup(cfg: Config): Promise<LoadedKeyring> {
  let loaded: LoadedKeyring;
  try {
    loaded = loadProcessKeyring(cfg);
  } catch (error) {
    if (error instanceof KeyringError) throw new StartupError(error.message.split("\n")[0]);
    throw error;
  }
  await assertKeyringCoversData(loaded);
  try {
    await checkKmsKeys(loaded.keyring);
  } catch (error) {
    // Both already name the key and the socket, on one line.
    if (error instanceof KmsError || error instanceof KmsUnavailableError) {
      throw new StartupError(`${keyringSetting(loaded)}: ${error.message}`);
    }
    throw error;
  }
  return loaded;
}

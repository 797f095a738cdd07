// Start-up's key check, called by preflight() once migrations are applied:
// load the keyring (a bad setting becomes a one-line StartupError) and make
// sure it still holds every key the stored data needs.
// No `server-only` here: lib/instance/preflight.ts runs outside Next.
import type { Config } from "../config/env";
import { KeyringError, type LoadedKeyring } from "../crypto";
import { StartupError } from "../errors";
import { assertKeyringCoversData } from "./assert-keyring-covers-data";
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
  return loaded;
}

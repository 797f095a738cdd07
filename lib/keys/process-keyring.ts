// The keyring of this process, loaded once from the configuration: the
// keyring file, the master key (or its _FILE twin), or a key generated into
// the state directory on first start.
import { dirname } from "node:path";
import { config, type Config } from "../config/env";
import { loadKeyring, type LoadedKeyring } from "../crypto";

const holder = globalThis as unknown as { cofferKeyring?: LoadedKeyring };

function load(cfg: Config): LoadedKeyring {
  return loadKeyring({
    keyringFile: cfg.COFFER_KEYRING_FILE,
    masterKey: cfg.COFFER_MASTER_KEY,
    stateDir: dirname(cfg.dataDir),
  });
}

export function processKeyring(): LoadedKeyring {
  holder.cofferKeyring ??= load(config());
  return holder.cofferKeyring;
}

/**
 * Loads the keyring from `cfg` and makes it the process keyring. Start-up
 * calls it with the configuration it validated, so a bad keyring stops the
 * start instead of the first request that needs it.
 */
export function loadProcessKeyring(cfg: Config): LoadedKeyring {
  holder.cofferKeyring = load(cfg);
  return holder.cofferKeyring;
}

/** Replaces the process keyring; for tests and key rotation drills. */
export function setProcessKeyring(keyring: LoadedKeyring | undefined): void {
  holder.cofferKeyring = keyring;
}

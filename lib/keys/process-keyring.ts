// The keyring of this process, loaded once from the configuration: the
// keyring file, the master key (or its _FILE twin), or a key generated into
// the state directory on first start.
import { dirname } from "node:path";
import { config } from "../config/env";
import { loadKeyring, type LoadedKeyring } from "../crypto";

const holder = globalThis as unknown as { cofferKeyring?: LoadedKeyring };

export function processKeyring(): LoadedKeyring {
  if (!holder.cofferKeyring) {
    const cfg = config();
    holder.cofferKeyring = loadKeyring({
      keyringFile: cfg.COFFER_KEYRING_FILE,
      masterKey: cfg.COFFER_MASTER_KEY,
      stateDir: dirname(cfg.dataDir),
    });
  }
  return holder.cofferKeyring;
}

/** Replaces the process keyring; for tests and key rotation drills. */
export function setProcessKeyring(keyring: LoadedKeyring | undefined): void {
  holder.cofferKeyring = keyring;
}

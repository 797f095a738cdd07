// The start-up check of key rotation's last step: a key can be removed
// only when no row uses it. Starting without a key that data
// still needs would turn every read of that data into an error; refusing
// to start names the key while the fix (put it back) is still easy.
// No `server-only` here: lib/instance/preflight.ts runs outside Next.
import type { LoadedKeyring } from "../crypto";
import { db, type Tx } from "../db/client";
import { StartupError } from "../errors";
import { keyringSetting } from "./keyring-setting";
import { keyUsage, type KeyUsage } from "./key-usage";

const versions = (n: number) => `${n} secret ${n === 1 ? "version" : "versions"}`;
const totp = (n: number) => `${n} member${n === 1 ? "'s" : "s'"} TOTP ${n === 1 ? "secret" : "secrets"}`;
/** What still needs a key: "3 secret versions", "1 member's TOTP secret", or both. */
const users = (k: KeyUsage) =>
  [k.versions ? versions(k.versions) : "", k.totpSecrets ? totp(k.totpSecrets) : ""].filter(Boolean).join(" and ");

export async function assertKeyringCoversData(loaded: LoadedKeyring, tx: Tx = db): Promise<void> {
  const missing = (await keyUsage(tx, loaded.keyring)).filter((k) => !k.inKeyring && k.versions + k.totpSecrets > 0);
  if (missing.length === 0) return;
  throw new StartupError(`${keyringSetting(loaded)}: ${describeMissing(missing)}`);
}

function describeMissing(missing: KeyUsage[]): string {
  const fix = "(after the new primary key) and run the re-wrap first";
  const [only] = missing;
  if (missing.length === 1 && only) {
    const still = only.versions + only.totpSecrets === 1 ? "still uses it" : "still use it";
    return `key "${only.kekName}" was removed but ${users(only)} ${still}; put it back ${fix}`;
  }
  const list = missing.map((k) => `"${k.kekName}" (${users(k)})`).join(", ");
  return `keys ${list} were removed but are still in use; put them back ${fix}`;
}

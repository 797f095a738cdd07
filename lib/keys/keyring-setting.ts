import type { LoadedKeyring } from "../crypto";

/** What an operator edits to change the keyring: named in start-up errors and on the console. */
export function keyringSetting(loaded: Pick<LoadedKeyring, "source" | "generatedPath">): string {
  if (loaded.source === "keyring-file") return "COFFER_KEYRING_FILE";
  if (loaded.source === "master-key") return "COFFER_MASTER_KEY";
  return loaded.generatedPath ?? "the generated master key";
}

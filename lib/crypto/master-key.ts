// COFFER_MASTER_KEY and its file twin COFFER_MASTER_KEY_FILE (the form
// Docker and Kubernetes secrets mount): one key, base64 of 32 bytes.
import { readFileSync } from "node:fs";
import { decodeKey } from "./base64";
import { KeyringError } from "./errors";

const KEY_FORMAT = "must be 32 bytes of base64 (for example: openssl rand -base64 32)";

/** The master key from exactly one of the two settings; the caller wipes it after use. */
export function readMasterKey(options: { masterKey?: string; masterKeyFile?: string }): Buffer {
  const { masterKey, masterKeyFile } = options;
  if (masterKey && masterKeyFile) {
    throw new KeyringError("COFFER_MASTER_KEY_FILE", "cannot be set together with COFFER_MASTER_KEY");
  }
  if (masterKey) return decodeKey(masterKey) ?? fail("COFFER_MASTER_KEY", KEY_FORMAT);
  if (!masterKeyFile) throw new KeyringError("COFFER_MASTER_KEY", "is not set");
  let text: string;
  try {
    text = readFileSync(masterKeyFile, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    return fail("COFFER_MASTER_KEY_FILE", `cannot read ${masterKeyFile} (${code})`);
  }
  return decodeKey(text) ?? fail("COFFER_MASTER_KEY_FILE", `${masterKeyFile} ${KEY_FORMAT}`);
}

function fail(variable: string, problem: string): never {
  throw new KeyringError(variable, problem);
}

// With no key configured, the first start generates one beside the data
// so that `npm start` works on a fresh machine. The console
// warns about it: whoever copies the state directory copies the key, and
// several app nodes would each generate their own.
import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { decodeKey } from "./base64";
import { KeyringError } from "./errors";

export const GENERATED_KEY_FILE = "master.key";

/**
 * The key in `<stateDir>/master.key` (or another file name: the audit
 * log's signing key lives beside it), created on first use; the caller
 * wipes it after use.
 */
export function loadGeneratedKey(stateDir: string, fileName = GENERATED_KEY_FILE): { key: Buffer; path: string } {
  const path = join(stateDir, fileName);
  const existing = readKeyFile(path);
  if (existing) return { key: existing, path };
  createKeyFile(stateDir, path);
  // Read back rather than trust what we wrote: a concurrent start may have won.
  const key = readKeyFile(path);
  if (!key) throw new KeyringError(path, "was not created");
  return { key, path };
}

function readKeyFile(path: string): Buffer | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new KeyringError(path, `cannot read the generated key (${(error as NodeJS.ErrnoException).code})`);
  }
  const key = decodeKey(text);
  // Replacing it would make everything encrypted with it unreadable.
  if (!key) throw new KeyringError(path, "is not 32 bytes of base64; restore it from a backup");
  return key;
}

/**
 * Writes a fresh key with mode 0600 without ever exposing a half-written
 * file or overwriting one: write a private temporary file, then hard-link
 * it into place, which fails if another process got there first.
 */
function createKeyFile(stateDir: string, path: string): void {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const key = randomBytes(32);
  try {
    mkdirSync(stateDir, { recursive: true, mode: 0o700 });
    writeFileSync(temporary, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    linkSync(temporary, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EEXIST") throw new KeyringError(path, `cannot create the key (${code ?? "unknown error"})`);
  } finally {
    key.fill(0);
    try {
      unlinkSync(temporary);
    } catch {
      // Never created, or already gone.
    }
  }
}

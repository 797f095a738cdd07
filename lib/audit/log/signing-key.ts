// The key that signs the audit log's checkpoints. It must not live in the
// database: a superuser who could read it could sign a rewritten history.
// COFFER_AUDIT_SIGNING_KEY (or its _FILE twin) gives it; unset, the first
// start generates `audit-signing.key` beside the data, as it does the
// master key. Several app nodes must share it, like the master key. It is
// separate from the keyring so that rotating a data key never changes the
// key old checkpoints were signed with.
import { dirname } from "node:path";
import { config, type Config } from "../../config/env";
import { decodeKey } from "../../crypto/base64";
import { KeyringError } from "../../crypto/errors";
import { loadGeneratedKey } from "../../crypto/generated-key";
import { auditSigningKey, type AuditSigningKey } from "../../../packages/contracts/src/transparency/checkpoint";

export const SIGNING_KEY_FILE = "audit-signing.key";

/** The log's name in every checkpoint: the public host, so checkpoints of two instances never mix. */
export function auditOrigin(cfg: Config = config()): string {
  return `${new URL(cfg.COFFER_PUBLIC_URL).host}/audit`;
}

function keyMaterial(cfg: Config): Buffer {
  if (cfg.COFFER_AUDIT_SIGNING_KEY) {
    const key = decodeKey(cfg.COFFER_AUDIT_SIGNING_KEY);
    if (!key) throw new KeyringError("COFFER_AUDIT_SIGNING_KEY", "must be 32 bytes of base64 (for example: openssl rand -base64 32)");
    return key;
  }
  return loadGeneratedKey(dirname(cfg.dataDir), SIGNING_KEY_FILE).key;
}

const holder = globalThis as unknown as { cofferAuditKey?: AuditSigningKey };

/** The key `cfg` names; start-up calls it so a bad key stops the start. */
export function loadSigningKey(cfg: Config): AuditSigningKey {
  const material = keyMaterial(cfg);
  try {
    return auditSigningKey(material, auditOrigin(cfg));
  } finally {
    material.fill(0);
  }
}

/** This process's key, loaded once from its configuration. */
export function signingKey(): AuditSigningKey {
  holder.cofferAuditKey ??= loadSigningKey(config());
  return holder.cofferAuditKey;
}

// The rotator's admin secret: a Coffer secret in the same namespace whose
// current version holds the admin connection URL. Read through the same
// envelope decryption as any version; the entries go to the rotator only.
import type { Tx } from "../db/client";
import { BadRequest } from "../errors";
import { findNamespaceOrThrow } from "../secrets/find-secret";
import { readVersion } from "../secrets/read-version";
import type { SecretEntries } from "../secrets/secret-data";

export async function readAdminEntries(tx: Tx, namespace: string, admin: string, rotated: string): Promise<SecretEntries> {
  if (admin === rotated) throw new BadRequest("rotator.admin must name another secret than the one it rotates", { field: "rotator.admin" });
  const ns = await findNamespaceOrThrow(tx, namespace);
  const secret = await tx.secret.findFirst({ where: { namespaceId: ns.id, name: admin, deletedAt: null } });
  if (!secret) throw new BadRequest(`rotator.admin: secret '${admin}' not found in namespace '${namespace}'`, { field: "rotator.admin" });
  return readVersion(tx, secret, secret.currentVersion);
}

/** Plaintext out of memory as soon as it has served. */
export function zeroEntries(entries: SecretEntries | null | undefined): void {
  for (const bytes of entries?.values() ?? []) bytes.fill(0);
}

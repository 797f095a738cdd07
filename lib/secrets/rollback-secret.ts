import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { audited } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import { BadRequest, Conflict } from "../errors";
import { INT4_MAX, parseInput, wholeNumber } from "../input/parse-input";
import { authorize } from "../rbac/authorize";
import { findLiveSecretOrThrow } from "./find-secret";
import { secretDetail } from "./get-secret";
import { readVersion } from "./read-version";
import type { SecretDetail } from "./secret-dto";
import { writeVersion } from "./write-version";

export const rollbackSchema = z.object({ version: wholeNumber("version", 1, INT4_MAX) });

/** Rolling back writes a new version with an old version's data, so history only grows. */
export async function rollbackSecret(actor: Actor, namespace: string, name: string, input: unknown): Promise<SecretDetail> {
  const { version: target } = parseInput(rollbackSchema, input);
  return audited(actor, "secret.rollback", async (tx) => {
    await authorize(tx, actor, "secret:update", namespace);
    const secret = await findLiveSecretOrThrow(tx, namespace, name);
    if (secret.immutable) throw new Conflict(`secret '${name}' is immutable: its data cannot change`);
    if (target === secret.currentVersion) throw new BadRequest(`version ${target} is already the current version`, { field: "version" });
    const entries = await readVersion(tx, secret, target);
    const version = secret.currentVersion + 1;
    try {
      await writeVersion(tx, actor, secret.id, version, entries);
    } finally {
      for (const bytes of entries.values()) bytes.fill(0);
    }
    await tx.secret.update({
      where: { id: secret.id },
      data: { currentVersion: version, metaVersion: { increment: 1 }, updatedAt: new Date() },
    });
    await recordAudit(tx, actor, {
      action: "secret.rollback",
      resource: { type: "secret", id: secret.id, name },
      namespace,
      details: { from: target, version },
    });
    return secretDetail(tx, secret.id);
  });
}

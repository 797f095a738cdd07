import "server-only";
import type { Actor } from "../auth/actor";
import { audited, auditedRead } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import { Conflict } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { parseInput } from "../input/parse-input";
import { authorize } from "../rbac/authorize";
import { readVersion } from "../secrets/read-version";
import type { SecretType } from "../secrets/secret-types";
import { readAdminEntries, zeroEntries } from "./admin-secret";
import { findSecretForPolicy, lockPolicy } from "./find-policy";
import { generatedEntries } from "./generated-entries";
import { toRotationDto, type RotationPolicyDto } from "./rotation-dto";
import { setRotationSchema } from "./rotation-policy.schema";
import { rotatorFor, type RotatorConfig } from "./rotators/rotator";

/**
 * Sets (or replaces) a secret's rotation policy. A rotator also needs
 * secret:reveal: it reads the admin secret, so without that check a member
 * could point one at a superuser's URL and read the result. Nothing is
 * saved unless the generator can produce a valid version and the rotator's
 * check passes.
 */
export async function setRotationPolicy(actor: Actor, namespace: string, name: string, input: unknown): Promise<RotationPolicyDto> {
  const spec = parseInput(setRotationSchema, input);
  const rotator = spec.rotator ?? null;
  if (rotator) await checkRotator(actor, namespace, name, rotator);
  return audited(actor, "secret.rotation_set", async (tx) => {
    await authorize(tx, actor, "secret:update", namespace);
    if (rotator) await authorize(tx, actor, "secret:reveal", namespace);
    const secret = await findSecretForPolicy(tx, namespace, name);
    if (secret.immutable) throw new Conflict(`secret '${name}' is immutable: it cannot be rotated`);
    if (!rotator) {
      const current = await readVersion(tx, secret, secret.currentVersion);
      // A dry run: the generator must satisfy the key, type and size rules now, not fail at 3 a.m.
      zeroEntries(generatedEntries(secret.type as SecretType, spec.generator, current));
      zeroEntries(current);
    }
    const existing = await lockPolicy(tx, secret.id);
    const now = new Date();
    // Same interval: the schedule keeps its phase. A new interval counts from now.
    const nextRunAt = existing && existing.everySeconds === spec.every ? existing.nextRunAt : new Date(now.getTime() + spec.every * 1000);
    const fields = {
      everySeconds: spec.every,
      generator: spec.generator as Prisma.InputJsonValue,
      rotator: rotator ? (rotator as Prisma.InputJsonValue) : Prisma.DbNull,
      nextRunAt,
      updatedAt: now,
    };
    const row = existing
      ? await tx.rotationPolicy.update({ where: { secretId: secret.id }, data: fields })
      : await tx.rotationPolicy.create({ data: { secretId: secret.id, ...fields, createdById: actor.id } });
    await recordAudit(tx, actor, {
      action: "secret.rotation_set",
      resource: { type: "secret", id: secret.id, name },
      namespace,
      details: {
        every: spec.every,
        generator: { length: spec.generator.length, alphabet: spec.generator.alphabet, key: spec.generator.key ?? null },
        rotator: rotator ? { kind: rotator.kind, admin: rotator.admin, roles: [...rotator.roles] } : null,
        replaced: !!existing,
      },
    });
    return toRotationDto(row, { name, namespace });
  });
}

/** Before the write transaction, holding no lock: the check connects to the real system. */
async function checkRotator(actor: Actor, namespace: string, name: string, config: RotatorConfig): Promise<void> {
  const adminEntries = await auditedRead(actor, "secret.rotation_set", async (tx) => {
    await authorize(tx, actor, "secret:update", namespace);
    await authorize(tx, actor, "secret:reveal", namespace);
    await findSecretForPolicy(tx, namespace, name);
    return readAdminEntries(tx, namespace, config.admin, name);
  });
  try {
    await rotatorFor(config).check({ config, adminEntries });
  } finally {
    zeroEntries(adminEntries);
  }
}

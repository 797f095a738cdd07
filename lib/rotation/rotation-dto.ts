// A stored rotation policy as the API shows it (the shape is in
// packages/contracts, shared with the CLI).
import type { RotationPolicyDto } from "../../packages/contracts/src/rotation/rotation-dto";
import type { RotationPolicy } from "../generated/prisma/client";
import { formatInterval } from "./interval";

export type { RotationPolicyDto, RotationRunResult } from "../../packages/contracts/src/rotation/rotation-dto";

type StoredGenerator = { length: number; alphabet: string; key?: string };
type StoredRotator = { kind: string; admin: string; roles: string[] };

export function toRotationDto(row: RotationPolicy, secret: { name: string; namespace: string }): RotationPolicyDto {
  const generator = row.generator as StoredGenerator;
  const rotator = row.rotator as StoredRotator | null;
  return {
    secret: secret.name,
    namespace: secret.namespace,
    every: formatInterval(row.everySeconds),
    everySeconds: row.everySeconds,
    generator: { length: generator.length, alphabet: generator.alphabet, key: generator.key ?? null },
    rotator: rotator ? { kind: rotator.kind, admin: rotator.admin, roles: [...rotator.roles] } : null,
    nextRunAt: row.nextRunAt.toISOString(),
    lastRunAt: row.lastRunAt?.toISOString() ?? null,
    lastVersion: row.lastVersion,
    lastError: row.lastError,
    lastErrorAt: row.lastErrorAt?.toISOString() ?? null,
    failures: row.failures,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

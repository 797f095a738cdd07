// The public shape of a rotation policy: schedule, generator, the rotator's
// kind, admin secret NAME and roles (never the admin URL: it lives in that
// secret), and how the last runs went.
import type { RotationPolicy } from "../generated/prisma/client";
import { formatInterval } from "./interval";

export type RotationPolicyDto = {
  secret: string;
  namespace: string;
  every: string;
  everySeconds: number;
  generator: { length: number; alphabet: string; key: string | null };
  rotator: { kind: string; admin: string; roles: string[] } | null;
  nextRunAt: string;
  lastRunAt: string | null;
  lastVersion: number | null;
  lastError: string | null;
  lastErrorAt: string | null;
  failures: number;
  createdAt: string;
  updatedAt: string;
};

/** What POST …/rotation/run answers: the new version, or why there is none (the failure is recorded too). */
export type RotationRunResult = { rotated: boolean; version: number | null; error: string | null; policy: RotationPolicyDto };

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

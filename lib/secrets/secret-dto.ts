// The public shapes of a secret: metadata only, never a value. The
// `inspect` object has the shape of `docker secret inspect`.
import { config } from "../config/env";
import type { Prisma } from "../generated/prisma/client";
import type { DockerInspect, KeyInfo, SecretSummary } from "../../packages/contracts/src/secrets/secret-dto";
import { DAY_MS } from "../time";

export const summarySelect = {
  id: true,
  name: true,
  type: true,
  labels: true,
  immutable: true,
  currentVersion: true,
  metaVersion: true,
  createdAt: true,
  updatedAt: true,
  expiresAt: true,
  namespace: { select: { name: true } },
  versions: { orderBy: { version: "desc" }, take: 1, select: { keys: true, sizeBytes: true } },
  accesses: { orderBy: { lastReadAt: "desc" }, take: 1, select: { lastReadAt: true } },
} satisfies Prisma.SecretSelect;

// The shapes are the contract the CLI reads too: one definition, in packages/contracts.
export type {
  BoundService,
  DockerInspect,
  SecretDetail,
  SecretReader,
  SecretSummary,
  VersionInfo,
} from "../../packages/contracts/src/secrets/secret-dto";

type SummaryRow = Prisma.SecretGetPayload<{ select: typeof summarySelect }>;

export function isStale(lastActivity: Date, now = new Date()): boolean {
  return now.getTime() - lastActivity.getTime() > config().COFFER_STALE_DAYS * DAY_MS;
}

export function toSummary(row: SummaryRow): SecretSummary {
  const current = row.versions[0];
  const lastRead = row.accesses[0]?.lastReadAt ?? null;
  return {
    id: row.id,
    name: row.name,
    namespace: row.namespace.name,
    type: row.type,
    labels: row.labels as Record<string, string>,
    immutable: row.immutable,
    version: row.currentVersion,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    keys: (current?.keys as KeyInfo[] | undefined) ?? [],
    sizeBytes: current?.sizeBytes ?? 0,
    lastReadAt: lastRead?.toISOString() ?? null,
    stale: isStale(lastRead ?? row.createdAt),
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

export function toInspect(row: SummaryRow): DockerInspect {
  return {
    ID: row.id,
    Version: { Index: row.metaVersion },
    CreatedAt: row.createdAt.toISOString(),
    UpdatedAt: row.updatedAt.toISOString(),
    Spec: { Name: row.name, Labels: row.labels as Record<string, string> },
  };
}

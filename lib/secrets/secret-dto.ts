// The public shapes of a secret: metadata only, never a value. The
// `inspect` object has the shape of `docker secret inspect`.
import { config } from "../config/env";
import type { Prisma } from "../generated/prisma/client";
import type { KeyInfo } from "./secret-data";

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
  namespace: { select: { name: true } },
  versions: { orderBy: { version: "desc" }, take: 1, select: { keys: true, sizeBytes: true } },
  accesses: { orderBy: { lastReadAt: "desc" }, take: 1, select: { lastReadAt: true } },
} satisfies Prisma.SecretSelect;

type SummaryRow = Prisma.SecretGetPayload<{ select: typeof summarySelect }>;

export type SecretSummary = {
  id: string;
  name: string;
  namespace: string;
  type: string;
  labels: Record<string, string>;
  immutable: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  keys: KeyInfo[];
  sizeBytes: number;
  /** Last read by a service or a person; null if never. */
  lastReadAt: string | null;
  /** Not read in COFFER_STALE_DAYS (counted from creation if never read). */
  stale: boolean;
};

export type VersionInfo = {
  version: number;
  createdAt: string;
  createdBy: string | null;
  keys: KeyInfo[];
  sizeBytes: number;
  current: boolean;
};

export type DockerInspect = {
  ID: string;
  Version: { Index: number };
  CreatedAt: string;
  UpdatedAt: string;
  Spec: { Name: string; Labels: Record<string, string> };
};

export type BoundService = { service: string; target: string; version: number; pinned: boolean };
export type SecretReader = { readerType: string; readerLabel: string; firstReadAt: string; lastReadAt: string; count: number };

export type SecretDetail = SecretSummary & {
  versions: VersionInfo[];
  inspect: DockerInspect;
  /** Reverse lookup: who uses this secret, and who read it. */
  boundServices: BoundService[];
  reads: SecretReader[];
};

export function isStale(lastActivity: Date, now = new Date()): boolean {
  return now.getTime() - lastActivity.getTime() > config().COFFER_STALE_DAYS * 86_400_000;
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

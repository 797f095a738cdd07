// The public shapes of a secret: metadata only, never a value. The
// `inspect` object has the shape of `docker secret inspect`.
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

export type SecretDetail = SecretSummary & { versions: VersionInfo[]; inspect: DockerInspect };

export function toSummary(row: SummaryRow): SecretSummary {
  const current = row.versions[0];
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

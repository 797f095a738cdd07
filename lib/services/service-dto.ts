import type { Prisma } from "../generated/prisma/client";
import { formatMode } from "./service-rules";

export const bindingSelect = {
  id: true,
  target: true,
  uid: true,
  gid: true,
  mode: true,
  envName: true,
  key: true,
  pinnedVersion: true,
  createdAt: true,
  secret: { select: { id: true, name: true, currentVersion: true } },
} satisfies Prisma.SecretBindingSelect;

export type BindingInfo = {
  id: string;
  secret: string;
  secretId: string;
  target: string;
  uid: number;
  gid: number;
  mode: string;
  envName: string | null;
  key: string | null;
  pinnedVersion: number | null;
  /** The version the service receives now. */
  version: number;
  createdAt: string;
};

export function toBindingInfo(row: Prisma.SecretBindingGetPayload<{ select: typeof bindingSelect }>): BindingInfo {
  return {
    id: row.id,
    secret: row.secret.name,
    secretId: row.secret.id,
    target: row.target,
    uid: row.uid,
    gid: row.gid,
    mode: formatMode(row.mode),
    envName: row.envName,
    key: row.key,
    pinnedVersion: row.pinnedVersion,
    version: row.pinnedVersion ?? row.secret.currentVersion,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A function: "expired" depends on the time of the query. */
export const serviceSelect = () => ({
  id: true,
  name: true,
  description: true,
  labels: true,
  createdAt: true,
  updatedAt: true,
  namespace: { select: { name: true } },
  // Usable tokens only: neither revoked nor expired.
  _count: { select: { bindings: true, tokens: { where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] } } } },
}) satisfies Prisma.ServiceSelect;

export type ServiceSummary = {
  id: string;
  name: string;
  namespace: string;
  description: string;
  labels: Record<string, string>;
  bindings: number;
  activeTokens: number;
  createdAt: string;
  updatedAt: string;
};

export function toServiceSummary(row: Prisma.ServiceGetPayload<{ select: ReturnType<typeof serviceSelect> }>): ServiceSummary {
  return {
    id: row.id,
    name: row.name,
    namespace: row.namespace.name,
    description: row.description,
    labels: row.labels as Record<string, string>,
    bindings: row._count.bindings,
    activeTokens: row._count.tokens,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type ServiceTokenInfo = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export type ServiceRead = { secret: string; firstReadAt: string; lastReadAt: string; count: number };

export type ServiceDetail = ServiceSummary & { bindingList: BindingInfo[]; tokens: ServiceTokenInfo[]; reads: ServiceRead[] };

import type { Prisma } from "../generated/prisma/client";
import type { BindingInfo, ServiceSummary } from "../../packages/contracts/src/services/service-dto";
import { formatMode } from "./service-rules";

// The shapes are the contract the CLI reads too: one definition, in packages/contracts.
export type {
  BindingInfo,
  ServiceDetail,
  ServiceRead,
  ServiceSummary,
  ServiceTokenInfo,
} from "../../packages/contracts/src/services/service-dto";

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
export const serviceSelect = () =>
  ({
    id: true,
    name: true,
    description: true,
    labels: true,
    createdAt: true,
    updatedAt: true,
    namespace: { select: { name: true } },
    // Usable tokens only: neither revoked nor expired.
    _count: {
      select: { bindings: true, tokens: { where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] } } },
    },
  }) satisfies Prisma.ServiceSelect;

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
